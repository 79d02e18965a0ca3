import type { AssessmentFacts, Filing } from '@lianxin/domain';
import { and, eq, isNotNull, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  assessmentEntries,
  assessments,
  cadres,
  cycleFilings,
  organizations,
  reportRecommendations,
} from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

interface FactsQuery {
  year: number;
  asOf: string;
  /** The scope's root path; null for everything. */
  scopePath: string | null;
}

const inScope = (path: typeof organizations.path, scopePath: string | null) =>
  scopePath === null ? undefined : like(path, subtreePattern(scopePath));

/**
 * The annual cycle's records as compliance facts (compliance/facts.ts), for the facts query to
 * merge: a cadre's `task_list` (with the `research_topic` it sets: 附表1 调查研究 确定调研课题) and
 * `midyear_report`, dated by their first submission; an organization's `report_recommendation`
 * (with the department that recommended, decision 5); and the grades of published assessments.
 */
export async function annualCycleFacts(db: Db, q: FactsQuery) {
  const filings = await db
    .select({
      id: cycleFilings.id,
      cadreId: cycleFilings.cadreId,
      kind: cycleFilings.kind,
      date: cycleFilings.firstSubmittedOn,
      research: sql<string | null>`${cycleFilings.content}->>'research'`,
    })
    .from(cycleFilings)
    .innerJoin(cadres, eq(cadres.id, cycleFilings.cadreId))
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(
      and(
        eq(cycleFilings.year, q.year),
        isNotNull(cycleFilings.firstSubmittedOn),
        sql`${cycleFilings.firstSubmittedOn} <= ${q.asOf}`,
        inScope(organizations.path, q.scopePath),
      ),
    );
  const cadreFilings = new Map<string, Filing[]>();
  for (const f of filings) {
    const list = cadreFilings.get(f.cadreId) ?? [];
    list.push({ id: f.id, kind: f.kind as Filing['kind'], date: f.date as string });
    if (f.kind === 'task_list' && f.research?.trim())
      list.push({ id: `${f.id}#topic`, kind: 'research_topic', date: f.date as string });
    cadreFilings.set(f.cadreId, list);
  }

  const recommendations = await db
    .select({
      id: reportRecommendations.id,
      orgId: reportRecommendations.orgId,
      department: reportRecommendations.department,
      date: reportRecommendations.recommendedOn,
    })
    .from(reportRecommendations)
    .innerJoin(organizations, eq(organizations.id, reportRecommendations.orgId))
    .where(
      and(
        eq(reportRecommendations.year, q.year),
        sql`${reportRecommendations.recommendedOn} <= ${q.asOf}`,
        inScope(organizations.path, q.scopePath),
      ),
    );
  const orgFilings = new Map<string, Filing[]>();
  for (const r of recommendations) {
    const list = orgFilings.get(r.orgId) ?? [];
    list.push({
      id: r.id,
      kind: 'report_recommendation',
      date: r.date,
      ...(r.department ? { department: r.department } : {}),
    });
    orgFilings.set(r.orgId, list);
  }

  const graded = await db
    .select({
      id: assessments.id,
      orgId: assessments.orgId,
      department: assessments.department,
      cadreId: assessmentEntries.cadreId,
      grade: assessmentEntries.grade,
      talkHeldOn: assessmentEntries.talkHeldOn,
    })
    .from(assessmentEntries)
    .innerJoin(assessments, eq(assessments.id, assessmentEntries.assessmentId))
    .innerJoin(organizations, eq(organizations.id, assessments.orgId))
    .where(
      and(
        eq(assessments.year, q.year),
        eq(assessments.status, 'published'),
        isNotNull(assessmentEntries.grade),
        inScope(organizations.path, q.scopePath),
      ),
    );
  const units = new Map<string, AssessmentFacts>();
  for (const g of graded) {
    const unit = g.department ? `${g.orgId}#${g.department}` : g.orgId;
    const facts = units.get(unit) ?? { unit, org: g.orgId, grades: [] };
    facts.grades.push({
      cadre: g.cadreId,
      grade: g.grade as AssessmentFacts['grades'][number]['grade'],
      talkHeld: g.talkHeldOn !== null && g.talkHeldOn <= q.asOf,
    });
    units.set(unit, facts);
  }
  return { cadreFilings, orgFilings, assessments: [...units.values()] };
}
