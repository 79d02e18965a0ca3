import type { TRole } from '@lianxin/contracts';

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
 * Organization-subtree reach, denying by default: a system admin everywhere; an org admin reads
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

/** Admins and leaders act over a subtree; cadres only through their own records. */
export const isAdmin = (actor: Actor) => actor.role === 'system_admin' || actor.role === 'org_admin';
