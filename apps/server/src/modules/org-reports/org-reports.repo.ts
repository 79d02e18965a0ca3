import type { Filing } from '@lianxin/domain';
import { and, asc, eq, getTableColumns, isNotNull, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { organizations, orgFilings } from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

export type OrgFilingRow = typeof orgFilings.$inferSelect;

export const HALF_YEAR = 'half_year_report';

/** The county committees an organization's half-year reports come from: itself when a county, else its subtree's. */
export function countiesAt(db: Db, org: { id: string; level: string; path: string }) {
  if (org.level === 'county') return Promise.resolve([{ id: org.id, name: '', path: org.path }]);
  return db
    .select({ id: organizations.id, name: organizations.name, path: organizations.path })
    .from(organizations)
    .where(and(eq(organizations.level, 'county'), like(organizations.path, subtreePattern(org.path))))
    .orderBy(asc(organizations.path));
}

/** The half-year reports of the year of these organizations (without the file's bytes). */
export function halfYearReports(db: Db, orgPathRoot: string, year: number) {
  const { fileEnc: _bytes, ...columns } = getTableColumns(orgFilings);
  return db
    .select({ ...columns, orgName: organizations.name })
    .from(orgFilings)
    .innerJoin(organizations, eq(organizations.id, orgFilings.orgId))
    .where(
      and(
        eq(orgFilings.kind, HALF_YEAR),
        eq(orgFilings.year, year),
        like(organizations.path, subtreePattern(orgPathRoot)),
      ),
    );
}

export async function findReport(
  db: Db,
  where: { id: string } | { orgId: string; year: number; half: number },
) {
  const cond =
    'id' in where
      ? eq(orgFilings.id, where.id)
      : and(
          eq(orgFilings.orgId, where.orgId),
          eq(orgFilings.kind, HALF_YEAR),
          eq(orgFilings.year, where.year),
          eq(orgFilings.half, where.half),
        );
  const [row] = await db.select().from(orgFilings).where(cond).orderBy(asc(orgFilings.createdAt)).limit(1);
  return row ?? null;
}

/**
 * Compliance facts (`OrgFacts.filings`): the reports organizations of the scope first submitted
 * in the year up to asOf, as `Filing`s by organization.
 */
export async function orgReportFacts(db: Db, q: { year: number; asOf: string; scopePath: string | null }) {
  const rows = await db
    .select({
      id: orgFilings.id,
      orgId: orgFilings.orgId,
      kind: orgFilings.kind,
      date: orgFilings.firstSubmittedOn,
    })
    .from(orgFilings)
    .innerJoin(organizations, eq(organizations.id, orgFilings.orgId))
    .where(
      and(
        isNotNull(orgFilings.firstSubmittedOn),
        sql`${orgFilings.firstSubmittedOn} between ${`${q.year}-01-01`} and ${q.asOf}`,
        q.scopePath === null ? undefined : like(organizations.path, subtreePattern(q.scopePath)),
      ),
    );
  const out = new Map<string, Filing[]>();
  for (const r of rows) {
    const list = out.get(r.orgId) ?? [];
    list.push({ id: r.id, kind: r.kind as Filing['kind'], date: r.date as string });
    out.set(r.orgId, list);
  }
  return out;
}
