import { and, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, canOnOrg } from '../../platform/access.ts';
import { activities, postingGroups, postings } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadChain } from '../contact-points/contact-points.repo.ts';
import { denyOn, readableTenureIds, visibleTenures } from '../contact-points/contact-points.service.ts';
import { findOrg, subtreePattern } from '../organizations/organizations.repo.ts';
import { type ActivityView, cadreOrg, findActivity, pointOrg } from './activities.repo.ts';

/**
 * Activities of the members of a group `leaderId` leads (牵头人), dated within the member's posting
 * (decision 15: the posting's time only), as a condition on the outer `activities` row.
 */
function ledMembersDuringPosting(leaderId: string): SQL {
  return sql`exists (select 1 from ${postings} join ${postingGroups} on ${postingGroups.id} = ${postings.groupId}
    where ${postingGroups.leaderCadreId} = ${leaderId} and ${postings.cadreId} = ${activities.cadreId}
      and ${activities.startDate} <= ${postings.toDate}
      and coalesce(${activities.endDate}, ${activities.startDate}) >= ${postings.fromDate})`;
}

async function leadsDuringPosting(p: Platform, leaderId: string, activityId: string): Promise<boolean> {
  const rows = await p.db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.id, activityId), ledMembersDuringPosting(leaderId)));
  return rows.length > 0;
}

/**
 * Who reads an activity: its cadre, admins and leaders over the cadre's organization, the assignee
 * of a problem, the leader of the cadre's posting group for the posting's time, and whoever reads
 * the point's ledger at that tenure (decision 15).
 */
export async function canRead(p: Platform, actor: Actor, v: ActivityView): Promise<boolean> {
  const a = v.activity;
  if (actor.cadreId && actor.cadreId === a.cadreId) return true;
  if (canOnOrg(actor, v.cadreOrgPath, 'read')) return true;
  if (actor.cadreId && a.type === 'problem' && a.details.assignee === actor.cadreId) return true;
  if (actor.cadreId && (await leadsDuringPosting(p, actor.cadreId, a.id))) return true;
  if (a.pointId) {
    const chain = await loadChain(p.db, a.pointId);
    const index = chain.findIndex((t) => t.point.id === a.pointId);
    return index >= 0 && index < (await visibleTenures(p, actor, chain));
  }
  return false;
}

/** The author, or an admin over the author's organization, changes an activity. */
export function canWrite(actor: Actor, v: ActivityView): boolean {
  return (
    (actor.cadreId !== null && actor.cadreId === v.activity.cadreId) ||
    canOnOrg(actor, v.cadreOrgPath, 'write')
  );
}

export async function loadActivity(p: Platform, actor: Actor, id: string, perm: 'read' | 'write') {
  const v = await findActivity(p.db, id);
  if (!v) throw notFound('Activity', id, '活动记录');
  const ok = perm === 'read' ? await canRead(p, actor, v) : canWrite(actor, v);
  if (!ok) throw await denyOn(p, actor, 'activity', id, perm, '活动记录');
  return v;
}

/** Rows of a list the actor may read, as SQL over activities ⋈ cadre_org ⟕ point_org. */
export async function readScope(p: Platform, actor: Actor): Promise<SQL | undefined> {
  if (actor.role === 'system_admin') return undefined;
  const parts: SQL[] = [];
  if ((actor.role === 'org_admin' || actor.role === 'leader') && actor.scopePath && actor.scopeOrgId) {
    parts.push(like(cadreOrg.path, subtreePattern(actor.scopePath)));
    // admins of a county committee (or above) read the ledgers of the points under it
    const scopeOrg = await findOrg(p.db, actor.scopeOrgId);
    if (scopeOrg && scopeOrg.level !== 'grassroots')
      parts.push(like(pointOrg.path, subtreePattern(actor.scopePath)));
  }
  if (actor.cadreId) {
    parts.push(eq(activities.cadreId, actor.cadreId));
    parts.push(sql`${activities.details}->>'assignee' = ${actor.cadreId}`);
    parts.push(ledMembersDuringPosting(actor.cadreId));
    const tenures = await readableTenureIds(p, actor.cadreId);
    if (tenures.length > 0) parts.push(inArray(activities.pointId, tenures));
  }
  return parts.length > 0 ? or(...parts) : sql`false`;
}
