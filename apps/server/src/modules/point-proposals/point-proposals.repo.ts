import type { TPointProposal } from '@lianxin/contracts';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { organizations, pointProposals } from '../../platform/db/schema.ts';

const byOrg = alias(organizations, 'by_org');
const toOrg = alias(organizations, 'to_org');
const candidate = alias(organizations, 'candidate');

export type ProposalRow = typeof pointProposals.$inferSelect;

function selectProposals(db: Db, where: SQL | undefined) {
  return db
    .select({
      row: pointProposals,
      byName: byOrg.name,
      toName: toOrg.name,
      orgName: candidate.name,
      orgField: candidate.field,
    })
    .from(pointProposals)
    .innerJoin(byOrg, eq(byOrg.id, pointProposals.proposedByOrgId))
    .innerJoin(toOrg, eq(toOrg.id, pointProposals.toOrgId))
    .innerJoin(candidate, eq(candidate.id, pointProposals.orgId))
    .where(where)
    .orderBy(desc(pointProposals.proposedOn), desc(pointProposals.createdAt));
}

type View = Awaited<ReturnType<typeof selectProposals>>[number];

export function toProposalDto(v: View): TPointProposal {
  const r = v.row;
  return {
    id: r.id,
    proposedBy: r.proposedByOrgId,
    proposedByName: v.byName,
    to: r.toOrgId,
    toName: v.toName,
    org: r.orgId,
    orgName: v.orgName,
    orgField: v.orgField as TPointProposal['orgField'],
    category: r.category as TPointProposal['category'],
    topic: r.topic,
    showcase: r.showcase,
    reason: r.reason,
    status: r.status as TPointProposal['status'],
    proposedOn: r.proposedOn,
    decidedOn: r.decidedOn,
    decisionNote: r.decisionNote,
    point: r.pointId,
  };
}

export async function findProposal(db: Db, id: string) {
  const [v] = await selectProposals(db, eq(pointProposals.id, id));
  return v ?? null;
}

/** Proposals to (`side` to) or from (`side` by) one organization, newest first. */
export function proposalsOf(db: Db, side: 'to' | 'by', orgId: string, status?: string) {
  const column = side === 'to' ? pointProposals.toOrgId : pointProposals.proposedByOrgId;
  return selectProposals(db, and(eq(column, orgId), status ? eq(pointProposals.status, status) : undefined));
}

/** A pending proposal of the same organization to the same organ, if any. */
export async function pendingTwin(db: Db, toOrgId: string, orgId: string) {
  const [r] = await db
    .select({ id: pointProposals.id })
    .from(pointProposals)
    .where(
      and(
        eq(pointProposals.toOrgId, toOrgId),
        eq(pointProposals.orgId, orgId),
        eq(pointProposals.status, 'pending'),
      ),
    );
  return r ?? null;
}
