import type { TPosting } from '@lianxin/contracts';
import { and, desc, eq, inArray, isNull, like, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import {
  cadres,
  organizations,
  postingBatches,
  postingGroups,
  postingPlans,
  postingPreferences,
  postingPrograms,
  postings,
} from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

export type ProgramRow = typeof postingPrograms.$inferSelect;
export type BatchRow = typeof postingBatches.$inferSelect;
export type PlanRow = typeof postingPlans.$inferSelect;
export type PostingRow = typeof postings.$inferSelect;
export type GroupRow = typeof postingGroups.$inferSelect;

const programOrg = alias(organizations, 'program_org');

export async function findProgram(db: Db, id: string) {
  const [row] = await db
    .select({ program: postingPrograms, orgName: programOrg.name, orgPath: programOrg.path })
    .from(postingPrograms)
    .innerJoin(programOrg, eq(programOrg.id, postingPrograms.orgId))
    .where(eq(postingPrograms.id, id));
  return row ?? null;
}

/** Programs run by organizations inside a subtree (everything when `scopePath` is null). */
export function listPrograms(db: Db, scopePath: string | null) {
  return db
    .select({ program: postingPrograms, orgName: programOrg.name, orgPath: programOrg.path })
    .from(postingPrograms)
    .innerJoin(programOrg, eq(programOrg.id, postingPrograms.orgId))
    .where(scopePath ? like(programOrg.path, subtreePattern(scopePath)) : undefined)
    .orderBy(desc(postingPrograms.createdAt), postingPrograms.id);
}

/** Programs sending the organ's cadres, with the cadre's 意愿 (null when none stated), newest first. */
export function programsSendingOrgan(db: Db, organId: string, cadreId: string) {
  return db
    .select({ program: postingPrograms, wish: postingPreferences })
    .from(postingPrograms)
    .leftJoin(
      postingPreferences,
      and(eq(postingPreferences.programId, postingPrograms.id), eq(postingPreferences.cadreId, cadreId)),
    )
    .where(sql`${postingPrograms.organIds} @> ${JSON.stringify([organId])}::jsonb`)
    .orderBy(desc(postingPrograms.createdAt), postingPrograms.id);
}

export function batchesOf(db: Db, programIds: string[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(postingBatches)
    .where(inArray(postingBatches.programId, programIds))
    .orderBy(postingBatches.startDate, postingBatches.name);
}

/** The program's plan: its draft, or the published one (there is at most one of either). */
export async function findPlanOf(db: Db, programId: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(postingPlans)
    .where(eq(postingPlans.programId, programId))
    .orderBy(desc(postingPlans.createdAt))
    .limit(1);
  return row ?? null;
}

export async function findPlan(db: Db, id: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(postingPlans).where(eq(postingPlans.id, id));
  return row ?? null;
}

/** 机关干部: the active full-time and seconded cadres of the organs (part-time cadres are not organ staff). */
export function organCadres(db: Db, organIds: string[]) {
  if (organIds.length === 0) return Promise.resolve([]);
  return db
    .select({ cadre: cadres, orgName: organizations.name })
    .from(cadres)
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(
      and(
        inArray(cadres.orgId, organIds),
        eq(cadres.active, true),
        inArray(cadres.employment, ['full_time', 'seconded']),
      ),
    )
    .orderBy(cadres.orgId, cadres.name, cadres.id);
}

/** The organs' active cadres who are not organ staff (part-time), whom the planner never sees. */
export function nonStaffCadres(db: Db, organIds: string[]) {
  if (organIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: cadres.id, name: cadres.name, employment: cadres.employment })
    .from(cadres)
    .where(
      and(
        inArray(cadres.orgId, organIds),
        eq(cadres.active, true),
        sql`${cadres.employment} not in ('full_time', 'seconded')`,
      ),
    )
    .orderBy(cadres.name, cadres.id);
}

/** Provincial committees by division code: the planner names a province by its code. */
export function provincesByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({ code: organizations.divisionCode, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.level, 'province'), inArray(organizations.divisionCode, codes)));
}

