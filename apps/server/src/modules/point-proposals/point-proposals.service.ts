import crypto from 'node:crypto';
import type { TPointProposalDecision, TPointProposalRequest } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { pointProposals } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { checkNewPoint, insertPoint } from '../contact-points/contact-points.service.ts';
import { findOrg } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { findProposal, pendingTwin, proposalsOf, toProposalDto } from './point-proposals.repo.ts';

/**
 * 候选联系点 (seed 003, seed 001 三.2): a lower committee proposes one of its grassroots
 * organizations to an organ above it; an admin of that organ approves, which creates the point with
 * its 登记表 details and `registeredOn` (the day of the approval), or declines with a reason.
 */
export async function proposePoint(p: Platform, actor: Actor, body: TPointProposalRequest) {
  const by = await loadOrg(p, actor, body.proposedBy, 'write');
  const to = await findOrg(p.db, body.to);
  const org = await findOrg(p.db, body.org);
  if (!to) throw notFound('Organization', body.to, '组织');
  if (!org) throw notFound('Organization', body.org, '组织');
  const details = [];
  if (to.level === 'grassroots' || !by.path.startsWith(to.path) || by.path === to.path)
    details.push({
      path: 'to',
      message: `须为 ${by.name} 的上级团委 / must be a committee above the proposer`,
    });
  if (org.level !== 'grassroots' || !org.path.startsWith(by.path))
    details.push({
      path: 'org',
      message: `须为 ${by.name} 所属的基层团组织 / must be a grassroots organization of the proposer`,
    });
  if (org.closedOn) details.push({ path: 'org', message: '该组织已撤销 / closed' });
  if (details.length > 0)
    throw badRequest('The candidate point cannot be proposed so', '候选联系点的推荐有误', details);
  if (await pendingTwin(p.db, to.id, org.id))
    throw new AppError(
      'conflict',
      `${org.name} is already proposed to ${to.name}`,
      `${org.name} 已推荐给 ${to.name}，待审批`,
      [{ path: 'org', message: '已推荐，待审批 / already pending' }],
    );
  const row = {
    id: crypto.randomUUID(),
    proposedByOrgId: by.id,
    toOrgId: to.id,
    orgId: org.id,
    category: body.category ?? null,
    topic: body.topic ?? null,
    showcase: body.showcase ?? false,
    reason: body.reason ?? null,
    status: 'pending',
    proposedBy: actor.name,
    proposedOn: chinaToday(p.clock),
  };
  await inTransaction(p, async (tx) => {
    await tx.insert(pointProposals).values(row);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'point_proposal.create',
      objectType: 'point_proposal',
      objectId: row.id,
      after: { ...row, reason: undefined, reasonLength: row.reason?.length ?? 0 },
      ip: actor.ip,
    });
  });
  return toProposalDto((await findProposal(p.db, row.id))!);
}

export async function decideProposal(p: Platform, actor: Actor, id: string, body: TPointProposalDecision) {
  const found = await findProposal(p.db, id);
  if (!found) throw notFound('Point proposal', id, '候选联系点');
  await authorize(p, actor, { type: 'point_proposal', id }, 'decide');
  const r = found.row;
  if (r.status !== 'pending')
    throw new AppError('conflict', `The proposal was already ${r.status}`, '该候选联系点已审批');
  const today = chinaToday(p.clock);
  const point =
    body.decision === 'approve'
      ? {
          cadreId: body.cadreId,
          holderOrgId: body.holderOrgId,
          orgId: r.orgId,
          from: body.from ?? today,
          category: body.category ?? (r.category as TPointProposalRequest['category']) ?? undefined,
          topic: body.topic ?? r.topic ?? undefined,
          showcase: body.showcase ?? r.showcase,
          registeredOn: today,
        }
      : null;
  if (point) {
    // the organ takes the point: one of its own cadres (联系领导) or the organ itself (联系部门)
    const holderOrg = point.cadreId
      ? (await loadCadre(p, actor, point.cadreId, 'read')).cadre.orgId
      : point.holderOrgId;
    if (holderOrg !== r.toOrgId)
      throw badRequest(
        'The holder belongs to the organ asked',
        '联系领导须为审批单位的干部，或由审批单位本身联系',
        [
          {
            path: point.cadreId ? 'cadreId' : 'holderOrgId',
            message: `须属于 ${found.toName} / must be of ${found.toName}`,
          },
        ],
      );
    await checkNewPoint(p, actor, point);
  }
  await inTransaction(p, async (tx) => {
    const created = point ? await insertPoint(p, tx, actor, point) : null;
    const change = {
      status: point ? 'approved' : 'declined',
      decidedBy: actor.name,
      decidedOn: today,
      decisionNote: body.note ?? null,
      pointId: created?.id ?? null,
    };
    await tx.update(pointProposals).set(change).where(eq(pointProposals.id, id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: `point_proposal.${body.decision}`,
      objectType: 'point_proposal',
      objectId: id,
      after: { ...change, decisionNote: undefined },
      ip: actor.ip,
    });
  });
  return toProposalDto((await findProposal(p.db, id))!);
}

/** What an organization was asked to decide and what it proposed upwards. */
export async function proposalsAt(p: Platform, actor: Actor, q: { org: string; status?: string }) {
  const org = await loadOrg(p, actor, q.org, 'read');
  const [received, sent] = await Promise.all([
    proposalsOf(p.db, 'to', org.id, q.status),
    proposalsOf(p.db, 'by', org.id, q.status),
  ]);
  return { received: received.map(toProposalDto), sent: sent.map(toProposalDto) };
}
