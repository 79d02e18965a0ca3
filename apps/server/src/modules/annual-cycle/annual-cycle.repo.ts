import { type CyclePresetId, type ParamsOf, pathIds, tightenedParams } from '@lianxin/domain';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  activities,
  cadres,
  cycleFilings,
  organizations,
  orgPresets,
  postingReports,
  postings,
} from '../../platform/db/schema.ts';
import { feedsSql, STAYS } from '../compliance/compliance.facts-sql.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

export type FilingRow = typeof cycleFilings.$inferSelect;
export type FilingKind = 'task_list' | 'midyear_report' | 'year_summary';

/**
 * The presets in force at an organization (adopted by it or an ancestor) and each rule's parameters
 * as the adopting levels tighten them, from the top down.
 */
export async function presetsInForce(db: Db, orgPath: string) {
  const ids = pathIds(orgPath);
  const rows = await db
    .select({ preset: orgPresets.preset, params: orgPresets.params, path: organizations.path })
    .from(orgPresets)
    .innerJoin(organizations, eq(organizations.id, orgPresets.orgId))
    .where(inArray(orgPresets.orgId, ids));
  rows.sort((a, b) => a.path.length - b.path.length);
  const presets = [...new Set(rows.map((r) => r.preset as CyclePresetId))];
  const paramsOf: ParamsOf = (ruleId) =>
    tightenedParams(
      ruleId,
      rows.map((r) => (r.params[ruleId] ?? {}) as Parameters<typeof tightenedParams>[1][number]),
    );
  return { presets, paramsOf };
}

export async function findFiling(db: Db, cadreId: string, year: number, kind: FilingKind) {
  const [row] = await db
    .select()
    .from(cycleFilings)
    .where(and(eq(cycleFilings.cadreId, cadreId), eq(cycleFilings.year, year), eq(cycleFilings.kind, kind)));
  return row ?? null;
}

/** The active cadres of one organization (not its subtree), or of one department of it. */
export function unitCadres(db: Db, orgId: string, department: string | null) {
  return db
    .select({ id: cadres.id, name: cadres.name, orgId: cadres.orgId, department: cadres.department })
    .from(cadres)
    .where(
      and(
        eq(cadres.orgId, orgId),
        eq(cadres.active, true),
        department ? eq(cadres.department, department) : undefined,
      ),
    )
    .orderBy(asc(cadres.name), asc(cadres.id));
}

/** Active cadres of an organization subtree with their filing of one kind and year, if any. */
export function rosterWithFilings(db: Db, orgPath: string, year: number, kind: FilingKind) {
  return db
    .select({
      id: cadres.id,
      name: cadres.name,
      orgId: cadres.orgId,
      orgName: organizations.name,
      department: cadres.department,
      filing: cycleFilings,
    })
    .from(cadres)
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .leftJoin(
      cycleFilings,
      and(eq(cycleFilings.cadreId, cadres.id), eq(cycleFilings.year, year), eq(cycleFilings.kind, kind)),
    )
    .where(and(like(organizations.path, subtreePattern(orgPath)), eq(cadres.active, true)))
    .orderBy(asc(organizations.path), asc(cadres.name), asc(cadres.id));
}

/** Per activity type, a cadre's records of the year up to `asOf`, and the on-site days of visits and stays. */
export async function activityFigures(db: Db, cadreId: string, from: string, to: string) {
  const rows = await db
    .select({
      type: activities.type,
      n: sql<number>`count(*)::int`,
      days: sql<number>`coalesce(sum(case when ${STAYS}
        then ${activities.endDate} - ${activities.startDate} + 1 - coalesce(${activities.travelDays}, 0) else 0 end), 0)::int`,
      done: sql<number>`count(*) filter (where ${activities.details}->>'status' = 'done')::int`,
    })
    .from(activities)
    .where(and(eq(activities.cadreId, cadreId), sql`${activities.endDate} between ${from} and ${to}`))
    .groupBy(activities.type);
  return new Map(rows.map((r) => [r.type, { n: Number(r.n), days: Number(r.days), done: Number(r.done) }]));
}

