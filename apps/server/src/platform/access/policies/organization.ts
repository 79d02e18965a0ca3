import { type Actor, canOnOrg } from '../actor.ts';
import { orgPaths } from '../queries.ts';
import type { Action } from '../types.ts';
import { grantWhere, type Policy } from './policy.ts';

/** An organization: read by admins and leaders over its subtree, written by admins. */
export const organizationPolicy: Policy<'organization'> = async ({ p, actor }, ids, action) =>
  grantWhere(await orgPaths(p.db, ids), (o) => organizationBasis(actor, o, action));

export function organizationBasis(actor: Actor, org: { path: string }, action: Action<'organization'>) {
  return canOnOrg(actor, org.path, action) ? 'scope' : null;
}
