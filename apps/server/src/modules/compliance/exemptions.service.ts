import crypto from 'node:crypto';
import type { TExemption, TExemptionRequest } from '@lianxin/contracts';
import { ruleById } from '@lianxin/domain';
import { eq } from 'drizzle-orm';
import { type Actor, authorize, refuse } from '../../platform/access/index.ts';
import { exemptions } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { findCadre } from '../cadres/cadres.repo.ts';
import { findOrg } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { type ExemptionRow, findExemption, listExemptions, pointOrgPaths } from './compliance.repo.ts';

export function toExemptionDto(e: ExemptionRow): TExemption {
  return {
    id: e.id,
    rule: e.rule,
    basis: e.basisRule,
    cadre: e.cadreId,
    point: e.pointId,
    org: e.orgId,
    from: e.fromDate,
    to: e.toDate,
    requestedBy: e.requestedByOrgId,
    reason: e.reason,
    status: e.approvedBy === null ? 'pending' : 'approved',
    approvedBy: e.approvedBy,
    approvedAt: e.approvedAt?.toISOString() ?? null,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  };
}

const unknownRule = (field: string, id: string) =>
  badRequest(`Unknown rule ${id}`, `没有规则 ${id}`, [
    { path: field, message: `未知规则 / unknown rule ${id}` },
  ]);

/** The paths the exemption's subject lies at; it must lie inside the requesting organization. */
async function subjectPaths(p: Platform, body: TExemptionRequest): Promise<string[]> {
  if (body.cadre !== undefined) {
    const c = await findCadre(p.db, body.cadre);
    if (!c) throw notFound('Cadre', body.cadre, '团干部');
    return [c.orgPath];
  }
  if (body.point !== undefined) {
    const paths = await pointOrgPaths(p.db, body.point);
    if (!paths) throw notFound('Contact point', body.point, '联系点');
    return paths;
  }
  const o = await findOrg(p.db, body.org as string);
  if (!o) throw notFound('Organization', body.org as string, '组织');
  return [o.path];
}

/** 豁免申请: an organization asks for a rule to be waived for a subject of its own subtree. */
export async function requestExemption(
  p: Platform,
  actor: Actor,
  body: TExemptionRequest,
): Promise<TExemption> {
  if (!ruleById(body.rule)) throw unknownRule('rule', body.rule);
  if (body.basis !== undefined && !ruleById(body.basis)) throw unknownRule('basis', body.basis);
  const requester = await loadOrg(p, actor, body.requestedBy, 'write');
  const paths = await subjectPaths(p, body);
  if (!paths.some((path) => path.startsWith(requester.path)))
    throw badRequest('The subject is not inside the requesting organization', '豁免对象不在申请组织范围内', [
      { path: 'requestedBy', message: `对象不属于 ${requester.id} / subject outside ${requester.id}` },
    ]);
  const row = {
    id: crypto.randomUUID(),
    rule: body.rule,
    basisRule: body.basis ?? null,
    cadreId: body.cadre ?? null,
    pointId: body.point ?? null,
    orgId: body.org ?? null,
    fromDate: body.from,
    toDate: body.to,
    requestedByOrgId: requester.id,
    reason: body.reason,
    createdBy: actor.name,
  };
  const [saved] = await inTransaction(p, async (tx) => {
    const inserted = await tx.insert(exemptions).values(row).returning();
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'exemption.request',
      objectType: 'exemption',
      objectId: row.id,
      after: inserted[0] && toExemptionDto(inserted[0]),
      ip: actor.ip,
    });
    return inserted;
  });
  return toExemptionDto(saved as ExemptionRow);
}

/**
 * Approval by an admin above the requesting organization (the seed: the provincial committee asks,
 * the central organization department approves); the requester cannot approve its own request.
 */
export async function approveExemption(p: Platform, actor: Actor, id: string): Promise<TExemption> {
  const found = await findExemption(p.db, id);
  if (!found) throw notFound('Exemption', id, '豁免');
  await authorize(p, actor, { type: 'exemption', id }, 'approve');
  if (found.exemption.approvedBy !== null)
    throw new AppError('conflict', `Exemption ${id} is already approved`, '该豁免已经批准');
  const approvedAt = p.clock.now();
  const [saved] = await inTransaction(p, async (tx) => {
    const updated = await tx
      .update(exemptions)
      .set({ approvedBy: actor.name, approvedAt })
      .where(eq(exemptions.id, id))
      .returning();
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'exemption.approve',
      objectType: 'exemption',
      objectId: id,
      before: toExemptionDto(found.exemption),
      after: updated[0] && toExemptionDto(updated[0]),
      ip: actor.ip,
    });
    return updated;
  });
  return toExemptionDto(saved as ExemptionRow);
}

/** Exemptions requested inside the caller's scope (or the organization asked for). */
export async function exemptionsInScope(
  p: Platform,
  actor: Actor,
  q: { org?: string; status?: 'pending' | 'approved' },
) {
  const id = q.org ?? actor.scopeOrgId;
  let path: string | null = null;
  if (id !== null) path = (await loadOrg(p, actor, id, 'read')).path;
  else if (actor.role !== 'system_admin') throw await refuse(p, actor, 'organization', 'all', 'read');
  return { items: (await listExemptions(p.db, path, q.status)).map(toExemptionDto) };
}
