import crypto from 'node:crypto';
import type { TCreateContactPointRequest, TRotateContactPointRequest } from '@lianxin/contracts';
import { type ChainLink, countyOf, type OrgLevel, pathIds } from '@lianxin/domain';
import { eq } from 'drizzle-orm';
import { type Actor, canOnOrg, deny, type Permission } from '../../platform/access.ts';
import type { Db } from '../../platform/db/client.ts';
import { contactPoints } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { findOrg, findOrgsByIds } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import {
  countActivitiesAfter,
  findOverlapping,
  findPoint,
  listPointsAtOrg,
  listPointsInSubtree,
  listPointsOfCadre,
  loadChain,
  type PointView,
  toContactPointDto,
} from './contact-points.repo.ts';

/** A refusal recorded in the audit log, worded for the object at hand. */
export async function denyOn(
  p: Platform,
  actor: Actor,
  objectType: string,
  objectId: string,
  perm: Permission,
  whatZh: string,
) {
  const e = await deny(p, actor, objectType, objectId, perm);
  return new AppError('forbidden', e.message, `无权${perm === 'read' ? '查看' : '修改'}该${whatZh}`);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The county committee (县级团委) a point belongs to: the point org itself or its nearest county
 * ancestor; for a grassroots organization hanging straight from a city, the committee above it.
 */
export async function pointCommitteePath(db: Db, orgPath: string): Promise<string | null> {
  const ids = pathIds(orgPath);
  const byId = new Map((await findOrgsByIds(db, ids)).map((o) => [o.id, o]));
  const chain = ids
    .map((id) => byId.get(id))
    .filter((o) => o !== undefined)
    .reverse()
    .map((o) => ({ id: o.id, level: o.level as OrgLevel, path: o.path }));
  const county = countyOf<ChainLink & { path: string }>(chain);
  return county?.path ?? chain.find((o) => o.level !== 'grassroots')?.path ?? null;
}

/**
 * How many tenures of a chain (oldest first) the actor may read, from the start (decision 15,
 * cyl2014.ledger_handover): admins of a holder's organization subtree and of the point's county
 * committee read the whole chain; a holder reads their own tenures and all before them — the
 * successor inherits the predecessors' records, a predecessor keeps what they wrote.
 */
export async function visibleTenures(p: Platform, actor: Actor, chain: PointView[]): Promise<number> {
  const [first] = chain;
  if (!first) return 0;
  if (actor.role === 'system_admin') return chain.length;
  if (actor.role === 'org_admin' || actor.role === 'leader') {
    const holderInScope = chain.some((t) => {
      const path = t.cadreOrgPath ?? t.holderOrgPath;
      return path !== null && canOnOrg(actor, path, 'read');
    });
    if (holderInScope) return chain.length;
    const committee = await pointCommitteePath(p.db, first.orgPath);
    if (committee && canOnOrg(actor, committee, 'read')) return chain.length;
  }
  if (actor.cadreId) {
    let last = -1;
    chain.forEach((t, i) => {
      if (t.point.cadreId === actor.cadreId) last = i;
    });
    return last + 1;
  }
  return 0;
}

/** The tenure, its chain and how much of it the actor reads; 404, or 403 (audited) if none of it. */
export async function loadPointForRead(p: Platform, actor: Actor, id: string) {
  const chain = await loadChain(p.db, id);
  const index = chain.findIndex((t) => t.point.id === id);
  const view = chain[index];
  if (!view) throw notFound('Contact point', id, '联系点');
  const visible = await visibleTenures(p, actor, chain);
  if (visible <= index) throw await denyOn(p, actor, 'contact_point', id, 'read', '联系点台账');
  return { view, chain, visible };
}

/** The answer for a tenure written in the same transaction. */
async function writtenPoint(db: Db, id: string) {
  const view = await findPoint(db, id);
  if (!view) throw notFound('Contact point', id, '联系点');
  return toContactPointDto(view);
}

/** Only an admin over the holder (the cadre's organization, or the holding organ) changes a tenure. */
async function loadPointForWrite(p: Platform, actor: Actor, id: string) {
  const view = await findPoint(p.db, id);
  if (!view) throw notFound('Contact point', id, '联系点');
  const holderPath = view.cadreOrgPath ?? view.holderOrgPath;
  if (actor.role === 'cadre' || !holderPath || !canOnOrg(actor, holderPath, 'write'))
    throw await denyOn(p, actor, 'contact_point', id, 'write', '联系点');
  return view;
}

async function assertNoOverlap(
  db: Db,
  q: {
    cadreId: string | null;
    holderOrgId: string | null;
    orgId: string;
    from: string;
    to: string | null;
    exceptId?: string;
  },
) {
  const other = await findOverlapping(db, q);
  if (other) {
    throw new AppError(
      'conflict',
      `The holder already holds this organization from ${other.from} to ${other.to ?? 'now'} (${other.id})`,
      `同一联系点的任期不能重叠：已有 ${other.from} 至 ${other.to ?? '今'} 的任期（${other.id}）`,
      [{ path: 'from', message: `与 ${other.id} 重叠 / overlaps ${other.id}` }],
    );
  }
}

async function assertPointOrg(db: Db, orgId: string) {
  const org = await findOrg(db, orgId);
  if (!org) {
    throw badRequest(`Organization ${orgId} does not exist`, `组织不存在：${orgId}`, [
      { path: 'orgId', message: `不存在 / unknown: ${orgId}` },
    ]);
  }
  if (org.level !== 'county' && org.level !== 'grassroots') {
    throw badRequest(
      'A contact point is a county committee or a grassroots organization',
      '联系点须为县级团委或基层团组织',
      [{ path: 'orgId', message: `层级为 ${org.level} / level is ${org.level}` }],
    );
  }
  if (org.closedOn) {
    throw badRequest(`Organization ${orgId} is closed`, `该组织已撤销：${orgId}`, [
      { path: 'orgId', message: '已撤销 / closed' },
    ]);
  }
}

async function assertNothingAfter(db: Db, pointId: string, lastDay: string, field: string) {
  const n = await countActivitiesAfter(db, pointId, lastDay);
  if (n > 0) {
    throw new AppError(
      'conflict',
      `${n} activities of this tenure are dated after ${lastDay}`,
      `该任期有 ${n} 条活动记录晚于 ${lastDay}，请先调整记录`,
      [{ path: field, message: `${n} 条记录在其后 / ${n} activities after it` }],
    );
  }
}

const auditView = (row: Partial<typeof contactPoints.$inferSelect>) => {
  const { createdAt, handoverNote, ...rest } = row;
  // the note is free text about people: its length, not its words (decision 16)
  return handoverNote === undefined ? rest : { ...rest, handoverNoteLength: handoverNote?.length ?? 0 };
};

export async function createPoint(p: Platform, actor: Actor, input: TCreateContactPointRequest) {
  if (actor.role === 'cadre') throw await denyOn(p, actor, 'contact_point', 'new', 'write', '联系点');
  if (input.cadreId) await loadCadre(p, actor, input.cadreId, 'write');
  if (input.holderOrgId) await loadOrg(p, actor, input.holderOrgId, 'write');
  await assertPointOrg(p.db, input.orgId);
  const row = {
    id: crypto.randomUUID(),
    cadreId: input.cadreId ?? null,
    holderOrgId: input.holderOrgId ?? null,
    orgId: input.orgId,
    fromDate: input.from,
    toDate: input.to ?? null,
    category: input.category ?? null,
    topic: input.topic ?? null,
    showcase: input.showcase ?? false,
  };
  return inTransaction(p, async (tx) => {
    await assertNoOverlap(tx, { ...row, from: row.fromDate, to: row.toDate });
    await tx.insert(contactPoints).values(row);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'contact_point.create',
      objectType: 'contact_point',
      objectId: row.id,
      after: auditView(row),
      ip: actor.ip,
    });
    return writtenPoint(tx, row.id);
  });
}

