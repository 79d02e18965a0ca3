import crypto from 'node:crypto';
import type { TConductRecordList, TCreateConductRecord } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { conductRecords } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { conductRecordsOf, findConductRecord, toConductRecord } from './conduct-records.repo.ts';

/** The decision's own fields as stored: an empty 文号 or reason is none. */
const decision = (body: TCreateConductRecord) => ({
  kind: body.kind,
  title: body.title,
  decidedOn: body.decidedOn,
  issuedBy: body.issuedBy,
  documentNo: body.documentNo || null,
  reason: body.reason || null,
});

/** 表彰与处理 of a cadre: whoever reads the cadre reads them (the cadre, admins and leaders over them). */
export async function listConductRecords(
  p: Platform,
  actor: Actor,
  cadreId: string,
): Promise<TConductRecordList> {
  await loadCadre(p, actor, cadreId, 'read');
  return { items: await conductRecordsOf(p.db, cadreId) };
}

/** An admin over the cadre records a decision about them (the cadre's record is theirs to write). */
export async function recordConduct(p: Platform, actor: Actor, cadreId: string, body: TCreateConductRecord) {
  await loadCadre(p, actor, cadreId, 'write');
  const row = { id: crypto.randomUUID(), cadreId, ...decision(body), recordedBy: actor.name };
  await inTransaction(p, async (tx) => {
    await tx.insert(conductRecords).values({ ...row, createdAt: p.clock.now() });
    await p.audit.append(tx, {
      actor: actor.name,
      action: `conduct.${body.kind}`,
      objectType: 'cadre',
      objectId: cadreId,
      after: row,
      ip: actor.ip,
    });
  });
  return toConductRecord({ ...row, createdAt: p.clock.now() });
}

/**
 * The cadre's record `recordId`, for an admin over the cadre (the `cadre` policy's `write`): a
 * record of another cadre is not found, whatever the caller may do there.
 */
async function writableRecord(p: Platform, actor: Actor, cadreId: string, recordId: string) {
  await loadCadre(p, actor, cadreId, 'write');
  const row = await findConductRecord(p.db, recordId);
  if (!row || row.cadreId !== cadreId) throw notFound('Conduct record', recordId, '表彰与处理记录');
  return row;
}

/** A record entered wrongly is corrected in place; the audit row keeps what it said before. */
export async function correctConduct(
  p: Platform,
  actor: Actor,
  cadreId: string,
  recordId: string,
  body: TCreateConductRecord,
) {
  const before = await writableRecord(p, actor, cadreId, recordId);
  const corrected = decision(body);
  const after = { ...before, ...corrected };
  await inTransaction(p, async (tx) => {
    await tx.update(conductRecords).set(corrected).where(eq(conductRecords.id, recordId));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'conduct.correct',
      objectType: 'cadre',
      objectId: cadreId,
      before: toConductRecord(before),
      after: toConductRecord(after),
      ip: actor.ip,
    });
  });
  return toConductRecord(after);
}

/** A record that should not be there (entered for the wrong cadre, twice) is withdrawn; the audit row keeps it. */
export async function withdrawConduct(p: Platform, actor: Actor, cadreId: string, recordId: string) {
  const before = await writableRecord(p, actor, cadreId, recordId);
  await inTransaction(p, async (tx) => {
    await tx.delete(conductRecords).where(eq(conductRecords.id, recordId));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'conduct.withdraw',
      objectType: 'cadre',
      objectId: cadreId,
      before: toConductRecord(before),
      ip: actor.ip,
    });
  });
  return { ok: true as const };
}
