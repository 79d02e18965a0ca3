import type { TConductKind, TConductRecord } from '@lianxin/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { conductRecords } from '../../platform/db/schema.ts';

type Row = typeof conductRecords.$inferSelect;

export const toConductRecord = (r: Row): TConductRecord => ({
  id: r.id,
  cadreId: r.cadreId,
  kind: r.kind as TConductKind,
  title: r.title,
  decidedOn: r.decidedOn,
  issuedBy: r.issuedBy,
  documentNo: r.documentNo,
  reason: r.reason,
  recordedBy: r.recordedBy,
});

/** A cadre's records in the order they were decided, of one year when `year` is given. */
export async function conductRecordsOf(db: Db, cadreId: string, year?: number) {
  const rows = await db
    .select()
    .from(conductRecords)
    .where(
      and(
        eq(conductRecords.cadreId, cadreId),
        year === undefined
          ? undefined
          : sql`${conductRecords.decidedOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
      ),
    )
    .orderBy(asc(conductRecords.decidedOn), asc(conductRecords.createdAt));
  return rows.map(toConductRecord);
}

/** One record by id, whoever's it is (the caller checks it is the cadre's in the path). */
export async function findConductRecord(db: Db, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(conductRecords).where(eq(conductRecords.id, id));
  return row;
}