export async function endPoint(p: Platform, actor: Actor, id: string, to: string) {
  const view = await loadPointForWrite(p, actor, id);
  const point = view.point;
  if (to < point.fromDate) {
    throw badRequest('to is before the tenure began', `结束日期早于任期开始日期 ${point.fromDate}`, [
      { path: 'to', message: `早于 ${point.fromDate} / before ${point.fromDate}` },
    ]);
  }
  if (view.successorId) {
    throw new AppError(
      'conflict',
      `The tenure was rotated to ${view.successorId}; its end is the day before the successor's start`,
      '该联系点已轮换，任期结束日期由轮换决定',
      [{ path: 'to', message: `已轮换给 ${view.successorId} / rotated` }],
    );
  }
  return inTransaction(p, async (tx) => {
    await assertNothingAfter(tx, id, to, 'to');
    await tx.update(contactPoints).set({ toDate: to }).where(eq(contactPoints.id, id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'contact_point.end',
      objectType: 'contact_point',
      objectId: id,
      before: { toDate: point.toDate },
      after: { toDate: to },
      ip: actor.ip,
    });
    return writtenPoint(tx, id);
  });
}

/** 轮换交接 (cyl2014.ledger_handover): the ledger passes to the successor with the predecessor's note. */
export async function rotatePoint(p: Platform, actor: Actor, id: string, input: TRotateContactPointRequest) {
  const view = await loadPointForWrite(p, actor, id);
  const successor = await loadCadre(p, actor, input.successorCadreId, 'write');
  const point = view.point;
  const lastDay = addDays(input.on, -1);
  const problems = [];
  if (view.successorId)
    problems.push({ path: 'on', message: `已轮换给 ${view.successorId} / already rotated` });
  if (lastDay < point.fromDate)
    problems.push({ path: 'on', message: `须晚于 ${point.fromDate} / must be after ${point.fromDate}` });
  if (point.toDate !== null && point.toDate < lastDay)
    problems.push({ path: 'on', message: `任期已于 ${point.toDate} 结束 / tenure ended ${point.toDate}` });
  if (point.cadreId === input.successorCadreId)
    problems.push({ path: 'successorCadreId', message: '接任者与现任相同 / successor is the holder' });
  if (!successor.cadre.active)
    problems.push({ path: 'successorCadreId', message: '接任者已停用 / successor inactive' });
  if (problems.length > 0)
    throw badRequest('The rotation is not possible', '无法轮换：请检查接任者和日期', problems);
  const row = {
    id: crypto.randomUUID(),
    cadreId: input.successorCadreId,
    holderOrgId: null,
    orgId: point.orgId,
    fromDate: input.on,
    toDate: null,
    category: point.category,
    topic: point.topic,
    showcase: point.showcase,
    predecessorId: id,
    // the note the predecessor hands over travels with the successor's tenure, as in the interchange
    handoverNote: input.handoverNote,
  };
  return inTransaction(p, async (tx) => {
    await assertNothingAfter(tx, id, lastDay, 'on');
    await assertNoOverlap(tx, { ...row, from: row.fromDate, to: null });
    await tx.update(contactPoints).set({ toDate: lastDay }).where(eq(contactPoints.id, id));
    await tx.insert(contactPoints).values(row);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'contact_point.rotate',
      objectType: 'contact_point',
      objectId: id,
      before: { toDate: point.toDate },
      after: { toDate: lastDay, successor: auditView(row) },
      ip: actor.ip,
    });
    return {
      predecessor: await writtenPoint(tx, id),
      successor: await writtenPoint(tx, row.id),
    };
  });
}

