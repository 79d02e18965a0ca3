import { canOnOrg } from '../actor.ts';
import { accountTargets } from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

/**
 * An account: a system admin manages every account; an org admin those scoped inside their
 * subtree (and bound, if at all, to a cadre inside it), never a system admin's; leaders read.
 */
export const accountPolicy: Policy<'account'> = async ({ p, actor }, ids, action) =>
  grantWhere(await accountTargets(p.db, ids), (a) => {
    if (actor.role === 'system_admin') return 'system';
    if (a.role === 'system_admin' || a.scope_path === null) return null;
    const inside = (path: string | null) => path === null || canOnOrg(actor, path, action);
    return inside(a.scope_path) && inside(a.cadre_path) ? 'scope' : null;
  });
