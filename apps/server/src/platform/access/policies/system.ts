import type { Grants } from '../types.ts';
import type { Policy } from './policy.ts';

const grantAll = (ids: string[], basis: string): Grants => new Map(ids.map((id) => [id, basis]));

/** The audit log is read by system admins only (org admins see refusals through their reports). */
export const auditLogPolicy: Policy<'audit_log'> = async ({ actor }, ids) =>
  actor.role === 'system_admin' ? grantAll(ids, 'system') : new Map();

/**
 * Importing a ledger is for admins; each record the document creates or changes is then
 * authorized on its own (ledger import, per record and batched).
 */
export const ledgerPolicy: Policy<'ledger'> = async ({ actor }, ids) =>
  actor.role === 'system_admin' || actor.role === 'org_admin' ? grantAll(ids, actor.role) : new Map();
