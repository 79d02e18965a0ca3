import { AppError } from '../errors.ts';
import type { Platform } from '../platform.ts';
import type { Actor } from './actor.ts';
import { actionZh, type ObjectType, objectTypeZh } from './types.ts';

/**
 * The one refusal: written to the audit log (who, what, which action; never personal data) and
 * returned as the 403 to throw. `after` carries context such as a reveal's stated reason.
 */
export async function refuse(
  p: Platform,
  actor: Actor,
  type: ObjectType,
  id: string,
  action: string,
  after?: unknown,
) {
  await p.audit.record(p.db, {
    actor: actor.name,
    action: `deny.${action}`,
    objectType: type,
    objectId: id,
    after: after ?? null,
    ip: actor.ip,
    result: 'denied',
  });
  return new AppError(
    'forbidden',
    `No ${action} access to ${type} ${id}`,
    `无权${actionZh[action] ?? '访问'}该${objectTypeZh[type]}`,
  );
}
