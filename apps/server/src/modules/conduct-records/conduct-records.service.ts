import crypto from 'node:crypto';
import type { TConductRecordList, TCreateConductRecord } from '@lianxin/contracts';
import type { Actor } from '../../platform/access/index.ts';
import { conductRecords } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { conductRecordsOf, toConductRecord } from './conduct-records.repo.ts';

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
  const row = {
    id: crypto.randomUUID(),
    cadreId,
    kind: body.kind,
    title: body.title,
    decidedOn: body.decidedOn,
    issuedBy: body.issuedBy,
    documentNo: body.documentNo || null,
    reason: body.reason || null,
    recordedBy: actor.name,
  };
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
