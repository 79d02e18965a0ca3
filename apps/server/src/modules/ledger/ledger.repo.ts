import { eq, getTableColumns, like, or, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { copyRows } from '../../platform/db/copy.ts';
import {
  activities,
  activityContacts,
  cadres,
  contactKeepers,
  contactPoints,
  contacts,
  organizations,
  orgPresets,
} from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

export type OrgRow = typeof organizations.$inferSelect;
export type CadreRow = typeof cadres.$inferSelect;
export type PointRow = typeof contactPoints.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type KeeperRow = typeof contactKeepers.$inferSelect;
export type PresetRow = typeof orgPresets.$inferSelect;

// A document of 100 MB names hundreds of thousands of ids. They travel as one JSON parameter per
// statement (never one bind parameter each: PostgreSQL allows 65,535, and building such a statement
// costs more than running it), in chunks that keep each statement's answer a few megabytes.
const CHUNK = 20_000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `column in (ids)` with the ids as one jsonb parameter. */
const inIds = (column: PgColumn, ids: string[]) =>
  sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

async function byIds<T>(ids: Iterable<string>, load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (const chunk of chunks(unique)) for (const row of await load(chunk)) out.push(row);
  return out;
}

/** Rows of `table` whose `column` is one of `ids`. */
export const rowsByIds = <T extends PgTable>(db: Db, table: T, column: PgColumn, ids: Iterable<string>) =>
  byIds(
    ids,
    (c) =>
      db
        .select()
        .from(table as PgTable)
        .where(inIds(column, c)) as Promise<T['$inferSelect'][]>,
  );

export const orgsByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(organizations).where(inIds(organizations.id, c)));

export const cadresByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(cadres).where(inIds(cadres.id, c)));

export const pointsByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(contactPoints).where(inIds(contactPoints.id, c)));

export const contactsByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(contacts).where(inIds(contacts.id, c)));

export const activitiesByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(activities).where(inIds(activities.id, c)));

export const keepersOfContacts = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(contactKeepers).where(inIds(contactKeepers.contactId, c)));

export const contactsOfActivities = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(activityContacts).where(inIds(activityContacts.activityId, c)));

export const presetsOfOrgs = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(orgPresets).where(inIds(orgPresets.orgId, c)));

/** Organizations holding one of these division codes, at any level (decision 1 compares per level). */
export const orgsByDivisionCodes = (db: Db, codes: Iterable<string>) =>
  byIds(codes, (c) => db.select().from(organizations).where(inIds(organizations.divisionCode, c)));

// --- export: everything hanging from one subtree, selected in SQL by the materialized path ---

const inSubtree = (path: string) =>
  sql`(select o.id from organizations o where o.path like ${subtreePattern(path)})`;
const cadresInSubtree = (path: string) =>
  sql`(select c.id from cadres c join organizations o on o.id = c.org_id where o.path like ${subtreePattern(path)})`;

export const subtreeOrgs = (db: Db, path: string) =>
  db
    .select()
    .from(organizations)
    .where(like(organizations.path, subtreePattern(path)));

export const subtreeCadres = (db: Db, path: string) =>
  db
    .select({ cadre: cadres })
    .from(cadres)
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(like(organizations.path, subtreePattern(path)))
    .then((rows) => rows.map((r) => r.cadre));

/** Tenures at an organization of the subtree, held by an organ of it, or by one of its cadres. */
export const subtreePoints = (db: Db, path: string) =>
  db
    .select()
    .from(contactPoints)
    .where(
      or(
        sql`${contactPoints.orgId} in ${inSubtree(path)}`,
        sql`${contactPoints.holderOrgId} in ${inSubtree(path)}`,
        sql`${contactPoints.cadreId} in ${cadresInSubtree(path)}`,
      ),
    );

/** Activities of the subtree's cadres and every activity logged at one of its tenures. */
export const subtreeActivities = (db: Db, path: string) =>
  db
    .select()
    .from(activities)
    .where(
      or(
        sql`${activities.cadreId} in ${cadresInSubtree(path)}`,
        sql`${activities.pointId} in (select p.id from contact_points p where p.org_id in ${inSubtree(path)} or p.holder_org_id in ${inSubtree(path)} or p.cadre_id in ${cadresInSubtree(path)})`,
      ),
    );

/** Ids of the contacts the subtree's cadres keep. */
export const contactIdsKeptInSubtree = (db: Db, path: string) =>
  db
    .selectDistinct({ id: contactKeepers.contactId })
    .from(contactKeepers)
    .where(sql`${contactKeepers.cadreId} in ${cadresInSubtree(path)}`)
    .then((rows) => rows.map((r) => r.id));

export const keepersAmong = (db: Db, contactIds: string[], cadreIds: Set<string>) =>
  keepersOfContacts(db, contactIds).then((rows) => rows.filter((k) => cadreIds.has(k.cadreId)));

/** Deletes the given keepings (the contacts' other keepers stay). */
export async function deleteKeepers(db: Db, pairs: { contactId: string; cadreId: string }[]) {
  for (const chunk of chunks(pairs))
    await db.execute(
      sql`delete from ${contactKeepers} k using jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
            as d("contactId" text, "cadreId" text)
          where k.contact_id = d."contactId" and k.cadre_id = d."cadreId"`,
    );
}

export async function deleteActivityContacts(db: Db, activityIds: string[]) {
  for (const chunk of chunks(activityIds))
    await db.delete(activityContacts).where(inIds(activityContacts.activityId, chunk));
}

/** Re-roots the rest of a moved subtree (the rows the document names are written with their paths). */
export async function rewriteSubtreePaths(db: Db, oldPath: string, newPath: string) {
  await db.execute(
    sql`update ${organizations} set path = ${newPath} || substr(path, ${oldPath.length + 1}) where path like ${subtreePattern(oldPath)}`,
  );
}

/**
 * Writes the rows in bulk; only the columns the rows carry are written. New rows (`insert`) go in
 * by `COPY` on the transaction's connection (platform/db/copy.ts). `upsert` updates the rows whose
 * id exists (the other columns are left as they are): each chunk is one statement with one jsonb
 * parameter that the database unpacks into the table's row type (`jsonb_populate_recordset`).
 */
export async function bulkWrite<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  onConflict: 'upsert' | 'insert' = 'upsert',
  step?: (rows: number) => void,
) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0] as object).filter((k) => columns[k]);
  if (onConflict === 'insert' && (await copyRows(db, table, keys, rows, step))) return;
  const names = keys.map((k) => (columns[k] as PgColumn).name);
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const update = sql.raw(
    names
      .filter((n) => n !== 'id')
      .map((n) => `"${n}" = excluded."${n}"`)
      .join(', '),
  );
  for (const chunk of chunks(rows)) {
    const json = JSON.stringify(
      chunk.map((r) =>
        Object.fromEntries(keys.map((k, i) => [names[i], (r as Record<string, unknown>)[k] ?? null])),
      ),
    );
    const conflict = onConflict === 'upsert' ? sql` on conflict (id) do update set ${update}` : sql``;
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)${conflict}`,
    );
    step?.(chunk.length);
  }
}
