import type { TOrganization } from '@lianxin/contracts';
import { and, eq, ilike, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { escapeLike, subtreePattern } from '../../platform/db/like.ts';
import { organizations } from '../../platform/db/schema.ts';

export { escapeLike, subtreePattern };

export type OrgRow = typeof organizations.$inferSelect;

// written out in full: drizzle leaves a lone table's columns unqualified, which the subquery would capture
const childCount = sql<number>`(select count(*)::int from organizations c where c.parent_id = organizations.id and c.closed_on is null)`;

const listColumns = { org: organizations, childCount };

export function toOrganizationDto(r: { org: OrgRow; childCount: number }): TOrganization {
  const o = r.org;
  return {
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    level: o.level as TOrganization['level'],
    parentId: o.parentId,
    divisionCode: o.divisionCode,
    field: o.field as TOrganization['field'],
    municipal: o.municipal,
    closedOn: o.closedOn,
    childCount: Number(r.childCount),
  };
}

export async function findOrg(db: Db, id: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export async function findOrgWithCount(db: Db, id: string) {
  const [row] = await db.select(listColumns).from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export function listChildren(db: Db, parentId: string | null, includeClosed: boolean) {
  return db
    .select(listColumns)
    .from(organizations)
    .where(
      and(
        parentId === null ? isNull(organizations.parentId) : eq(organizations.parentId, parentId),
        includeClosed ? undefined : isNull(organizations.closedOn),
      ),
    )
    .orderBy(organizations.divisionCode, organizations.name);
}

/** Name or division code search inside one subtree (or everywhere when scopePath is null). */
export function searchOrgs(db: Db, q: string, scopePath: string | null, limit = 50) {
  const text = escapeLike(q);
  return db
    .select(listColumns)
    .from(organizations)
    .where(
      and(
        scopePath ? like(organizations.path, subtreePattern(scopePath)) : undefined,
        or(
          ilike(organizations.name, `%${text}%`),
          eq(organizations.divisionCode, q),
          eq(organizations.id, q),
        ),
      ),
    )
    .orderBy(organizations.path)
    .limit(limit);
}

export function findOrgsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(organizations).where(inArray(organizations.id, ids));
}

export async function findByDivisionCode(db: Db, level: string, code: string) {
  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.level, level), eq(organizations.divisionCode, code)));
  return row ?? null;
}

/** Re-roots a subtree: every descendant's path changes in one statement. */
export async function rewriteSubtreePaths(db: Db, oldPath: string, newPath: string) {
  await db.execute(
    sql`update ${organizations} set path = ${newPath} || substr(path, ${oldPath.length + 1}) where path like ${subtreePattern(oldPath)}`,
  );
}

export async function countOpenChildren(db: Db, id: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organizations)
    .where(and(eq(organizations.parentId, id), isNull(organizations.closedOn)));
  return Number(row?.n ?? 0);
}
