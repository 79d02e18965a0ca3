import { and, eq, ilike, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { cadres, contactKeepers, contacts, organizations } from '../../platform/db/schema.ts';
import { escapeLike, subtreePattern } from '../organizations/organizations.repo.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactKeeperRow = typeof contactKeepers.$inferSelect;

/** mz2016.no_over_contact: a person kept by this many cadres is flagged. */
export const OVER_CONTACT_KEEPERS = 3;

// written out in full: the subquery must not capture the outer query's unqualified columns
const keeperCount = sql<number>`(select count(*)::int from contact_keepers k where k.contact_id = contacts.id)`;

export async function findContact(db: Db, id: string) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row ?? null;
}

/** The keepers of a contact, with each cadre's name and organization path. */
export const findKeepers = (db: Db, contactId: string) => findKeepersOf(db, [contactId]);

/** The keepers of several contacts in one query, each row naming its contact. */
export async function findKeepersOf(db: Db, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  return db
    .select({
      contactId: contactKeepers.contactId,
      cadreId: contactKeepers.cadreId,
      key: contactKeepers.key,
      cadreName: cadres.name,
      orgPath: organizations.path,
    })
    .from(contactKeepers)
    .innerJoin(cadres, eq(cadres.id, contactKeepers.cadreId))
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(inArray(contactKeepers.contactId, contactIds))
    .orderBy(cadres.name, cadres.id);
}

/** The contact already holding this phone or ID number (decision 1: match, never duplicate). */
export async function findContactByPersonalHash(db: Db, column: 'phoneHash' | 'idNumberHash', hash: string) {
  const [row] = await db
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(eq(contacts[column], hash));
  return row ?? null;
}

/** One page of a cadre's list, by name or by an exact phone (its blind index). */
export async function listCadreContacts(
  db: Db,
  q: { cadreId: string; name?: string; phoneHash?: string; page: number; pageSize: number },
) {
  const where = and(
    eq(contactKeepers.cadreId, q.cadreId),
    q.phoneHash
      ? eq(contacts.phoneHash, q.phoneHash)
      : q.name
        ? ilike(contacts.name, `%${escapeLike(q.name)}%`)
        : undefined,
  );
  const items = await db
    .select({ contact: contacts, key: contactKeepers.key, keeperCount })
    .from(contactKeepers)
    .innerJoin(contacts, eq(contacts.id, contactKeepers.contactId))
    .where(where)
    .orderBy(sql`${contactKeepers.key} desc`, contacts.name, contacts.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contactKeepers)
    .innerJoin(contacts, eq(contacts.id, contactKeepers.contactId))
    .where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** How many people a cadre keeps (mz2016.one_plus_100 counts every role). */
export async function countCadreContacts(db: Db, cadreId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contactKeepers)
    .where(eq(contactKeepers.cadreId, cadreId));
  return Number(row?.n ?? 0);
}

export async function upsertKeeper(db: Db, contactId: string, cadreId: string, key: boolean | undefined) {
  const insert = db.insert(contactKeepers).values({ contactId, cadreId, key: key ?? false });
  await (key === undefined
    ? insert.onConflictDoNothing()
    : insert.onConflictDoUpdate({
        target: [contactKeepers.contactId, contactKeepers.cadreId],
        set: { key },
      }));
}

export async function deleteKeeper(db: Db, contactId: string, cadreId: string) {
  const gone = await db
    .delete(contactKeepers)
    .where(and(eq(contactKeepers.contactId, contactId), eq(contactKeepers.cadreId, cadreId)))
    .returning({ cadreId: contactKeepers.cadreId });
  return gone.length > 0;
}

/** mz2016.no_over_contact: people kept by 3 or more cadres of an organization subtree. */
export async function listOverContacted(db: Db, orgPath: string) {
  const inScope = db
    .select({ contactId: contactKeepers.contactId })
    .from(contactKeepers)
    .innerJoin(cadres, eq(cadres.id, contactKeepers.cadreId))
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(like(organizations.path, subtreePattern(orgPath)))
    .groupBy(contactKeepers.contactId)
    .having(sql`count(*) >= ${OVER_CONTACT_KEEPERS}`)
    .limit(1000);
  const ids = (await inScope).map((r) => r.contactId);
  if (ids.length === 0) return [];
  const [people, keepers] = [
    await db.select().from(contacts).where(inArray(contacts.id, ids)),
    await db
      .select({ contactId: contactKeepers.contactId, cadreId: cadres.id, cadreName: cadres.name })
      .from(contactKeepers)
      .innerJoin(cadres, eq(cadres.id, contactKeepers.cadreId))
      .innerJoin(organizations, eq(organizations.id, cadres.orgId))
      .where(and(inArray(contactKeepers.contactId, ids), like(organizations.path, subtreePattern(orgPath))))
      .orderBy(cadres.name, cadres.id),
  ];
  return people
    .map((c) => ({ contact: c, keepers: keepers.filter((k) => k.contactId === c.id) }))
    .sort((a, b) => b.keepers.length - a.keepers.length || a.contact.name.localeCompare(b.contact.name));
}
