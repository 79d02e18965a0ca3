import type { Actor } from '../../platform/access/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadCadre } from '../cadres/cadres.service.ts';
import { evaluateCompliance } from '../compliance/compliance.service.ts';
import { listPointsOfCadre } from '../contact-points/contact-points.repo.ts';
import { cadreYearEngagement } from '../engagement/engagement.service.ts';
import { getAssessment } from './assessment.service.ts';
import { today } from './cycle.ts';
import { findSelfCheck, findTaskList, findYearSummary } from './filings.service.ts';
import { getResearch } from './research.service.ts';
import { yearFigures } from './self-check.ts';

/**
 * 考核材料 of one cadre (资料核查: 个人总结、任务对标、调研报告): compiled from what was filed and
 * logged, with the compliance results and their evidence, so the assessors read the same records
 * the cadre entered once.
 */
export async function materialPack(p: Platform, actor: Actor, assessmentId: string, cadreId: string) {
  const assessment = await getAssessment(p, actor, assessmentId);
  const entry = assessment.entries.find((e) => e.cadreId === cadreId);
  if (!entry) throw notFound('Assessed cadre', cadreId, '考核名单中的团干部');
  const cadre = await loadCadre(p, actor, cadreId, 'read');
  const year = assessment.year;
  const [taskList, selfCheck, yearSummary, research, figures, points, evaluation, engagement] =
    await Promise.all([
      findTaskList(p, actor, cadreId, year),
      findSelfCheck(p, actor, cadreId, year),
      findYearSummary(p, actor, cadreId, year),
      getResearch(p, actor, cadreId, year),
      yearFigures(p, cadre, year, today(p)),
      listPointsOfCadre(p.db, cadreId),
      evaluateCompliance(p, actor, { year, org: cadre.cadre.orgId }),
      cadreYearEngagement(p, cadreId, year, today(p)),
    ]);
  const own = new Set(points.map((t) => t.point.id));
  return {
    cadreId,
    cadreName: entry.cadreName,
    year,
    taskList,
    selfCheck,
    yearSummary,
    research,
    figures,
    spotChecks: entry.spotChecks,
    mutualScore: entry.mutualScore,
    compliance: evaluation.results.filter(
      (r) => r.cadre === cadreId || (r.point !== null && own.has(r.point)),
    ),
    engagement,
  };
}