/** Open organizations of one level inside a subtree. */
export function openOrgsOfLevel(db: Db, path: string, level: string) {
  return db
    .select()
    .from(organizations)
    .where(
      and(
        like(organizations.path, subtreePattern(path)),
        eq(organizations.level, level),
        isNull(organizations.closedOn),
      ),
    )
    .orderBy(organizations.path);
}

const batch = alias(postingBatches, 'batch');
const postedOrg = alias(organizations, 'posted_org');
const cadreOrg = alias(organizations, 'cadre_org');

const postingColumns = {
  posting: postings,
  programName: postingPrograms.name,
  programOrgPath: programOrg.path,
  batchName: batch.name,
  cadreName: cadres.name,
  cadreOrgPath: cadreOrg.path,
  orgName: postedOrg.name,
  orgPath: postedOrg.path,
  leaderCadreId: postingGroups.leaderCadreId,
};

/** A posting with the names a page shows and the paths access needs. */
export type PostingView = {
  posting: PostingRow;
  programName: string;
  programOrgPath: string;
  batchName: string;
  cadreName: string;
  cadreOrgPath: string;
  orgName: string;
  orgPath: string;
  leaderCadreId: string | null;
};

export function selectPostings(db: Db, where: SQL | undefined): Promise<PostingView[]> {
  return db
    .select(postingColumns)
    .from(postings)
    .innerJoin(postingPrograms, eq(postingPrograms.id, postings.programId))
    .innerJoin(programOrg, eq(programOrg.id, postingPrograms.orgId))
    .innerJoin(batch, eq(batch.id, postings.batchId))
    .innerJoin(cadres, eq(cadres.id, postings.cadreId))
    .innerJoin(cadreOrg, eq(cadreOrg.id, cadres.orgId))
    .innerJoin(postedOrg, eq(postedOrg.id, postings.orgId))
    .leftJoin(postingGroups, eq(postingGroups.id, postings.groupId))
    .where(where)
    .orderBy(postings.fromDate, cadres.name, postings.id);
}

export async function findPosting(db: Db, id: string): Promise<PostingView | null> {
  const [row] = await selectPostings(db, eq(postings.id, id));
  return row ?? null;
}

export function toPostingDto(v: PostingView): TPosting {
  const p = v.posting;
  return {
    id: p.id,
    programId: p.programId,
    programName: v.programName,
    batchId: p.batchId,
    batchName: v.batchName,
    cadreId: p.cadreId,
    cadreName: v.cadreName,
    orgId: p.orgId,
    orgName: v.orgName,
    groupId: p.groupId,
    leader: p.groupId !== null && v.leaderCadreId === p.cadreId,
    from: p.fromDate,
    to: p.toDate,
    months: p.months,
    pointId: p.pointId,
  };
}

export async function findGroup(db: Db, id: string) {
  const [row] = await db
    .select({
      group: postingGroups,
      batch: postingBatches,
      programName: postingPrograms.name,
      programOrgPath: programOrg.path,
      prefectureName: organizations.name,
    })
    .from(postingGroups)
    .innerJoin(postingBatches, eq(postingBatches.id, postingGroups.batchId))
    .innerJoin(postingPrograms, eq(postingPrograms.id, postingGroups.programId))
    .innerJoin(programOrg, eq(programOrg.id, postingPrograms.orgId))
    .innerJoin(organizations, eq(organizations.id, postingGroups.prefectureOrgId))
    .where(eq(postingGroups.id, id));
  return row ?? null;
}

/** The cadres' batch preferences in a program, by cadre. */
export async function preferencesOf(db: Db, programId: string) {
  const rows = await db.select().from(postingPreferences).where(eq(postingPreferences.programId, programId));
  return new Map(
    rows.map((r) => [r.cadreId, { prefersBatches: r.prefersBatches, avoidBatches: r.avoidBatches }]),
  );
}
