import { type Actor, canOnOrg } from '../actor.ts';
import { cadrePaths } from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

/**
 * A cadre's record: the cadre reads their own and records their own work (log); admins over the
 * cadre's organization read, write and record for them; leaders read.
 */
export const cadrePolicy: Policy<'cadre'> = async ({ p, actor }, ids, action) =>
  grantWhere(await cadrePaths(p.db, ids), (c) => cadreBasis(actor, c, action));

/** The decision on one cadre, from the cadre's id and organization path. */
export function cadreBasis(actor: Actor, c: { id: string; path: string }, action: 'read' | 'write' | 'log') {
  if (action !== 'write' && actor.cadreId === c.id) return 'own';
  return canOnOrg(actor, c.path, action === 'read' ? 'read' : 'write') ? 'scope' : null;
}

/** A cadre's annual-cycle filings (id: the cadre's): only the cadre writes, admins above review. */
export const filingPolicy: Policy<'filing'> = async ({ p, actor }, ids, action) =>
  grantWhere(await cadrePaths(p.db, ids), (c) => {
    const own = actor.cadreId === c.id;
    if (action === 'write') return own ? 'own' : null;
    if (action === 'review') return !own && canOnOrg(actor, c.path, 'write') ? 'scope' : null;
    return own ? 'own' : canOnOrg(actor, c.path, 'read') ? 'scope' : null;
  });
