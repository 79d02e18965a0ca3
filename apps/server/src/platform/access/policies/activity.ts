import { canOnOrg } from '../actor.ts';
import { activityFacts, attachmentActivities } from '../queries.ts';
import type { Action, Grants } from '../types.ts';
import { contactPointPolicy } from './contact-point.ts';
import type { Policy, PolicyContext } from './policy.ts';

type Facts = Awaited<ReturnType<typeof activityFacts>>[number];

type Act = 'read' | 'write' | 'move' | 'answer';

function directBasis(ctx: PolicyContext, a: Facts, action: Act): string | null {
  const { actor } = ctx;
  if (actor.cadreId && actor.cadreId === a.cadre_id) return 'author';
  if (canOnOrg(actor, a.cadre_path, action === 'read' ? 'read' : 'write')) return 'scope';
  const assignee = actor.cadreId !== null && a.type === 'problem' && a.assignee === actor.cadreId;
  if (action !== 'write' && assignee) return 'assignee';
  // a problem passed up to a committee is read there, and answered by its admins (seed 004 细则四.4)
  const passedHere =
    a.type === 'problem' &&
    a.passed_to_path !== null &&
    canOnOrg(actor, a.passed_to_path, action === 'read' ? 'read' : 'write');
  if ((action === 'read' || action === 'answer') && passedHere) return 'passed_to';
  if (action === 'read' && a.led) return 'group_leader';
  return null;
}

/**
 * An activity of the work log: its author and the admins over the author's organization write it;
 * it is read besides by leaders over the author, the assignee of a problem, the leader of the
 * author's posting group for the posting's time, and whoever reads the point's ledger at that
 * tenure (decision 15). A problem's assignee also moves its status.
 */
async function activityGrants(ctx: PolicyContext, ids: string[], action: Act) {
  const facts = await activityFacts(ctx.p.db, ids, ctx.actor.cadreId);
  const grants: Grants = new Map();
  const viaPoint: Facts[] = [];
  for (const a of facts) {
    const basis = directBasis(ctx, a, action);
    if (basis) grants.set(a.id, basis);
    else if (action === 'read' && a.point_id) viaPoint.push(a);
  }
  if (viaPoint.length > 0) {
    const points = await contactPointPolicy(ctx, [...new Set(viaPoint.map((a) => a.point_id!))], 'read');
    for (const a of viaPoint) if (points.has(a.point_id!)) grants.set(a.id, 'point_ledger');
  }
  return grants;
}

export const activityPolicy: Policy<'activity'> = (ctx, ids, action) => activityGrants(ctx, ids, action);

/** A problem (问题) is an activity of type problem. */
export const problemPolicy: Policy<'problem'> = (ctx, ids, action: Action<'problem'>) =>
  activityGrants(ctx, ids, action);

/** An attachment is read and written as its activity is. */
export const attachmentPolicy: Policy<'attachment'> = async (ctx, ids, action) => {
  const links = await attachmentActivities(ctx.p.db, ids);
  const onActivities = await activityGrants(ctx, [...new Set(links.map((l) => l.activity_id))], action);
  const grants: Grants = new Map();
  for (const l of links) {
    const basis = onActivities.get(l.activity_id);
    if (basis) grants.set(l.id, basis);
  }
  return grants;
};
