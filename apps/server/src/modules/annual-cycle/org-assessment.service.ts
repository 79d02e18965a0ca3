import crypto from 'node:crypto';
import type { TGrade, TOrgAssessment, TOrgAssessmentFigures, TOrgGrade } from '@lianxin/contracts';
import { type AssessmentGrade, gradeQuotaProblems, quotaLimit } from '@lianxin/domain';
import { and, eq } from 'drizzle-orm';
import { type Actor, authorize, type Permission } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { orgAssessmentEntries, orgAssessments } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { lowerOrgs } from '../bulletins/bulletins.repo.ts';
import { levelFigures } from '../bulletins/bulletins.service.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { assertOpen, quotaOf, refuseOverQuota } from './assessment.service.ts';
import { findOrgAssessment, gradedOrgs, gradingOf, orgAssessmentOf } from './org-assessment.repo.ts';

async function loadOrgAssessment(p: Platform, actor: Actor, id: string, perm: Permission) {
  const row = await findOrgAssessment(p.db, id);
  if (!row) throw notFound('Assessment of lower organizations', id, '下级组织考核');
  await authorize(p, actor, { type: 'org_assessment', id }, perm);
  return row;
}

/** The grading as stored: each organization with its grade, and the quotas of those assessed. */
async function toDto(p: Platform, id: string): Promise<TOrgAssessment> {
  const row = await findOrgAssessment(p.db, id);
  if (!row) throw notFound('Assessment of lower organizations', id, '下级组织考核');
  const a = row.assessment;
  const [graded, quota] = await Promise.all([gradedOrgs(p.db, id), quotaOf(p, row.orgPath, a.year)]);
  return {
    id,
    year: a.year,
    orgId: a.orgId,
    orgName: row.orgName,
    status: a.status as TOrgAssessment['status'],
    publishedAt: a.publishedAt?.toISOString() ?? null,
    quota: {
      assessed: graded.length,
      excellent: quotaLimit(graded.length, quota.excellent ?? 1),
      good: quotaLimit(graded.length, quota.good ?? 1),
    },
    entries: graded.map((g) => ({ orgId: g.orgId, name: g.name, grade: g.grade as TGrade | null })),
  };
}

/**
 * Each assessed organization's year to date (today, or the year's end once past), as the level's
 * bulletin counts it: one evaluation of the grading level's subtree, so read apart from the grades.
 */
export async function orgAssessmentFigures(
  p: Platform,
  actor: Actor,
  id: string,
): Promise<TOrgAssessmentFigures> {
  const row = await loadOrgAssessment(p, actor, id, 'read');
  const a = row.assessment;
  const today = chinaToday(p.clock);
  const asOf = `${a.year}-12-31` < today ? `${a.year}-12-31` : today;
  const [graded, figures] = await Promise.all([
    gradedOrgs(p.db, id),
    levelFigures(p, { id: a.orgId, path: row.orgPath }, a.year, asOf, { rankOrgs: false, rankCadres: false }),
  ]);
  const byOrg = new Map(figures.rows.map((r) => [r.orgId, r]));
  return {
    asOf,
    items: graded.map(({ orgId }) => {
      const f = byOrg.get(orgId);
      return {
        orgId,
        cadres: f?.cadres ?? 0,
        rate: f?.rate ?? null,
        coverage: f?.coverage ?? { covered: 0, total: 0, rate: null },
      };
    }),
  };
}

export async function listOrgAssessments(p: Platform, actor: Actor, year: number, orgId: string) {
  await loadOrg(p, actor, orgId, 'read');
  const found = await orgAssessmentOf(p.db, year, orgId);
  return { items: found ? [await toDto(p, found.id)] : [] };
}

export async function getOrgAssessment(p: Platform, actor: Actor, id: string) {
  await loadOrgAssessment(p, actor, id, 'read');
  return toDto(p, id);
}

/**
 * The grade an organization was given in a year: for the grading level, and for the organization's
 * own admins once published (the policy's `read_entry`); only that organization's, never a sibling's.
 */
export async function getOrgGrade(
  p: Platform,
  actor: Actor,
  year: number,
  orgId: string,
): Promise<TOrgGrade> {
  const found = await gradingOf(p.db, year, orgId);
  if (!found) throw notFound('Grade of the organization', `${year}/${orgId}`, '本组织的考核等次');
  await authorize(p, actor, { type: 'org_assessment', id: found.id }, 'read_entry');
  const org = await loadOrg(p, actor, orgId, 'read');
  const grading = await toDto(p, found.id);
  return {
    assessmentId: grading.id,
    year,
    gradedBy: { id: grading.orgId, name: grading.orgName },
    orgId: org.id,
    name: org.name,
    status: grading.status,
    grade: grading.entries.find((e) => e.orgId === orgId)?.grade ?? null,
    publishedAt: grading.publishedAt,
  };
}

