import crypto from 'node:crypto';
import type { TCreateContactPointRequest, TRotateContactPointRequest } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { type Actor, allowed, authorize, can, refuse } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { contactPoints } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { findOrg } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import {
  countActivitiesAfter,
  findOverlapping,
  findPoint,
  listPointsAtOrg,
  listPointsInSubtree,
  listPointsOfCadre,
  loadChain,
  toContactPointDto,
} from './contact-points.repo.ts';

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The tenure and its chain, oldest first, with the tenures the actor reads (the access layer's
 * answer for each); 404, or 403 (audited) when the tenure itself is not among them.
 */
export async function loadPointForRead(p: Platform, actor: Actor, id: string) {
  const chain = await loadChain(p.db, id);
  const view = chain.find((t) => t.point.id === id);
  if (!view) throw notFound('Contact point', id, '联系点');
  const readable = await allowed(
    p,
    actor,
    'contact_point',
    chain.map((t) => t.point.id),
    'read',
  );
  if (!readable.has(id)) throw await refuse(p, actor, 'contact_point', id, 'read');
  return { view, chain, readable };
}

/** The answer for a tenure written in the same transaction. */
async function writtenPoint(db: Db, id: string) {
  const view = await findPoint(db, id);
  if (!view) throw notFound('Contact point', id, '联系点');
  return toContactPointDto(view);
}

/** The tenure, or 404; changed only by an admin over its holder (access layer), or 403. */
async function loadPointForWrite(p: Platform, actor: Actor, id: string) {
  const view = await findPoint(p.db, id);
  if (!view) throw notFound('Contact point', id, '联系点');
  await authorize(p, actor, { type: 'contact_point', id }, 'write');
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

/** The checks of a new tenure before it is written: the holder written by the actor, the point organization. */
export async function checkNewPoint(p: Platform, actor: Actor, input: TCreateContactPointRequest) {
  if (actor.role === 'cadre') throw await refuse(p, actor, 'contact_point', 'new', 'write');
  if (input.cadreId) await loadCadre(p, actor, input.cadreId, 'write');
  if (input.holderOrgId) await loadOrg(p, actor, input.holderOrgId, 'write');
  await assertPointOrg(p.db, input.orgId);
}

/** Writes a checked tenure in the caller's transaction, with its audit row. */
export async function insertPoint(p: Platform, tx: Db, actor: Actor, input: TCreateContactPointRequest) {
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
    registeredOn: input.registeredOn ?? null,
  };
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
}

export async function createPoint(p: Platform, actor: Actor, input: TCreateContactPointRequest) {
  await checkNewPoint(p, actor, input);
  return inTransaction(p, (tx) => insertPoint(p, tx, actor, input));
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
  if (await can(p, actor, { type: 'organization', id: org.id }, 'read'))
    return { items: all.map(toContactPointDto) };
  const readable = await allowed(
    p,
    actor,
    'contact_point',
    all.map((t) => t.point.id),
    'read',
  );
  const items = all.filter((t) => readable.has(t.point.id));
  if (items.length === 0) throw await refuse(p, actor, 'organization', q.org, 'read');
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
