import { eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { subtreePattern } from '../db/like.ts';
import { activities, postingGroups, postings } from '../db/schema.ts';
import type { Platform } from '../platform.ts';
import type { Actor } from './actor.ts';
import { orgPaths, tenuresReadBy } from './queries.ts';

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

/**
 * The rows of an activity list the actor may read — the activity policy as one SQL condition over
 * activities joined to the author's organization and (left) to the point's organization.
 */
export async function activityReadScope(
  p: Platform,
  actor: Actor,
  joined: { cadreOrgPath: PgColumn; pointOrgPath: PgColumn },
): Promise<SQL | undefined> {
  if (actor.role === 'system_admin') return undefined;
  const parts: SQL[] = [];
  if ((actor.role === 'org_admin' || actor.role === 'leader') && actor.scopePath && actor.scopeOrgId) {
    parts.push(like(joined.cadreOrgPath, subtreePattern(actor.scopePath)));
    // admins of a county committee (or above) read the ledgers of the points under it
    const [scopeOrg] = await orgPaths(p.db, [actor.scopeOrgId]);
    if (scopeOrg && scopeOrg.level !== 'grassroots')
      parts.push(like(joined.pointOrgPath, subtreePattern(actor.scopePath)));
  }
  if (actor.cadreId) {
    parts.push(eq(activities.cadreId, actor.cadreId));
    parts.push(sql`${activities.details}->>'assignee' = ${actor.cadreId}`);
    parts.push(ledMembersDuringPosting(actor.cadreId));
    const tenures = await tenuresReadBy(p.db, actor.cadreId);
    if (tenures.length > 0) parts.push(inArray(activities.pointId, tenures));
  }
  return parts.length > 0 ? or(...parts) : sql`false`;
}
