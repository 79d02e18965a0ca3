import crypto from 'node:crypto';
import type { TLeave, TLeaveRequest } from '@lianxin/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { cadres, postingLeaves, postings } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { loadPosting } from './postings.access.ts';

type LeaveRow = typeof postingLeaves.$inferSelect;

const toLeaveDto = (r: { leave: LeaveRow; cadreId: string; cadreName: string }): TLeave => ({
  id: r.leave.id,
  postingId: r.leave.postingId,
  cadreId: r.cadreId,
  cadreName: r.cadreName,
  reason: r.leave.reason,
  from: r.leave.fromDate,
  to: r.leave.toDate,
  status: r.leave.status as TLeave['status'],
  decidedBy: r.leave.decidedBy,
  decidedAt: r.leave.decidedAt?.toISOString() ?? null,
  decisionNote: r.leave.decisionNote,
});

export async function leavesOf(db: Db, postingIds: string[]): Promise<TLeave[]> {
  if (postingIds.length === 0) return [];
  const rows = await db
    .select({ leave: postingLeaves, cadreId: postings.cadreId, cadreName: cadres.name })
    .from(postingLeaves)
    .innerJoin(postings, eq(postings.id, postingLeaves.postingId))
    .innerJoin(cadres, eq(cadres.id, postings.cadreId))
    .where(inArray(postingLeaves.postingId, postingIds))
    .orderBy(postingLeaves.fromDate, postingLeaves.id);
  return rows.map(toLeaveDto);
}

async function findLeave(db: Db, id: string) {
  const [row] = await db.select().from(postingLeaves).where(eq(postingLeaves.id, id));
  return row ?? null;
}

const leaveAudit = (r: LeaveRow) => {
  // the cause is free text about a person's life: its length only (decision 16)
  const { reason, decisionNote, createdAt, ...rest } = r;
  return { ...rest, reasonLength: reason.length, decisionNoteLength: decisionNote?.length ?? 0 };
};

/**
 * 请假 (cyl2015.no_leave): the posted cadre, or an admin for them, asks for days inside the posting;
 * the request waits for an admin's decision.
 */
export async function requestLeave(p: Platform, actor: Actor, postingId: string, input: TLeaveRequest) {
  const v = await loadPosting(p, actor, postingId, 'act');
  const { fromDate, toDate } = v.posting;
  if (input.from < fromDate || input.to > toDate)
    throw badRequest(
      'Leave must fall inside the posting',
      `请假日期须在派驻期间（${fromDate} 至 ${toDate}）内`,
      [
        {
          path: input.from < fromDate ? 'from' : 'to',
          message: `派驻期 ${fromDate}–${toDate} / posting ${fromDate}–${toDate}`,
        },
      ],
    );
  const row: LeaveRow = {
    id: crypto.randomUUID(),
    postingId,
    reason: input.reason,
    fromDate: input.from,
    toDate: input.to,
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    createdBy: actor.name,
    createdAt: p.clock.now(),
  };
  await inTransaction(p, async (tx) => {
    await tx.insert(postingLeaves).values(row);
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'posting_leave.request',
      objectType: 'posting_leave',
      objectId: row.id,
      after: leaveAudit(row),
      ip: actor.ip,
    });
  });
  return toLeaveDto({ leave: row, cadreId: v.posting.cadreId, cadreName: v.cadreName });
}

/** An admin over the posting approves or refuses a pending request, once. */
export async function decideLeave(
  p: Platform,
  actor: Actor,
  id: string,
  decision: { approve: boolean; note?: string },
) {
  const leave = await findLeave(p.db, id);
  if (!leave) throw notFound('Leave request', id, '请假申请');
  const v = await loadPosting(p, actor, leave.postingId, 'manage');
  if (leave.status !== 'pending')
    throw new AppError('conflict', `The request was already ${leave.status}`, '该请假申请已处理', [
      {
        path: 'approve',
        message: `已${leave.status === 'approved' ? '批准' : '拒绝'} / already ${leave.status}`,
      },
    ]);
  const decided: LeaveRow = {
    ...leave,
    status: decision.approve ? 'approved' : 'refused',
    decidedBy: actor.name,
    decidedAt: p.clock.now(),
    decisionNote: decision.note ?? null,
  };
  await inTransaction(p, async (tx) => {
    await tx.update(postingLeaves).set(decided).where(eq(postingLeaves.id, id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'posting_leave.decide',
      objectType: 'posting_leave',
      objectId: id,
      before: { status: leave.status },
      after: leaveAudit(decided),
      ip: actor.ip,
    });
  });
  return toLeaveDto({ leave: decided, cadreId: v.posting.cadreId, cadreName: v.cadreName });
}

/** A posting's requests, for whoever reads the posting. */
export async function listLeaves(p: Platform, actor: Actor, postingId: string) {
  await loadPosting(p, actor, postingId, 'read');
  return { items: await leavesOf(p.db, [postingId]) };
}
