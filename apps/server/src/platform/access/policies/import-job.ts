import { canOnOrg } from '../actor.ts';
import { importJobStarters } from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

/**
 * An import job is read by who started it, and by an admin whose scope holds the starter's scope
 * (a system admin's job, started with no scope, by system admins only).
 */
export const importJobPolicy: Policy<'import_job'> = async ({ p, actor }, ids) =>
  grantWhere(await importJobStarters(p.db, ids), (job) => {
    if (actor.accountId !== null && job.account_id === actor.accountId) return 'own';
    if (actor.role === 'system_admin') return 'system';
    return actor.role === 'org_admin' && job.path !== null && canOnOrg(actor, job.path, 'write')
      ? 'scope'
      : null;
  });
