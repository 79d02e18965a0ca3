import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { orgAssessmentEntries, orgAssessments, organizations } from '../../platform/db/schema.ts';

export async function findOrgAssessment(db: Db, id: string) {
  const [row] = await db
    .select({ assessment: orgAssessments, orgName: organizations.name, orgPath: organizations.path })
    .from(orgAssessments)
    .innerJoin(organizations, eq(organizations.id, orgAssessments.orgId))
    .where(eq(orgAssessments.id, id));
  return row ?? null;
}

export async function orgAssessmentOf(db: Db, year: number, orgId: string) {
  const [row] = await db
    .select({ id: orgAssessments.id })
    .from(orgAssessments)
    .where(and(eq(orgAssessments.year, year), eq(orgAssessments.orgId, orgId)));
  return row ?? null;
}

/** The organizations graded, in the order the level's bulletin lists them. */
export function gradedOrgs(db: Db, id: string) {
  return db
    .select({
      orgId: orgAssessmentEntries.orgId,
      name: organizations.name,
      grade: orgAssessmentEntries.grade,
    })
    .from(orgAssessmentEntries)
    .innerJoin(organizations, eq(organizations.id, orgAssessmentEntries.orgId))
    .where(eq(orgAssessmentEntries.assessmentId, id))
    .orderBy(asc(organizations.divisionCode), asc(organizations.name));
}

/** The grading that assessed an organization in a year: its level above grades it, once a year. */
export async function gradingOf(db: Db, year: number, orgId: string) {
  const [row] = await db
    .select({ id: orgAssessments.id })
    .from(orgAssessmentEntries)
    .innerJoin(orgAssessments, eq(orgAssessments.id, orgAssessmentEntries.assessmentId))
    .where(and(eq(orgAssessments.year, year), eq(orgAssessmentEntries.orgId, orgId)))
    .orderBy(desc(orgAssessments.createdAt))
    .limit(1);
  return row ?? null;
}
