import { type Actor, canOnOrg, type Permission } from '../actor.ts';
import { groupFacts, type PostingFacts, postingFacts } from '../queries.ts';
import { grantWhere, type Policy } from './policy.ts';

function adminOver(actor: Actor, v: PostingFacts, perm: Permission): boolean {
  if (actor.role === 'cadre') return false;
  return (
    canOnOrg(actor, v.program_path, perm) ||
    canOnOrg(actor, v.cadre_path, perm) ||
    (perm === 'read' && canOnOrg(actor, v.org_path, 'read'))
  );
}

/**
 * A posting (派驻): admins over the program's organization or over the cadre's (and, to read,
 * admins of the posted county); the posted cadre; and the group's leader, who manages the group
 * day to day (seed 002: 工作小组负责同志要切实担负起日常管理责任) and reads its postings.
 * manage (decide leave): admins who may write; own (the summary): the posted cadre; act (ask for
 * leave, mark deliverables): the posted cadre or an admin who may write, for them.
 */
export const postingPolicy: Policy<'posting'> = async ({ p, actor }, ids, action) =>
  grantWhere(await postingFacts(p.db, ids), (v) => {
    const posted = actor.cadreId === v.cadre_id;
    const manages = adminOver(actor, v, 'write');
    if (action === 'own') return posted ? 'own' : null;
    if (action === 'manage') return manages ? 'scope' : null;
    if (action === 'act') return posted ? 'own' : manages ? 'scope' : null;
    if (adminOver(actor, v, 'read')) return 'scope';
    if (posted) return 'own';
    return actor.cadreId !== null && v.leader_cadre_id === actor.cadreId ? 'group_leader' : null;
  });

/**
 * A posting group (工作小组): its page is read by its leader, its members and admins over any
 * member's posting; its report is written by its leader.
 */
export const postingGroupPolicy: Policy<'posting_group'> = async ({ p, actor }, ids, action) =>
  grantWhere(await groupFacts(p.db, ids), (g) => {
    const leads = actor.cadreId !== null && g.leader_cadre_id === actor.cadreId;
    if (action === 'report') return leads ? 'group_leader' : null;
    if (leads) return 'group_leader';
    if (g.members.some((m) => m.cadre_id === actor.cadreId)) return 'member';
    return g.members.some((m) => adminOver(actor, m, 'read')) ? 'scope' : null;
  });
