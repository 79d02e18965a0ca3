import type { TRole } from '@lianxin/contracts';

/**
 * Who is acting: a signed-in account, the local operator at the command line (decision 18), or an
 * anonymous visitor of a public page (decision 25: an actor of its own kind, holding nothing but
 * the card its URL gave it).
 */
export interface Actor {
  accountId: string | null;
  /** as written to the audit log: the username, cli:<os user>, or public:<keyed hash of the address> */
  name: string;
  role: TRole | 'visitor';
  scopeOrgId: string | null;
  /** materialized path of the scope organization, for subtree checks */
  scopePath: string | null;
  cadreId: string | null;
  ip: string | null;
  /** a visitor's card (public_cards.id), once the URL's token named an existing one */
  card?: string;
}

/**
 * A visitor of a public page: no account, no scope, no cadre. The audit log gets a keyed hash of
 * the address in its name, never the address itself beside what they wrote.
 */
export const visitorActor = (ip: string, addressHash: string, card?: string): Actor => ({
  accountId: null,
  name: `public:${addressHash.slice(0, 16)}`,
  role: 'visitor',
  scopeOrgId: null,
  scopePath: null,
  cadreId: null,
  ip,
  ...(card ? { card } : {}),
});

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
