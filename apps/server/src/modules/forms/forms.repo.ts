import { and, asc, eq, inArray, isNotNull, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import {
  accounts,
  activities,
  assessmentEntries,
  assessments,
  cadres,
  contactPoints,
  organizations,
} from '../../platform/db/schema.ts';
import { STAYS } from '../compliance/compliance.facts-sql.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

const pointOrg = alias(organizations, 'point_org');
const holderOrg = alias(organizations, 'holder_org');

const overlapsYear = (year: number) =>
  and(
    sql`${contactPoints.fromDate} <= ${`${year}-12-31`}`,
    or(sql`${contactPoints.toDate} is null`, sql`${contactPoints.toDate} >= ${`${year}-01-01`}`),
  );

/** The contact points the cadres held in the year, oldest first, with the point's organization. */
export function pointsOfCadres(db: Db, cadreIds: string[], year: number) {
  if (cadreIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: contactPoints.id, cadreId: contactPoints.cadreId, orgName: pointOrg.name })
    .from(contactPoints)
    .innerJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId))
    .where(and(inArray(contactPoints.cadreId, cadreIds), overlapsYear(year)))
    .orderBy(asc(contactPoints.fromDate), asc(pointOrg.name));
}

/** Per cadre and activity type: how many in the year and on which days (附表2 场次及时间). */
export async function sessionsOfCadres(db: Db, cadreIds: string[], year: number) {
  if (cadreIds.length === 0) return [];
  return db
    .select({
      cadreId: activities.cadreId,
      type: activities.type,
      n: sql<number>`count(*)::int`,
      days: sql<number>`coalesce(sum(case when ${STAYS}
        then ${activities.endDate} - ${activities.startDate} + 1 - coalesce(${activities.travelDays}, 0) else 0 end), 0)::int`,
      done: sql<number>`count(*) filter (where ${activities.details}->>'status' = 'done')::int`,
      dates: sql<
        string[]
      >`array_agg(to_char(${activities.endDate}, 'FMMM"月"FMDD"日"') order by ${activities.endDate})`,
    })
    .from(activities)
    .where(
      and(
        inArray(activities.cadreId, cadreIds),
        sql`${activities.endDate} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
      ),
    )
    .groupBy(activities.cadreId, activities.type);
}

/** The grade of each cadre in the year's assessments (考核等级), where one was given. */
export function gradesOfCadres(db: Db, cadreIds: string[], year: number) {
  if (cadreIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      cadreId: assessmentEntries.cadreId,
      grade: assessmentEntries.grade,
      status: assessments.status,
    })
    .from(assessmentEntries)
    .innerJoin(assessments, eq(assessments.id, assessmentEntries.assessmentId))
    .where(
      and(
        eq(assessments.year, year),
        inArray(assessmentEntries.cadreId, cadreIds),
        isNotNull(assessmentEntries.grade),
      ),
    );
}

/**
 * 联系点登记表: the points of the year an organization's cadres or the organization itself
 * (decision 6) hold, and the points at the organizations below it (the lower committees' points
 * and those the levels above placed there), registered ones first by their day.
 */
export function pointsRegisteredBy(db: Db, org: { id: string; path: string }, year: number) {
  const orgId = org.id;
  return db
    .select({
      point: contactPoints,
      orgName: pointOrg.name,
      orgField: pointOrg.field,
      orgLevel: pointOrg.level,
      holder: sql<string>`coalesce(${cadres.name}, ${holderOrg.name})`,
      position: cadres.position,
    })
    .from(contactPoints)
    .innerJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId))
    .leftJoin(cadres, eq(cadres.id, contactPoints.cadreId))
    .leftJoin(holderOrg, eq(holderOrg.id, contactPoints.holderOrgId))
    .where(
      and(
        or(
          eq(cadres.orgId, orgId),
          eq(contactPoints.holderOrgId, orgId),
          like(pointOrg.path, subtreePattern(org.path)),
        ),
        overlapsYear(year),
      ),
    )
    .orderBy(
      sql`${contactPoints.registeredOn} asc nulls last`,
      asc(contactPoints.fromDate),
      asc(pointOrg.name),
    );
}

/** 管理员信息表: the organization admins of a subtree, with the cadre record each account belongs to. */
export function adminsOfSubtree(db: Db, orgPath: string) {
  return db
    .select({
      username: accounts.username,
      orgName: organizations.name,
      cadreName: cadres.name,
      mobileEnc: cadres.mobileEnc,
    })
    .from(accounts)
    .innerJoin(organizations, eq(organizations.id, accounts.scopeOrgId))
    .leftJoin(cadres, eq(cadres.id, accounts.cadreId))
    .where(
      and(
        eq(accounts.role, 'org_admin'),
        eq(accounts.disabled, false),
        like(organizations.path, subtreePattern(orgPath)),
      ),
    )
    .orderBy(asc(organizations.path), asc(accounts.username));
}
