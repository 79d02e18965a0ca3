import { factBookSectionLabels, type TFactBookSection } from '@lianxin/contracts';
import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { contactPoints, factBookEntries, organizations } from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';
import type { PostingSpanFacts } from './posting-figures.ts';

/** 两新组织 (seed 002 三): new economic organizations (非公企业) and new social organizations. */
const NEW_ORG_FIELDS = ['enterprise', 'social_org'];

/** A timestamp's day within the posting, the whole last day included. */
const withinSpan = (column: unknown, s: PostingSpanFacts) =>
  sql`${column} >= ${s.fromDate}::date and ${column} < ${s.toDate}::date + 1`;

/**
 * 明白帐 kept during the posting: the sections the posted cadre wrote (a version dated within the
 * posting) for a point of theirs in the posted county, each named once with its latest day.
 */
export async function ledgerSectionsKept(db: Db, s: PostingSpanFacts): Promise<string[]> {
  const rows = await db
    .select({
      section: factBookEntries.section,
      last: sql<string>`max(${factBookEntries.writtenAt})::date::text`,
    })
    .from(factBookEntries)
    .innerJoin(contactPoints, eq(contactPoints.id, factBookEntries.pointId))
    .innerJoin(organizations, eq(organizations.id, contactPoints.orgId))
    .where(
      and(
        eq(contactPoints.cadreId, s.cadreId),
        like(organizations.path, subtreePattern(s.orgPath)),
        withinSpan(factBookEntries.writtenAt, s),
      ),
    )
    .groupBy(factBookEntries.section)
    .orderBy(asc(factBookEntries.section));
  return rows.map((r) => `${factBookSectionLabels[r.section as TFactBookSection] ?? r.section}（${r.last}）`);
}

/**
 * League organizations founded in 两新组织 during the posting: grassroots organizations of those
 * fields entered under the posted county within its dates (the day of entry stands for the founding,
 * the one date the product keeps), still open.
 */
export async function newOrgsFounded(db: Db, s: PostingSpanFacts): Promise<string[]> {
  const rows = await db
    .select({ name: organizations.name, on: sql<string>`${organizations.createdAt}::date::text` })
    .from(organizations)
    .where(
      and(
        like(organizations.path, subtreePattern(s.orgPath)),
        eq(organizations.level, 'grassroots'),
        inArray(organizations.field, NEW_ORG_FIELDS),
        isNull(organizations.closedOn),
        withinSpan(organizations.createdAt, s),
      ),
    )
    .orderBy(asc(organizations.createdAt), asc(organizations.name));
  return rows.map((r) => `${r.name}（${r.on}）`);
}
