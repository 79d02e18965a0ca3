import { and, asc, eq, like } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  assessmentEntries,
  assessments,
  cadres,
  contactKeepers,
  contacts,
  organizations,
  spotChecks,
} from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type EntryRow = typeof assessmentEntries.$inferSelect;

export async function findAssessment(db: Db, id: string) {
  const [row] = await db
    .select({ assessment: assessments, orgName: organizations.name, orgPath: organizations.path })
    .from(assessments)
    .innerJoin(organizations, eq(organizations.id, assessments.orgId))
    .where(eq(assessments.id, id));
  return row ?? null;
}

export function assessmentsInScope(db: Db, year: number, orgPath: string) {
  return db
    .select({ id: assessments.id })
    .from(assessments)
    .innerJoin(organizations, eq(organizations.id, assessments.orgId))
    .where(and(eq(assessments.year, year), like(organizations.path, subtreePattern(orgPath))))
    .orderBy(asc(organizations.path), asc(assessments.department));
}

export function entriesOf(db: Db, assessmentId: string) {
  return db
    .select({ entry: assessmentEntries, cadreName: cadres.name })
    .from(assessmentEntries)
    .innerJoin(cadres, eq(cadres.id, assessmentEntries.cadreId))
    .where(eq(assessmentEntries.assessmentId, assessmentId))
    .orderBy(asc(cadres.name), asc(cadres.id));
}

export function spotChecksOf(db: Db, assessmentId: string, cadreId?: string) {
  return db
    .select({ check: spotChecks, contactName: contacts.name, phoneMasked: contacts.phoneMasked })
    .from(spotChecks)
    .innerJoin(contacts, eq(contacts.id, spotChecks.contactId))
    .where(
      and(eq(spotChecks.assessmentId, assessmentId), cadreId ? eq(spotChecks.cadreId, cadreId) : undefined),
    )
    .orderBy(asc(spotChecks.cadreId), asc(spotChecks.contactId));
}

export async function findSpotCheck(db: Db, id: string) {
  const [row] = await db.select().from(spotChecks).where(eq(spotChecks.id, id));
  return row ?? null;
}

/** The contacts a cadre keeps (`of`): the only ones a spot check may draw from. */
export async function ownContactIds(db: Db, cadreId: string) {
  const rows = await db
    .select({ id: contactKeepers.contactId })
    .from(contactKeepers)
    .where(eq(contactKeepers.cadreId, cadreId));
  return rows.map((r) => r.id);
}

/** 约谈名单: cadres graded 差 in the assessments of a subtree and year. */
export function poorGrades(db: Db, year: number, orgPath: string) {
  return db
    .select({
      assessmentId: assessments.id,
      cadreId: assessmentEntries.cadreId,
      cadreName: cadres.name,
      orgName: organizations.name,
      department: assessments.department,
      talkHeldOn: assessmentEntries.talkHeldOn,
    })
    .from(assessmentEntries)
    .innerJoin(assessments, eq(assessments.id, assessmentEntries.assessmentId))
    .innerJoin(organizations, eq(organizations.id, assessments.orgId))
    .innerJoin(cadres, eq(cadres.id, assessmentEntries.cadreId))
    .where(
      and(
        eq(assessments.year, year),
        eq(assessmentEntries.grade, 'poor'),
        like(organizations.path, subtreePattern(orgPath)),
      ),
    )
    .orderBy(asc(organizations.path), asc(cadres.name));
}