/**
 * Distinct people a cadre met in the year up to `asOf` (policy-rules.md): youths face to face
 * (face-to-face talks, visits, stays, events) and League cadres talked with (any mode).
 */
export async function peopleFigures(db: Db, cadreId: string, from: string, to: string) {
  const result = await db.execute(sql`
    select
      count(distinct c.id) filter (where c.role = 'youth' and ${feedsSql('face_to_face', { details: true })})::int as youths,
      count(distinct c.id) filter (where c.role = 'league_cadre' and ${feedsSql('talk', { details: true })})::int as league_cadres
    from activities a
    join activity_contacts ac on ac.activity_id = a.id
    join contacts c on c.id = ac.contact_id
    where a.cadre_id = ${cadreId} and a.end_date between ${from} and ${to}`);
  // node-postgres and PGlite both answer with `rows`
  const [row] = (result as unknown as { rows: { youths: number; league_cadres: number }[] }).rows;
  return { youths: Number(row?.youths ?? 0), leagueCadres: Number(row?.league_cadres ?? 0) };
}

/** The records worth naming in a report: titled work of the year, newest first. */
export function notableActivities(db: Db, cadreId: string, from: string, to: string, limit = 10) {
  return db
    .select({
      id: activities.id,
      type: activities.type,
      date: activities.endDate,
      title: sql<string>`coalesce(${activities.details}->>'title', ${activities.details}->>'outcome', '')`,
    })
    .from(activities)
    .where(
      and(
        eq(activities.cadreId, cadreId),
        inArray(activities.type, [
          'case',
          'article',
          'practical_help',
          'system',
          'research_report',
          'work_item',
        ]),
        sql`${activities.endDate} between ${from} and ${to}`,
      ),
    )
    .orderBy(sql`${activities.endDate} desc`, asc(activities.id))
    .limit(limit);
}

/** The cadre's research report of the year (the latest, if several were logged). */
export async function researchReportOf(db: Db, cadreId: string, year: number) {
  const [row] = await db
    .select({
      id: activities.id,
      date: activities.endDate,
      title: sql<string>`coalesce(${activities.details}->>'title', '')`,
      note: activities.note,
      attachmentCount: sql<number>`(select count(*)::int from attachments x where x.activity_id = "activities"."id")`,
    })
    .from(activities)
    .where(
      and(
        eq(activities.cadreId, cadreId),
        eq(activities.type, 'research_report'),
        sql`${activities.endDate} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
      ),
    )
    .orderBy(sql`${activities.endDate} desc`)
    .limit(1);
  return row ?? null;
}

/**
 * A posting of the year that stands for its research (seed 002 四.2: 当年参加“常态化下沉基层”的，视同完成
 * 当年调查研究): a posting of the cadre running in that year whose personal summary is submitted —
 * the summary is the posting's report, counted here without being typed again.
 */
export async function postingCountedAsResearch(db: Db, cadreId: string, year: number) {
  const [row] = await db
    .select({
      postingId: postings.id,
      orgName: organizations.name,
      from: postings.fromDate,
      to: postings.toDate,
      submittedOn: sql<string>`${postingReports.submittedAt}::date::text`,
    })
    .from(postings)
    .innerJoin(organizations, eq(organizations.id, postings.orgId))
    .innerJoin(postingReports, eq(postingReports.postingId, postings.id))
    .where(
      and(
        eq(postings.cadreId, cadreId),
        eq(postingReports.status, 'submitted'),
        sql`${postings.fromDate} <= ${`${year}-12-31`} and ${postings.toDate} >= ${`${year}-01-01`}`,
      ),
    )
    .orderBy(asc(postings.fromDate))
    .limit(1);
  return row ?? null;
}
