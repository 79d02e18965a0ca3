import crypto from 'node:crypto';
import type {
  TFilingStatus,
  TSelfCheck,
  TSelfCheckContent,
  TTaskList,
  TTaskListContent,
} from '@lianxin/contracts';
import { and, eq } from 'drizzle-orm';
import { type Action, type Actor, authorize } from '../../platform/access/index.ts';
import { cycleFilings } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { listPointsOfCadre } from '../contact-points/contact-points.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { type FilingKind, type FilingRow, findFiling, rosterWithFilings } from './annual-cycle.repo.ts';
import { cycleAt, stateOf, today } from './cycle.ts';
import { type ReportKind, selfCheckDraft } from './self-check.ts';

const kindZh: Record<FilingKind, string> = {
  task_list: '任务清单',
  midyear_report: '半年自查报告',
  year_summary: '个人总结',
};
const deadlineKind = {
  task_list: 'task_list',
  midyear_report: 'midyear_report',
  year_summary: 'year_summary',
} as const;

type CadreView = NonNullable<Awaited<ReturnType<typeof findCadre>>>;

function toFilingDto(row: FilingRow, cadre: CadreView, due: string | null, asOf: string) {
  return {
    id: row.id,
    cadreId: row.cadreId,
    cadreName: cadre.cadre.name,
    year: row.year,
    status: row.status as TFilingStatus,
    firstSubmittedOn: row.firstSubmittedOn,
    submittedOn: row.submittedOn,
    due,
    state: stateOf(due, row.firstSubmittedOn, asOf),
    reviewComment: row.reviewComment,
    reviewedBy: row.reviewedBy,
    reviewedOn: row.reviewedOn,
  };
}

/** The filing of a kind with its deadline state and content, or null when none was started. */
async function readFiling(p: Platform, actor: Actor, cadreId: string, year: number, kind: FilingKind) {
  const cadre = await loadFilingCadre(p, actor, cadreId, 'read');
  const row = await findFiling(p.db, cadreId, year, kind);
  if (!row) return null;
  const { due } = await cycleAt(p.db, cadre.orgPath, year);
  return { ...toFilingDto(row, cadre, due(deadlineKind[kind]), today(p)), content: row.content };
}

export async function findTaskList(p: Platform, actor: Actor, cadreId: string, year: number) {
  return (await readFiling(p, actor, cadreId, year, 'task_list')) as TTaskList | null;
}

export async function findSelfCheck(p: Platform, actor: Actor, cadreId: string, year: number) {
  return (await readFiling(p, actor, cadreId, year, 'midyear_report')) as TSelfCheck | null;
}

/** 个人总结 (seed 001 四.3): as the self-check, drafted from the log, the cadre's words, frozen when submitted. */
export async function findYearSummary(p: Platform, actor: Actor, cadreId: string, year: number) {
  return (await readFiling(p, actor, cadreId, year, 'year_summary')) as TSelfCheck | null;
}

export async function getYearSummary(p: Platform, actor: Actor, cadreId: string, year: number) {
  const filing = await findYearSummary(p, actor, cadreId, year);
  if (!filing) throw notFound('Year-end summary', `${cadreId}/${year}`, '个人总结');
  return filing;
}

export async function getTaskList(p: Platform, actor: Actor, cadreId: string, year: number) {
  const filing = await findTaskList(p, actor, cadreId, year);
  if (!filing) throw notFound('Task list', `${cadreId}/${year}`, '任务清单');
  return filing;
}

export async function getSelfCheck(p: Platform, actor: Actor, cadreId: string, year: number) {
  const filing = await findSelfCheck(p, actor, cadreId, year);
  if (!filing) throw notFound('Self-check report', `${cadreId}/${year}`, '半年自查报告');
  return filing;
}

/** The cadre whose filings are meant, or 404; then the access layer's answer for `action`. */
async function loadFilingCadre(p: Platform, actor: Actor, cadreId: string, action: Action<'filing'>) {
  const cadre = await findCadre(p.db, cadreId);
  if (!cadre) throw notFound('Cadre', cadreId, '团干部');
  await authorize(p, actor, { type: 'filing', id: cadreId }, action);
  return cadre;
}

/** The cadre files their own plan and report; nobody else writes them (an admin reviews). */
const loadOwnCadre = (p: Platform, actor: Actor, cadreId: string) =>
  loadFilingCadre(p, actor, cadreId, 'write');

function assertEditable(row: FilingRow | null, kind: FilingKind) {
  if (row?.status === 'submitted' || row?.status === 'accepted') {
    throw new AppError(
      'conflict',
      `The ${kind.replace('_', ' ')} is ${row.status}; it can change only once returned`,
      `${kindZh[kind]}已${row.status === 'accepted' ? '通过审核' : '报送，待审核'}，退回后方可修改`,
    );
  }
}

/** Points of the task list: the cadre's own tenures overlapping the year (附表1 基层联系点, up to four). */
async function assertOwnPoints(p: Platform, cadreId: string, year: number, pointIds: string[]) {
  const own = await listPointsOfCadre(p.db, cadreId);
  const held = new Set(
    own
      .filter((t) => t.point.fromDate <= `${year}-12-31` && (t.point.toDate ?? '9999') >= `${year}-01-01`)
      .map((t) => t.point.id),
  );
  const problems = pointIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !held.has(id))
    .map(({ id, i }) => ({
      path: `pointIds.${i}`,
      message: `不是本人当年的联系点 / not your point this year: ${id}`,
    }));
  if (new Set(pointIds).size !== pointIds.length)
    problems.push({ path: 'pointIds', message: '联系点重复 / a point is listed twice' });
  if (problems.length > 0)
    throw badRequest(
      'Contact points must be your own points of the year',
      '请从本人当年的联系点中选择',
      problems,
    );
}

