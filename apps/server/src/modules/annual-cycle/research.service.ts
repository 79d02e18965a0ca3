import crypto from 'node:crypto';
import type { TRecommendation, TTaskListContent } from '@lianxin/contracts';
import { and, asc, eq, like } from 'drizzle-orm';
import { type Actor, authorize } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { activities, cadres, organizations, reportRecommendations } from '../../platform/db/schema.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { createActivity } from '../activities/activities.service.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { findFiling, postingCountedAsResearch, researchReportOf } from './annual-cycle.repo.ts';
import { cycleAt, stateOf, today } from './cycle.ts';

/** 调查研究 of a cadre's year: the topic of the task list, the report of the work log, its deadline. */
export async function getResearch(p: Platform, actor: Actor, cadreId: string, year: number) {
  const cadre = await loadCadre(p, actor, cadreId, 'read');
  const [plan, report, posting, { due }] = await Promise.all([
    findFiling(p.db, cadreId, year, 'task_list'),
    researchReportOf(p.db, cadreId, year),
    postingCountedAsResearch(p.db, cadreId, year),
    cycleAt(p.db, cadre.orgPath, year),
  ]);
  const deadline = due('research_report');
  return {
    cadreId,
    year,
    topic: (plan?.content as TTaskListContent | undefined)?.research || null,
    due: deadline,
    state: stateOf(deadline, report?.date ?? posting?.submittedOn ?? null, today(p)),
    posting,
    report: report
      ? {
          activityId: report.id,
          title: report.title,
          date: report.date ?? `${year}-12-31`,
          text: report.note,
          attachmentCount: Number(report.attachmentCount),
        }
      : null,
  };
}

/**
 * The report goes into the work log as a `research_report` activity (entered once, counted by the
 * rules); its text is the activity's note and its file an attachment of that activity.
 */
export async function submitResearchReport(
  p: Platform,
  actor: Actor,
  cadreId: string,
  year: number,
  input: { title: string; text: string; date?: string },
) {
  const date = input.date ?? today(p);
  if (!date.startsWith(`${year}-`))
    throw badRequest(`The report's date is not in ${year}`, `报告日期不在 ${year} 年内`, [
      { path: 'date', message: date },
    ]);
  await createActivity(p, actor, {
    type: 'research_report',
    cadre: cadreId,
    date,
    title: input.title,
    note: input.text || undefined,
  });
  return getResearch(p, actor, cadreId, year);
}

const recommendationColumns = {
  rec: reportRecommendations,
  title: activities.details,
  cadreId: cadres.id,
  cadreName: cadres.name,
};

function toRecommendationDto(r: {
  rec: typeof reportRecommendations.$inferSelect;
  title: Record<string, unknown>;
  cadreId: string;
  cadreName: string;
}): TRecommendation {
  return {
    id: r.rec.id,
    year: r.rec.year,
    orgId: r.rec.orgId,
    department: r.rec.department,
    activityId: r.rec.activityId,
    title: typeof r.title.title === 'string' ? r.title.title : '',
    cadreId: r.cadreId,
    cadreName: r.cadreName,
    recommendedOn: r.rec.recommendedOn,
    score: r.rec.score,
  };
}

function selectRecommendations(db: Db) {
  return db
    .select(recommendationColumns)
    .from(reportRecommendations)
    .innerJoin(activities, eq(activities.id, reportRecommendations.activityId))
    .innerJoin(cadres, eq(cadres.id, activities.cadreId));
}

/**
 * 推荐优秀调研报告 (baoji2018.report_recommendation): a county committee recommends reports of its
 * subtree's cadres, a department (decision 5) those of its own cadres.
 */
