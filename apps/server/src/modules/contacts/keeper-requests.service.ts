import crypto from 'node:crypto';
import type { TKeeperRequest, TKeeperRequestCreate, TMinorAccess } from '@lianxin/contracts';
import { normalizeMobile } from '@lianxin/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, allowed, authorize, refuse } from '../../platform/access/index.ts';
import { subtreePattern } from '../../platform/db/like.ts';
import { auditLog, cadres, contactKeepers, contacts, keeperRequests } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { findDuplicate } from './contacts.duplicates.ts';
import { maskName } from './contacts.personal.ts';
import { findKeepersOf, upsertKeeper } from './contacts.repo.ts';

type RequestRow = typeof keeperRequests.$inferSelect;

/** The joined cadre sits in the subtree of `path` (everywhere when none). */
const cadreUnder = (path: string | undefined) =>
  path === undefined
    ? undefined
    : sql`exists (select 1 from organizations o where o.id = ${cadres.orgId} and o.path like ${subtreePattern(path)})`;

const receipt = (r: RequestRow) => ({
  id: r.id,
  status: r.status as TKeeperRequest['status'],
  createdAt: r.createdAt.toISOString(),
});

/**
 * Decision 26: a cadre who met a person already on file elsewhere asks to keep them, naming the
 * phone or ID number they hold. The answer says only that the request is on file — nothing of the
 * person — and admins over the cadre and every keeper decide.
 */
export async function requestKeeping(p: Platform, actor: Actor, input: TKeeperRequestCreate) {
  const cadreId = input.cadreId ?? actor.cadreId ?? '';
  await loadCadre(p, actor, cadreId, 'log');
  const match = await findDuplicate(p.db, {
    phoneHash: input.phone ? p.cipher.blindIndex(normalizeMobile(input.phone)) : null,
    idNumberHash: input.idNumber ? p.cipher.blindIndex(input.idNumber.toUpperCase()) : null,
  });
  if (!match)
    throw notFound(
      'Person with this phone or ID number',
      '-',
      '该手机号码或身份证号码对应的青年，请直接录入',
    );
  const [pending] = await p.db
    .select()
    .from(keeperRequests)
    .where(
      and(
        eq(keeperRequests.contactId, match.existing.id),
        eq(keeperRequests.cadreId, cadreId),
        eq(keeperRequests.status, 'pending'),
      ),
    );
  if (pending) return receipt(pending);
  const row = {
    id: crypto.randomUUID(),
    contactId: match.existing.id,
    cadreId,
    requestedBy: actor.name,
    note: input.note ?? null,
  };
  const [saved] = await inTransaction(p, async (tx) => {
    const inserted = await tx.insert(keeperRequests).values(row).returning();
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'keeper_request.create',
      objectType: 'keeper_request',
      objectId: row.id,
      after: { contactId: row.contactId, cadreId, noteLength: row.note?.length ?? 0 },
      ip: actor.ip,
    });
    return inserted;
  });
  return receipt(saved as RequestRow);
}

/** The requests under an organization that the caller may decide (or read), newest first. */
export async function listKeeperRequests(
  p: Platform,
  actor: Actor,
  q: { org?: string; status: 'pending' | 'approved' | 'rejected' },
): Promise<{ items: TKeeperRequest[] }> {
  const orgId = q.org ?? actor.scopeOrgId;
  if (!orgId && actor.role !== 'system_admin') throw await refuse(p, actor, 'keeper_request', 'list', 'read');
  const org = orgId ? await loadOrg(p, actor, orgId, 'read') : null;
  const rows = await p.db
    .select({ request: keeperRequests, cadreName: cadres.name, contact: contacts })
    .from(keeperRequests)
    .innerJoin(cadres, eq(cadres.id, keeperRequests.cadreId))
    .innerJoin(contacts, eq(contacts.id, keeperRequests.contactId))
    .where(and(eq(keeperRequests.status, q.status), cadreUnder(org?.path)))
    .orderBy(desc(keeperRequests.createdAt))
    .limit(500);
  const readable = await allowed(
    p,
    actor,
    'keeper_request',
    rows.map((r) => r.request.id),
    'read',
  );
  const shown = rows.filter((x) => readable.has(x.request.id));
  const keepers = await findKeepersOf(
    p.db,
    shown.map((r) => r.request.contactId),
  );
  return {
    items: shown.map((r) => ({
      ...receipt(r.request),
      cadreId: r.request.cadreId,
      cadreName: r.cadreName,
      contactId: r.contact.id,
      contactName: maskName(r.contact.name),
      phoneMasked: r.contact.phoneMasked,
      keepers: keepers
        .filter((k) => k.contactId === r.request.contactId)
        .map((k) => ({ cadreId: k.cadreId, cadreName: k.cadreName })),
      requestedBy: r.request.requestedBy,
      note: r.request.note,
      decidedBy: r.request.decidedBy,
      decidedAt: r.request.decidedAt?.toISOString() ?? null,
    })),
  };
}

