import { type Actor, canOnOrg, type Permission } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { denyOn } from '../contact-points/contact-points.service.ts';
import { findPosting, type PostingView } from './postings.repo.ts';

/**
 * Who reaches a posting: admins over the program's organization or over the cadre's, and (to read)
 * admins of the posted county; the posted cadre; and the group's leader, who manages the group
 * day to day (seed 002: 工作小组负责同志要切实担负起日常管理责任).
 */
export function adminOver(actor: Actor, v: PostingView, perm: Permission): boolean {
  if (actor.role === 'cadre') return false;
  return (
    canOnOrg(actor, v.programOrgPath, perm) ||
    canOnOrg(actor, v.cadreOrgPath, perm) ||
    (perm === 'read' && canOnOrg(actor, v.orgPath, 'read'))
  );
}

export const isPostedCadre = (actor: Actor, v: PostingView) => actor.cadreId === v.posting.cadreId;
export const isGroupLeader = (actor: Actor, v: PostingView) =>
  actor.cadreId !== null && v.leaderCadreId === actor.cadreId;

export type PostingAccess = 'read' | 'manage' | 'own';

/**
 * read: admins, the cadre, the leader; manage (decide leave, mark deliverables): admins who may
 * write; own (ask for leave, write the summary): the posted cadre.
 */
export async function loadPosting(p: Platform, actor: Actor, id: string, access: PostingAccess) {
  const v = await findPosting(p.db, id);
  if (!v) throw notFound('Posting', id, '派驻');
  const allowed =
    access === 'read'
      ? adminOver(actor, v, 'read') || isPostedCadre(actor, v) || isGroupLeader(actor, v)
      : access === 'manage'
        ? adminOver(actor, v, 'write')
        : isPostedCadre(actor, v);
  if (!allowed) throw await denyOn(p, actor, 'posting', id, access === 'read' ? 'read' : 'write', '派驻');
  return v;
}