export async function recommendReport(
  p: Platform,
  actor: Actor,
  year: number,
  input: { orgId: string; department?: string; activityId: string },
) {
  const org = await loadOrg(p, actor, input.orgId, 'write');
  const [report] = await p.db
    .select({
      activity: activities,
      cadreOrgPath: organizations.path,
      cadreOrgId: cadres.orgId,
      department: cadres.department,
    })
    .from(activities)
    .innerJoin(cadres, eq(cadres.id, activities.cadreId))
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(eq(activities.id, input.activityId));
  if (report?.activity.type !== 'research_report')
    throw badRequest('Not a research report', '所选记录不是调研报告', [
      { path: 'activityId', message: input.activityId },
    ]);
  const inUnit = input.department
    ? report.cadreOrgId === org.id && report.department === input.department
    : report.cadreOrgPath.startsWith(org.path);
  if (!inUnit)
    throw badRequest('The report is not of the recommending unit', '只能推荐本单位团干部的调研报告', [
      { path: 'activityId', message: input.activityId },
    ]);
  if (!report.activity.endDate?.startsWith(`${year}-`))
    throw badRequest(`The report is not of ${year}`, `该调研报告不属于 ${year} 年度`, [
      { path: 'activityId', message: report.activity.endDate ?? '' },
    ]);
  const [taken] = await p.db
    .select({ id: reportRecommendations.id })
    .from(reportRecommendations)
    .where(eq(reportRecommendations.activityId, input.activityId));
  if (taken)
    throw new AppError('conflict', `Already recommended: ${taken.id}`, `该报告已被推荐（${taken.id}）`);
  const id = crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    await tx.insert(reportRecommendations).values({
      id,
      year,
      orgId: org.id,
      department: input.department ?? null,
      activityId: input.activityId,
      recommendedOn: today(p),
      recommendedBy: actor.name,
    });
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'report.recommend',
      objectType: 'report_recommendation',
      objectId: id,
      after: { year, ...input },
      ip: actor.ip,
    });
  });
  const [row] = await selectRecommendations(p.db).where(eq(reportRecommendations.id, id));
  return toRecommendationDto(row as Parameters<typeof toRecommendationDto>[0]);
}

/** 优秀调研报告评选: a score by an admin above the recommending unit. */
export async function scoreRecommendation(p: Platform, actor: Actor, id: string, score: number) {
  const [row] = await selectRecommendations(p.db).where(eq(reportRecommendations.id, id));
  if (!row) throw notFound('Recommendation', id, '推荐记录');
  // a level's own departments are scored by the level; a lower unit's recommendation from above it
  const action = row.rec.department ? 'write' : 'score';
  await authorize(p, actor, { type: 'report_recommendation', id }, action);
  await inTransaction(p, async (tx) => {
    await tx
      .update(reportRecommendations)
      .set({ score, scoredBy: actor.name })
      .where(eq(reportRecommendations.id, id));
    await p.audit.append(tx, {
      actor: actor.name,
      action: 'report.score',
      objectType: 'report_recommendation',
      objectId: id,
      before: { score: row.rec.score },
      after: { score },
      ip: actor.ip,
    });
  });
  return toRecommendationDto({ ...row, rec: { ...row.rec, score } });
}

/**
 * The recommendations of a subtree's year, and per recommending unit the count against its floor:
 * a county committee at least 2, a department at least 1 (parameters of the preset in force).
 */
export async function listRecommendations(p: Platform, actor: Actor, year: number, orgId?: string) {
  const id = orgId ?? actor.scopeOrgId;
  if (!id) throw badRequest('Name an organization (org)', '请指定组织');
  const org = await loadOrg(p, actor, id, 'read');
  const rows = await selectRecommendations(p.db)
    .innerJoin(organizations, eq(organizations.id, reportRecommendations.orgId))
    .where(and(eq(reportRecommendations.year, year), like(organizations.path, subtreePattern(org.path))))
    .orderBy(asc(organizations.path), asc(reportRecommendations.recommendedOn));
  const items = rows.map(toRecommendationDto);
  const { paramsOf } = await cycleAt(p.db, org.path, year);
  const floors = paramsOf('baoji2018.report_recommendation');
  const floor = (name: string) => {
    const param = floors?.[name];
    return param?.kind === 'floor' ? param.value : 0;
  };
  const units = new Map<
    string,
    { orgId: string; department: string | null; count: number; required: number }
  >();
  for (const r of items) {
    const key = `${r.orgId}#${r.department ?? ''}`;
    const unit = units.get(key) ?? {
      orgId: r.orgId,
      department: r.department,
      count: 0,
      required: floor(r.department ? 'departmentReports' : 'countyReports'),
    };
    unit.count += 1;
    units.set(key, unit);
  }
  return { items, units: [...units.values()] };
}
