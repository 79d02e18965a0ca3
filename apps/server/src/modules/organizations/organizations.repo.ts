import type { TOrganization } from '@lianxin/contracts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, rows } from '../../platform/db/client.ts';
import { escapeLike, subtreePattern } from '../../platform/db/like.ts';
import { organizations } from '../../platform/db/schema.ts';

export { escapeLike, subtreePattern };

export type OrgRow = typeof organizations.$inferSelect;

type NullableFields<T> = { [K in keyof T]: T[K] | null };

/**
 * An organization as the API shows it, read from `o` with its open sub-organizations counted.
 * Hand-written rather than a drizzle select: the tree reads lists of these on every expand, and
 * drizzle's query building and per-column mapping added about 0.45 ms to 155 rows, a fifth of the
 * read (docs/benchmarks.md, issue 12); raw rows already have the contract's shape.
 */
const dtoColumns = sql.raw(`o.id, o.name, o.short_name as "shortName", o.level, o.parent_id as "parentId",
  o.division_code as "divisionCode", o.field, o.municipal, o.closed_on as "closedOn",
  (select count(*)::int from organizations c where c.parent_id = o.id and c.closed_on is null) as "childCount"`);

/** The tree's order of siblings, on the output columns of `dtoColumns`. */
const siblingOrder = sql.raw(`order by "divisionCode", name`);

const openOnly = (includeClosed: boolean) => (includeClosed ? sql`` : sql`and o.closed_on is null`);

export async function findOrg(db: Db, id: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export async function findOrgDto(db: Db, id: string): Promise<TOrganization | null> {
  const [row] = await rows<TOrganization>(
    db,
    sql`select ${dtoColumns} from organizations o where o.id = ${id}`,
  );
  return row ?? null;
}

/** The roots of the tree (parent null) or an organization's children, in the tree's order. */
export function listChildren(db: Db, parentId: string | null, includeClosed: boolean) {
  const parent = parentId === null ? sql`o.parent_id is null` : sql`o.parent_id = ${parentId}`;
  return rows<TOrganization>(
    db,
    sql`select ${dtoColumns} from organizations o where ${parent} ${openOnly(includeClosed)} ${siblingOrder}`,
  );
}

/**
 * An organization's path and its children in one statement (the web tree's expand), so that the
 * caller decides access on the path without reading the organization first. Null when there is no
 * such organization.
 */
export async function findWithChildren(
  db: Db,
  parentId: string,
  includeClosed: boolean,
): Promise<{ path: string; children: TOrganization[] } | null> {
  const found = await rows<{ parentPath: string } & NullableFields<TOrganization>>(
    db,
    sql`select parent.path as "parentPath", child.*
        from organizations parent
        left join lateral (
          select ${dtoColumns} from organizations o where o.parent_id = parent.id ${openOnly(includeClosed)}
        ) child on true
        where parent.id = ${parentId}
        ${siblingOrder}`,
  );
  const [first] = found;
  if (!first) return null;
  // a parent without children comes back as one row of nulls beside its path
  const children = found.flatMap(({ parentPath, ...child }) =>
    child.id === null ? [] : [child as TOrganization],
  );
  return { path: first.parentPath, children };
}

/** Name or division code search inside one subtree (or everywhere when scopePath is null). */
export function searchOrgs(db: Db, q: string, scopePath: string | null, limit = 50) {
  const inScope = scopePath ? sql`o.path like ${subtreePattern(scopePath)}` : sql`true`;
  return rows<TOrganization>(
    db,
    sql`select ${dtoColumns} from organizations o
        where ${inScope}
          and (o.name ilike ${`%${escapeLike(q)}%`} or o.division_code = ${q} or o.id = ${q})
        order by o.path limit ${limit}`,
  );
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