/**
 * A cadre's points (current and past), or an organization's contact cadres. Readers of the
 * organization see all; others see the tenures they may read, and are refused if there are none.
 */
export async function listPoints(p: Platform, actor: Actor, q: { cadre?: string; org?: string }) {
  if (q.cadre) {
    await loadCadre(p, actor, q.cadre, 'read');
    return { items: (await listPointsOfCadre(p.db, q.cadre)).map(toContactPointDto) };
  }
  if (!q.org) {
    throw badRequest('Name a cadre or an organization', '请指定团干部（cadre）或组织（org）', [
      { path: 'cadre', message: '必填其一 / cadre or org required' },
    ]);
  }
  const org = await findOrg(p.db, q.org);
  if (!org) throw notFound('Organization', q.org, '组织');
  const all = await listPointsAtOrg(p.db, q.org);
  if (canOnOrg(actor, org.path, 'read')) return { items: all.map(toContactPointDto) };
  const items = [];
  for (const t of all) {
    const chain = await loadChain(p.db, t.point.id);
    const visible = await visibleTenures(p, actor, chain);
    if (chain.findIndex((c) => c.point.id === t.point.id) < visible) items.push(t);
  }
  if (items.length === 0) throw await denyOn(p, actor, 'organization', q.org, 'read', '组织的联系点');
  return { items: items.map(toContactPointDto) };
}

/**
 * 联系点 under an organization at any depth (a city's grassroots points two levels down), for the
 * admins and leaders whose scope holds the organization; refused (audited) to anyone else.
 */
export async function listPointsUnder(
  p: Platform,
  actor: Actor,
  orgId: string,
  q: { page: number; pageSize: number },
) {
  const org = await loadOrg(p, actor, orgId, 'read');
  const { items, total } = await listPointsInSubtree(p.db, org.path, q.page, q.pageSize);
  return { items: items.map(toContactPointDto), total, page: q.page, pageSize: q.pageSize };
}

export async function getPoint(p: Platform, actor: Actor, id: string) {
  const { view } = await loadPointForRead(p, actor, id);
  return toContactPointDto(view);
}

/** The tenure ids a cadre reads through the chains of the points they hold. */
export async function readableTenureIds(p: Platform, cadreId: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const own of await listPointsOfCadre(p.db, cadreId)) {
    if (ids.has(own.point.id)) continue;
    const chain = await loadChain(p.db, own.point.id);
    let last = -1;
    chain.forEach((t, i) => {
      if (t.point.cadreId === cadreId) last = i;
    });
    for (const t of chain.slice(0, last + 1)) ids.add(t.point.id);
  }
  return [...ids];
}
