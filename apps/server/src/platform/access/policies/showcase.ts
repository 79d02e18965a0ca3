import { canOnOrg, isAdmin } from '../actor.ts';
import { caseFacts } from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

/**
 * 典型案例 on the showcase (id: the case activity's): published by an admin over its author (not the
 * author alone: a showcase speaks for the level); read by anyone once published.
 */
export const showcaseCasePolicy: Policy<'showcase_case'> = async ({ p, actor }, ids, action) =>
  grantWhere(await caseFacts(p.db, ids), (c) => {
    if (action === 'read') return c.published ? 'published' : null;
    return isAdmin(actor) && canOnOrg(actor, c.path, 'write') ? 'scope' : null;
  });
