import {
  ZAssessment,
  ZAssessmentListQuery,
  ZCreateAssessmentRequest,
  ZGradesRequest,
  ZMaterialPack,
  ZRecordSpotCheckRequest,
  ZReviewsRequest,
  ZSpotCheck,
  ZTalkList,
  ZTalkRequest,
  ZUnlockRequest,
  ZYearParams,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  createAssessment,
  drawSpotChecks,
  getAssessment,
  listAssessments,
  publishAssessment,
  recordSpotCheck,
  recordTalk,
  setGrades,
  setReviews,
  talkList,
  unlockAssessment,
} from './assessment.service.ts';
import { materialPack } from './material-pack.ts';

const tags = ['assessment'];
const locked = { 423: errors[409] };

/** 年底考核: units, grades under quota, mutual reviews, spot checks, publication and its audited unlock. */
export function assessmentRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/annual/:year/assessments',
      {
        schema: {
          tags,
          params: ZYearParams,
          querystring: ZAssessmentListQuery,
          response: { 200: z.object({ items: z.array(ZAssessment) }), ...errors },
        },
      },
      async (r) => listAssessments(p, r.actor, r.params.year, r.query.org),
    );
    app.post(
      '/annual/:year/assessments',
      {
        schema: {
          tags,
          summary: '启动考核 for an assessing unit: an organization, or a department of it (decision 5)',
          params: ZYearParams,
          body: ZCreateAssessmentRequest,
          response: { 201: ZAssessment, ...errors },
        },
      },
      async (r, reply) => {
        reply.code(201);
        return createAssessment(p, r.actor, r.params.year, r.body);
      },
    );
    app.get(
      '/assessments/:id',
      { schema: { tags, params, response: { 200: ZAssessment, ...errors } } },
      async (r) => getAssessment(p, r.actor, r.params.id),
    );
    app.put(
      '/assessments/:id/grades',
      {
        schema: {
          tags,
          summary: '评定等次: refused (409) when 优 or 良 would exceed the quota, saying by how many',
          params,
          body: ZGradesRequest,
          response: { 200: ZAssessment, ...errors, ...locked },
        },
      },
      async (r) => setGrades(p, r.actor, r.params.id, r.body.grades),
    );
    app.put(
      '/assessments/:id/reviews',
      {
        schema: {
          tags,
          summary: '互检互评 scores',
          params,
          body: ZReviewsRequest,
          response: { 200: ZAssessment, ...errors, ...locked },
        },
      },
      async (r) => setReviews(p, r.actor, r.params.id, r.body.reviews),
    );
    app.post(
      '/assessments/:id/spot-checks',
      {
        schema: {
          tags,
          summary: "电话（网络）抽查: the server draws a sample of the cadre's own contacts (seeded, once)",
          params,
          body: z.object({ cadreId: z.string() }),
          response: { 200: z.array(ZSpotCheck), ...errors, ...locked },
        },
      },
      async (r) => drawSpotChecks(p, r.actor, r.params.id, r.body.cadreId),
    );
    app.put(
      '/spot-checks/:id',
      {
        schema: {
          tags,
          summary: 'The checker records whether the contact confirmed the work',
          params,
          body: ZRecordSpotCheckRequest,
          response: { 200: ZSpotCheck, ...errors, ...locked },
        },
      },
      async (r) => recordSpotCheck(p, r.actor, r.params.id, r.body),
    );
    app.post(
      '/assessments/:id/publish',
      {
        schema: {
          tags,
          summary: '发布 and lock the results',
          params,
          response: { 200: ZAssessment, ...errors, ...locked },
        },
      },
      async (r) => publishAssessment(p, r.actor, r.params.id),
    );
    app.post(
      '/assessments/:id/unlock',
      {
        schema: {
          tags,
          summary: 'Reopen published results; the reason is audited',
          params,
          body: ZUnlockRequest,
          response: { 200: ZAssessment, ...errors },
        },
      },
      async (r) => unlockAssessment(p, r.actor, r.params.id, r.body.reason),
    );
    app.post(
      '/assessments/:id/talks',
      {
        schema: {
          tags,
          summary: '约谈 held with a cadre graded 差',
          params,
          body: ZTalkRequest,
          response: { 200: ZAssessment, ...errors },
        },
      },
      async (r) => recordTalk(p, r.actor, r.params.id, r.body.cadreId, r.body.heldOn),
    );
    app.get(
      '/annual/:year/talks',
      {
        schema: {
          tags,
          summary: '约谈名单: cadres graded 差 in the subtree',
          params: ZYearParams,
          querystring: ZAssessmentListQuery,
          response: { 200: ZTalkList, ...errors },
        },
      },
      async (r) => talkList(p, r.actor, r.params.year, r.query.org),
    );
    app.get(
      '/assessments/:id/cadres/:cadreId/pack',
      {
        schema: {
          tags,
          summary: '考核材料: plan, self-check, research, figures, spot checks, mutual score',
          params: params.extend({ cadreId: z.string() }),
          response: { 200: ZMaterialPack, ...errors },
        },
      },
      async (r) => materialPack(p, r.actor, r.params.id, r.params.cadreId),
    );
  };
}
