import type { TRole } from '@lianxin/contracts';
import { AppError } from './errors.ts';
import type { Platform } from './platform.ts';

/** Who is acting: a signed-in account, or the local operator at the command line (decision 18). */
export interface Actor {
  accountId: string | null;
  /** as written to the audit log: the username, or cli:<os user> */
  name: string;
  role: TRole;
  scopeOrgId: string | null;
  /** materialized path of the scope organization, for subtree checks */
  scopePath: string | null;
  cadreId: string | null;
  ip: string | null;
}

export type Permission = 'read' | 'write';

/**
 * Organization-subtree access, denying by default: a system admin everywhere; an org admin reads
 * and writes its subtree; a leader reads it; a cadre reaches organizations only through own records.
 */
export function canOnOrg(actor: Actor, orgPath: string, perm: Permission): boolean {
  switch (actor.role) {
    case 'system_admin':
      return true;
    case 'org_admin':
      return actor.scopePath !== null && orgPath.startsWith(actor.scopePath);
    case 'leader':
      return perm === 'read' && actor.scopePath !== null && orgPath.startsWith(actor.scopePath);
    default:
      return false;
  }
}

/** Records the refusal in the audit log and returns the error to throw. */
export async function deny(
  p: Platform,
  actor: Actor,
  objectType: string,
  objectId: string,
  perm: Permission,
) {
  await p.audit.record(p.db, {
    actor: actor.name,
    action: `deny.${perm}`,
    objectType,
    objectId,
    ip: actor.ip,
    result: 'denied',
  });
  return new AppError(
    'forbidden',
    `No ${perm} access to ${objectType} ${objectId}`,
    `无权${perm === 'read' ? '查看' : '修改'}该${objectTypeZh[objectType] ?? '对象'}`,
  );
}

const objectTypeZh: Record<string, string> = {
  organization: '组织',
  cadre: '团干部',
  account: '账号',
  audit: '审计日志',
  contact: '联系青年',
  contact_point: '联系点',
  activity: '工作日志',
  attachment: '附件',
};

export async function requireOrgAccess(
  p: Platform,
  actor: Actor,
  org: { id: string; path: string },
  perm: Permission,
) {
  if (!canOnOrg(actor, org.path, perm)) throw await deny(p, actor, 'organization', org.id, perm);
}

export async function requireRole(
  p: Platform,
  actor: Actor,
  roles: TRole[],
  objectType: string,
  objectId: string,
) {
  if (!roles.includes(actor.role)) throw await deny(p, actor, objectType, objectId, 'write');
}