async function saveContent(
  p: Platform,
  actor: Actor,
  cadreId: string,
  year: number,
  kind: FilingKind,
  content: Record<string, unknown>,
) {
  const existing = await findFiling(p.db, cadreId, year, kind);
  assertEditable(existing, kind);
  await inTransaction(p, async (tx) => {
    if (existing) {
      await tx.update(cycleFilings).set({ content }).where(eq(cycleFilings.id, existing.id));
    } else {
      await tx
        .insert(cycleFilings)
        .values({ id: crypto.randomUUID(), cadreId, year, kind, status: 'draft', content });
    }
    await p.audit.append(tx, {
      actor: actor.name,
      action: `${kind}.save`,
      objectType: kind,
      objectId: existing?.id ?? `${cadreId}/${year}`,
      // plans and reports are the cadre's words about their work, kept out of the log by size only
      after: { cadreId, year, size: JSON.stringify(content).length },
      ip: actor.ip,
    });
  });
}

export async function saveTaskList(
  p: Platform,
  actor: Actor,
  cadreId: string,
  year: number,
  content: TTaskListContent,
) {
  await loadOwnCadre(p, actor, cadreId);
  await assertOwnPoints(p, cadreId, year, content.pointIds);
  await saveContent(p, actor, cadreId, year, 'task_list', content);
  return getTaskList(p, actor, cadreId, year);
}

/**
 * The self-check or the year-end summary as the cadre edits it: the figures are counted anew from
 * the log, the words are theirs.
 */
export async function saveReport(
  p: Platform,
  actor: Actor,
  cadreId: string,
  year: number,
  kind: ReportKind,
  text: string,
) {
  const cadre = await loadOwnCadre(p, actor, cadreId);
  const draft = await selfCheckDraft(p, cadre, year, kind);
  await saveContent(p, actor, cadreId, year, kind, { ...draft, text });
  return kind === 'midyear_report'
    ? getSelfCheck(p, actor, cadreId, year)
    : getYearSummary(p, actor, cadreId, year);
}

export async function submitFiling(
  p: Platform,
  actor: Actor,
  cadreId: string,
  year: number,
  kind: FilingKind,
) {
  const cadre = await loadOwnCadre(p, actor, cadreId);
  const row = await findFiling(p.db, cadreId, year, kind);
  if (!row) throw notFound(kind, `${cadreId}/${year}`, kindZh[kind]);
  assertEditable(row, kind);
  const day = today(p);
  // a report's figures are frozen as of the day it is submitted
  const content =
    kind === 'task_list'
      ? row.content
      : { ...(await selfCheckDraft(p, cadre, year, kind)), text: (row.content as TSelfCheckContent).text };
  await inTransaction(p, async (tx) => {
    await tx
      .update(cycleFilings)
      .set({ status: 'submitted', content, submittedOn: day, firstSubmittedOn: row.firstSubmittedOn ?? day })
      .where(eq(cycleFilings.id, row.id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: `${kind}.submit`,
      objectType: kind,
      objectId: row.id,
      before: { status: row.status },
      after: { status: 'submitted', submittedOn: day },
      ip: actor.ip,
    });
  });
}

/** 审核: an admin over the cadre's organization accepts the filing or returns it with comments. */
export async function reviewFiling(
  p: Platform,
  actor: Actor,
  cadreId: string,
  year: number,
  kind: FilingKind,
  review: { decision: 'accept' | 'return'; comment?: string },
) {
  await loadFilingCadre(p, actor, cadreId, 'review');
  const row = await findFiling(p.db, cadreId, year, kind);
  if (!row) throw notFound(kind, `${cadreId}/${year}`, kindZh[kind]);
  if (row.status !== 'submitted')
    throw new AppError('conflict', `Only a submitted ${kind} is reviewed`, `只能审核已报送的${kindZh[kind]}`);
  if (review.decision === 'return' && !review.comment)
    throw badRequest('A return needs comments', '退回时请填写意见', [
      { path: 'comment', message: '必填 / required' },
    ]);
  const status = review.decision === 'accept' ? 'accepted' : 'returned';
  await inTransaction(p, async (tx) => {
    await tx
      .update(cycleFilings)
      .set({ status, reviewComment: review.comment ?? null, reviewedBy: actor.name, reviewedOn: today(p) })
      .where(and(eq(cycleFilings.id, row.id), eq(cycleFilings.status, 'submitted')));
    await p.audit.append(tx, {
      actor: actor.name,
      action: `${kind}.${review.decision}`,
      objectType: kind,
      objectId: row.id,
      before: { status: row.status },
      after: { status, comment: review.comment ?? null },
      ip: actor.ip,
    });
  });
}

/** Every active cadre of an organization subtree with the filing's state: late and missing ones show. */
export async function filingRoster(
  p: Platform,
  actor: Actor,
  year: number,
  q: { org: string; kind: FilingKind; asOf?: string },
) {
  const org = await loadOrg(p, actor, q.org, 'read');
  const asOf = q.asOf ?? today(p);
  const { due } = await cycleAt(p.db, org.path, year);
  const deadline = due(deadlineKind[q.kind]);
  const rows = await rosterWithFilings(p.db, org.path, year, q.kind);
  return {
    kind: q.kind,
    due: deadline,
    items: rows.map((r) => ({
      cadreId: r.id,
      cadreName: r.name,
      orgId: r.orgId,
      orgName: r.orgName,
      department: r.department,
      filingId: r.filing?.id ?? null,
      status: (r.filing?.status ?? null) as TFilingStatus | null,
      submittedOn: r.filing?.firstSubmittedOn ?? null,
      state: stateOf(deadline, r.filing?.firstSubmittedOn ?? null, asOf),
    })),
  };
}
