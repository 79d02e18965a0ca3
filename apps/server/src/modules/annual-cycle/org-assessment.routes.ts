import {
  ZCreateOrgAssessmentRequest,
  ZOrgAssessment,
  ZOrgAssessmentFigures,
  ZOrgAssessmentListQuery,
  ZOrgGrade,
  ZOrgGradeQuery,
  ZOrgGradesRequest,
  ZYearParams,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  createOrgAssessment,
  getOrgAssessment,
  getOrgGrade,
  listOrgAssessments,
  orgAssessmentFigures,
  publishOrgAssessment,
  setOrgGrades,
} from './org-assessment.service.ts';

const tags = ['assessment'];
const locked = { 423: errors[409] };

/** 下级组织考核 (seed 003 三.2): a level grades its lower organizations under the cadres' quotas. */
export function orgAssessmentRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/annual/:year/org-assessments',
      {
        schema: {
          tags,
          summary: "An organization's grading of its lower organizations for the year (none or one)",
          params: ZYearParams,
          querystring: ZOrgAssessmentListQuery,
          response: { 200: z.object({ items: z.array(ZOrgAssessment) }), ...errors },
        },
      },
      async (r) => listOrgAssessments(p, r.actor, r.params.year, r.query.org),
    );
    app.post(
      '/annual/:year/org-assessments',
      {
        schema: {
          tags,
          summary: '启动下级组织考核: the open lower organizations take part, fixed from now',
          params: ZYearParams,
          body: ZCreateOrgAssessmentRequest,
          response: { 201: ZOrgAssessment, ...errors },
        },
      },
      async (r, reply) => {
        reply.code(201);
        return createOrgAssessment(p, r.actor, r.params.year, r.body.orgId);
      },
    );
    app.get(
      '/annual/:year/org-grade',
      {
        schema: {
          tags,
          summary:
            'The grade an organization was given by the level above it: its own admins read it once published',
          params: ZYearParams,
          querystring: ZOrgGradeQuery,
          response: { 200: ZOrgGrade, ...errors },
        },
      },
      async (r) => getOrgGrade(p, r.actor, r.params.year, r.query.org),
    );
    app.get(
      '/org-assessments/:id',
      { schema: { tags, params, response: { 200: ZOrgAssessment, ...errors } } },
      async (r) => getOrgAssessment(p, r.actor, r.params.id),
    );
    app.get(
      '/org-assessments/:id/figures',
      {
        schema: {
          tags,
          summary:
            'Each assessed organization’s 达标率 and 联系点覆盖 to date, as the level’s bulletin counts them',
          params,
          response: { 200: ZOrgAssessmentFigures, ...errors },
        },
      },
      async (r) => orgAssessmentFigures(p, r.actor, r.params.id),
    );
    app.put(
      '/org-assessments/:id/grades',
      {
        schema: {
          tags,
          summary: '评定等次 of lower organizations: refused (409) over the quota, saying by how many',
          params,
          body: ZOrgGradesRequest,
          response: { 200: ZOrgAssessment, ...errors, ...locked },
        },
      },
      async (r) => setOrgGrades(p, r.actor, r.params.id, r.body.grades),
    );
    app.post(
      '/org-assessments/:id/publish',
      {
        schema: {
          tags,
          summary: '发布: every lower organization graded; the grades are then locked',
          params,
          response: { 200: ZOrgAssessment, ...errors, ...locked },
        },
      },
      async (r) => publishOrgAssessment(p, r.actor, r.params.id),
    );
  };
}
