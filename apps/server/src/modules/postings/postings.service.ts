import type { TPostingGroupPage } from '@lianxin/contracts';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { activities, postings } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { listActivities, toActivitySummary } from '../activities/activities.repo.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { leavesOf } from './leaves.service.ts';
import { findGroup, type PostingView, selectPostings, toPostingDto } from './postings.repo.ts';
import { loadProgram } from './programs.service.ts';
import { groupReport } from './reports.service.ts';

/** A program's postings (its admins), or a cadre's (the cadre, their admins); default the caller's own. */
export async function listPostingsFor(p: Platform, actor: Actor, q: { program?: string; cadre?: string }) {
  let where: SQL;
  if (q.program) {
    await loadProgram(p, actor, q.program, 'read');
    where = eq(postings.programId, q.program);
  } else {
    const cadreId = q.cadre ?? actor.cadreId;
    if (!cadreId)
      throw badRequest('Name a program or a cadre', '请指定下沉计划或团干部', [
        { path: 'program', message: '必填其一 / program or cadre required' },
      ]);
    await loadCadre(p, actor, cadreId, 'read');
    where = eq(postings.cadreId, cadreId);
  }
  return { items: (await selectPostings(p.db, where)).map(toPostingDto) };
}

/** The members' activities dated within their own postings (decision 15: the posting's time only). */
async function postingLogs(p: Platform, members: PostingView[]) {
  if (members.length === 0) return [];
  const during = members.map(({ posting: m }) =>
    and(
      eq(activities.cadreId, m.cadreId),
      sql`${activities.startDate} <= ${m.toDate}`,
      sql`coalesce(${activities.endDate}, ${activities.startDate}) >= ${m.fromDate}`,
    ),
  );
  const { items } = await listActivities(p.db, or(...during), 1, 500);
  return items.map(toActivitySummary);
}

/**
 * 小组页面: the roster, leave and the group report for the group's members; the members' posting
 * logs for the leader and admins (decision 15).
 */
export async function getGroupPage(p: Platform, actor: Actor, id: string): Promise<TPostingGroupPage> {
  const found = await findGroup(p.db, id);
  if (!found) throw notFound('Posting group', id, '工作小组');
  const basis = await authorize(p, actor, { type: 'posting_group', id }, 'read');
  const members = await selectPostings(p.db, eq(postings.groupId, id));
  const b = found.batch;
  return {
    id,
    programId: found.group.programId,
    programName: found.programName,
    batch: { id: b.id, name: b.name, start: b.startDate },
    prefectureOrgId: found.group.prefectureOrgId,
    prefectureName: found.prefectureName,
    leaderCadreId: found.group.leaderCadreId,
    members: members.map(toPostingDto),
    leaves: await leavesOf(
      p.db,
      members.map((m) => m.posting.id),
    ),
    logs: basis === 'scope' || basis === 'group_leader' ? await postingLogs(p, members) : null,
    report: await groupReport(p.db, id, members),
  };
}