/**
 * 启动下级组织考核: the organization's open lower organizations take part; they are fixed now, so the
 * quotas (the cadres' own: 优 ≤ 30%, 良 ≤ 50%, rounding down) count them.
 */
export async function createOrgAssessment(p: Platform, actor: Actor, year: number, orgId: string) {
  const org = await loadOrg(p, actor, orgId, 'write');
  const lower = await lowerOrgs(p.db, org.id);
  if (lower.length === 0)
    throw badRequest('The organization has no lower organizations to grade', '该组织没有可考核的下级组织', [
      { path: 'orgId', message: '无下级组织 / no lower organizations' },
    ]);
  const existing = await orgAssessmentOf(p.db, year, org.id);
  if (existing)
    throw new AppError(
      'conflict',
      `The ${year} grading of lower organizations exists: ${existing.id}`,
      `${year} 年度下级组织考核已启动（${existing.id}）`,
    );
  const id = crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    await tx.insert(orgAssessments).values({ id, year, orgId: org.id, status: 'open' });
    await tx.insert(orgAssessmentEntries).values(lower.map((o) => ({ assessmentId: id, orgId: o.id })));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'org_assessment.create',
      objectType: 'org_assessment',
      objectId: id,
      after: { year, orgId: org.id, assessed: lower.map((o) => o.id) },
      ip: actor.ip,
    });
  });
  return toDto(p, id);
}

/** 评定等次 of lower organizations: refused over quota as the cadres' grades are, saying by how many. */
export async function setOrgGrades(
  p: Platform,
  actor: Actor,
  id: string,
  grades: { orgId: string; grade: TGrade | null }[],
) {
  const row = await loadOrgAssessment(p, actor, id, 'write');
  assertOpen(row.assessment);
  const graded = await gradedOrgs(p.db, id);
  const outside = grades.filter((g) => !graded.some((o) => o.orgId === g.orgId));
  if (outside.length > 0)
    throw badRequest(
      'Not among the organizations assessed',
      '不在本次考核的下级组织中',
      outside.map((g) => ({ path: 'grades', message: g.orgId })),
    );
  const next = new Map(graded.map((o) => [o.orgId, o.grade as AssessmentGrade | null]));
  for (const g of grades) next.set(g.orgId, g.grade);
  refuseOverQuota(
    gradeQuotaProblems(graded.length, [...next.values()], await quotaOf(p, row.orgPath, row.assessment.year)),
  );
  await inTransaction(p, async (tx) => {
    for (const g of grades)
      await tx
        .update(orgAssessmentEntries)
        .set({ grade: g.grade })
        .where(and(eq(orgAssessmentEntries.assessmentId, id), eq(orgAssessmentEntries.orgId, g.orgId)));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'org_assessment.grade',
      objectType: 'org_assessment',
      objectId: id,
      before: Object.fromEntries(
        grades.map((g) => [g.orgId, graded.find((o) => o.orgId === g.orgId)?.grade ?? null]),
      ),
      after: Object.fromEntries(grades.map((g) => [g.orgId, g.grade])),
      ip: actor.ip,
    });
  });
  return toDto(p, id);
}

/** 发布: every lower organization graded; the grades are then locked. */
export async function publishOrgAssessment(p: Platform, actor: Actor, id: string) {
  const row = await loadOrgAssessment(p, actor, id, 'write');
  assertOpen(row.assessment);
  const ungraded = (await gradedOrgs(p.db, id)).filter((o) => o.grade === null);
  if (ungraded.length > 0)
    throw badRequest(
      `${ungraded.length} organizations are not graded yet`,
      `尚有 ${ungraded.length} 个下级组织未评定等次`,
      ungraded.map((o) => ({ path: 'grades', message: o.name })),
    );
  await inTransaction(p, async (tx) => {
    await tx
      .update(orgAssessments)
      .set({ status: 'published', publishedAt: p.clock.now() })
      .where(eq(orgAssessments.id, id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'org_assessment.publish',
      objectType: 'org_assessment',
      objectId: id,
      after: { status: 'published' },
      ip: actor.ip,
    });
  });
  return toDto(p, id);
}
