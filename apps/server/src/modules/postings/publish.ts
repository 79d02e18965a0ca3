import crypto from 'node:crypto';
import type { PostingPlan } from '@lianxin/domain';
import { and, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { contactPoints, postingGroups, postings } from '../../platform/db/schema.ts';
import { postingSpan } from './posting-problem.ts';
import type { BatchRow, ProgramRow } from './postings.repo.ts';

const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * The tenure holding each posting's county from its start (decision 11, cyl2015.one_county_each): a
 * tenure of the cadre there that covers the start already, or a new one from the start on. The
 * cadre's other contact points are left as they are.
 */
async function withPoints<T extends { cadreId: string; orgId: string; fromDate: string }>(
  tx: Db,
  wanted: T[],
) {
  if (wanted.length === 0) return { rows: [], created: 0 };
  const held = await tx
    .select()
    .from(contactPoints)
    .where(
      and(
        inArray(contactPoints.cadreId, [...new Set(wanted.map((w) => w.cadreId))]),
        inArray(contactPoints.orgId, [...new Set(wanted.map((w) => w.orgId))]),
      ),
    );
  const created: (typeof contactPoints.$inferInsert)[] = [];
  const rows = wanted.map((w) => {
    const covering = held.find(
      (t) =>
        t.cadreId === w.cadreId &&
        t.orgId === w.orgId &&
        t.fromDate <= w.fromDate &&
        (t.toDate === null || t.toDate >= w.fromDate),
    );
    if (covering) return { ...w, pointId: covering.id };
    const id = crypto.randomUUID();
    created.push({ id, cadreId: w.cadreId, orgId: w.orgId, fromDate: w.fromDate, toDate: null });
    return { ...w, pointId: id };
  });
  await insertChunked(created, (chunk) => tx.insert(contactPoints).values(chunk));
  return { rows, created: created.length };
}

/** Writes a checked plan as groups and postings, within the caller's transaction. */
export async function publishInto(tx: Db, program: ProgramRow, batches: BatchRow[], doc: PostingPlan) {
  const starts = new Map(batches.map((b) => [b.id, b.startDate]));
  const groupRows = doc.groups.map((g) => ({
    planId: g.id,
    id: crypto.randomUUID(),
    programId: program.id,
    batchId: g.batch,
    prefectureOrgId: g.prefecture,
    leaderCadreId: g.leader,
  }));
  const groupIds = new Map(groupRows.map((g) => [g.planId, g.id]));
  const planned = doc.assignments.map((a) => {
    const start = starts.get(a.batch);
    // the check before publishing refuses unknown batches; reaching here with one is a bug
    if (!start) throw new Error(`batch ${a.batch} of a checked plan is unknown`);
    const { from, to } = postingSpan(start, a.months);
    return {
      id: crypto.randomUUID(),
      programId: program.id,
      batchId: a.batch,
      cadreId: a.cadre,
      orgId: a.county,
      groupId: groupIds.get(a.group) ?? null,
      fromDate: from,
      toDate: to,
      months: a.months,
    };
  });
  const { rows, created } = await withPoints(tx, planned);
  await insertChunked(
    groupRows.map(({ planId, ...g }) => g),
    (chunk) => tx.insert(postingGroups).values(chunk),
  );
  await insertChunked(rows, (chunk) => tx.insert(postings).values(chunk));
  return {
    postings: rows.length,
    groups: groupRows.length,
    pointsCreated: created,
    pointsKept: rows.length - created,
  };
}
