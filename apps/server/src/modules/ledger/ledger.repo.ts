import { and, eq, getTableColumns, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
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

// A document of 100 MB names hundreds of thousands of ids: one IN list per chunk keeps every query
// below PostgreSQL's 65,535 bind parameters.
const CHUNK = 5_000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function byIds<T>(ids: Iterable<string>, load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (const chunk of chunks(unique)) out.push(...(await load(chunk)));
  return out;
}

export const orgsByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(organizations).where(inArray(organizations.id, c)));

export const cadresByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(cadres).where(inArray(cadres.id, c)));

export const pointsByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(contactPoints).where(inArray(contactPoints.id, c)));

export const contactsByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(contacts).where(inArray(contacts.id, c)));

export const activitiesByIds = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(activities).where(inArray(activities.id, c)));

export const keepersOfContacts = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(contactKeepers).where(inArray(contactKeepers.contactId, c)));

export const contactsOfActivities = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(activityContacts).where(inArray(activityContacts.activityId, c)));

export const presetsOfOrgs = (db: Db, ids: Iterable<string>) =>
  byIds(ids, (c) => db.select().from(orgPresets).where(inArray(orgPresets.orgId, c)));

/** Organizations holding one of these division codes, at any level (decision 1 compares per level). */
export const orgsByDivisionCodes = (db: Db, codes: Iterable<string>) =>
  byIds(codes, (c) => db.select().from(organizations).where(inArray(organizations.divisionCode, c)));

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

/** Deletes the given keepings of one contact (the others stay). */
export async function deleteKeepers(db: Db, contactId: string, cadreIds: string[]) {
  for (const chunk of chunks(cadreIds)) {
    await db
      .delete(contactKeepers)
      .where(and(eq(contactKeepers.contactId, contactId), inArray(contactKeepers.cadreId, chunk)));
  }
}

export async function deleteActivityContacts(db: Db, activityIds: string[]) {
  for (const chunk of chunks(activityIds)) {
    await db.delete(activityContacts).where(inArray(activityContacts.activityId, chunk));
  }
}

/** Re-roots the rest of a moved subtree (the rows the document names are written with their paths). */
export async function rewriteSubtreePaths(db: Db, oldPath: string, newPath: string) {
  await db.execute(
    sql`update ${organizations} set path = ${newPath} || substr(path, ${oldPath.length + 1}) where path like ${subtreePattern(oldPath)}`,
  );
}

/** `set col = excluded.col` for the fields of `sample` but the key: other columns are left as they are. */
function excludedSet(columns: Record<string, { name: string }>, sample: object | undefined) {
  const set: Record<string, SQL> = {};
  for (const key of Object.keys(sample ?? {})) {
    const column = columns[key];
    if (key !== 'id' && column) set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

/** Insert the rows, or update those whose id exists (only the fields the rows carry), 1,000 a statement. */
export async function upsertById<T extends PgTable & { id: PgColumn }>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
) {
  for (const chunk of chunks(rows, 1000))
    await db
      .insert(table)
      .values(chunk)
      .onConflictDoUpdate({ target: table.id, set: excludedSet(getTableColumns(table), chunk[0]) });
}
