import type { Actor } from '../actor.ts';
import { canOnOrg } from '../actor.ts';
import { contactKeepers, contactsInheritedBy, keeperRequestFacts } from '../queries.ts';
import type { Action, Grants } from '../types.ts';
import { grantWhere, type Policy } from './policy.ts';

type Keeper = { cadreId: string; path: string };

/**
 * A young person's record (decisions 14, 26):
 * - read (masked): the keepers, the successors of a point where they were met, admins and leaders
 *   over any keeper;
 * - write: the keepers, admins over any keeper;
 * - reveal (in clear): the keepers, the successors, admins over any keeper as a spot check;
 * - keep (join the keepers without a request): admins over every keeper, and the successors.
 */
export function contactBasis(
  actor: Actor,
  keepers: Keeper[],
  successor: boolean,
  action: Action<'contact'>,
): string | null {
  if (actor.cadreId && keepers.some((k) => k.cadreId === actor.cadreId)) return 'keeper';
  if (actor.role === 'system_admin') return action === 'reveal' ? 'spot_check' : 'scope';
  if (action === 'keep') {
    if (successor) return 'successor';
    const overAll = keepers.length > 0 && keepers.every((k) => canOnOrg(actor, k.path, 'write'));
    return actor.role === 'org_admin' && overAll ? 'scope' : null;
  }
  if (keepers.some((k) => canOnOrg(actor, k.path, action === 'read' ? 'read' : 'write')))
    return action === 'reveal' ? 'spot_check' : 'scope';
  return successor && action !== 'write' ? 'successor' : null;
}

export const contactPolicy: Policy<'contact'> = async ({ p, actor }, ids, action) => {
  const keepers = await contactKeepers(p.db, ids);
  const grants: Grants = new Map();
  for (const [id, ks] of keepers) {
    const basis = contactBasis(actor, ks, false, action);
    if (basis) grants.set(id, basis);
  }
  // the chain walk runs only for what keeping and scope left refused
  const rest = [...keepers.keys()].filter((id) => !grants.has(id));
  if (!actor.cadreId || rest.length === 0) return grants;
  for (const id of await contactsInheritedBy(p.db, actor.cadreId, rest)) {
    const basis = contactBasis(actor, keepers.get(id) ?? [], true, action);
    if (basis) grants.set(id, basis);
  }
  return grants;
};

/**
 * A keeper request (decision 26) is decided by an admin over the asking cadre and over every
 * current keeper, never by the asking cadre; the asking cadre reads their own request.
 */
export const keeperRequestPolicy: Policy<'keeper_request'> = async ({ p, actor }, ids, action) =>
  grantWhere(await keeperRequestFacts(p.db, ids), (r) => {
    if (actor.role === 'system_admin') return 'system';
    const overAll =
      actor.role === 'org_admin' &&
      canOnOrg(actor, r.path, 'write') &&
      r.keepers.every((k) => canOnOrg(actor, k.path, 'write'));
    if (overAll) return 'scope';
    return action === 'read' && actor.cadreId === r.cadre_id ? 'own' : null;
  });