/** An admin over the asking cadre and every keeper approves (the cadre becomes a keeper) or rejects. */
export async function decideKeeperRequest(p: Platform, actor: Actor, id: string, approve: boolean) {
  const [row] = await p.db.select().from(keeperRequests).where(eq(keeperRequests.id, id));
  if (!row) throw notFound('Keeper request', id, '联系申请');
  await authorize(p, actor, { type: 'keeper_request', id }, 'decide');
  if (row.status !== 'pending')
    throw new AppError('conflict', `Keeper request ${id} is already decided`, '该申请已审核');
  const status = approve ? 'approved' : 'rejected';
  await inTransaction(p, async (tx) => {
    const updated = await tx
      .update(keeperRequests)
      .set({ status, decidedBy: actor.name, decidedAt: p.clock.now() })
      .where(and(eq(keeperRequests.id, id), eq(keeperRequests.status, 'pending')))
      .returning({ id: keeperRequests.id });
    if (updated.length === 0)
      throw new AppError('conflict', `Keeper request ${id} is already decided`, '该申请已审核');
    if (approve) await upsertKeeper(tx, row.contactId, row.cadreId, undefined);
    await p.audit.append(tx, {
      actor: actor.name,
      action: `keeper_request.${status}`,
      objectType: 'keeper_request',
      objectId: id,
      after: { contactId: row.contactId, cadreId: row.cadreId, status },
      ip: actor.ip,
    });
  });
  return { id, status };
}

/**
 * 未成年人信息查看记录 (decision 27): every reveal of a minor's data whose person is kept by a cadre
 * of the organization's subtree, for the admins over it.
 */
export async function minorAccessLog(
  p: Platform,
  actor: Actor,
  q: { org?: string; page: number; pageSize: number },
): Promise<TMinorAccess> {
  const orgId = q.org ?? actor.scopeOrgId;
  if (!orgId && actor.role !== 'system_admin') throw await refuse(p, actor, 'organization', 'all', 'read');
  const org = orgId ? await loadOrg(p, actor, orgId, 'write') : null;
  const keptInScope = p.db
    .select({ id: contactKeepers.contactId })
    .from(contactKeepers)
    .innerJoin(cadres, eq(cadres.id, contactKeepers.cadreId))
    .where(cadreUnder(org?.path));
  const where = and(
    eq(auditLog.action, 'contact.reveal'),
    eq(auditLog.result, 'ok'),
    sql`${auditLog.after}->>'minor' = 'true'`,
    inArray(auditLog.objectId, keptInScope),
  );
  const rows = await p.db
    .select({ entry: auditLog, name: contacts.name })
    .from(auditLog)
    .innerJoin(contacts, eq(contacts.id, auditLog.objectId))
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await p.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return {
    items: rows.map((r) => {
      const after = (r.entry.after ?? {}) as { reason?: string; basis?: string };
      return {
        at: r.entry.at.toISOString(),
        actor: r.entry.actor,
        contactId: r.entry.objectId ?? '',
        contactName: maskName(r.name),
        reason: after.reason ?? null,
        basis: after.basis ?? null,
      };
    }),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}
