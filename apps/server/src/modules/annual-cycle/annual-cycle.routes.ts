import {
  ZFilingRoster,
  ZFilingRosterQuery,
  ZOk,
  ZRecommendation,
  ZRecommendationList,
  ZRecommendRequest,
  ZReminders,
  ZRemindersQuery,
  ZResearch,
  ZResearchReportRequest,
  ZReviewRequest,
  ZScoreRequest,
  ZSelfCheck,
  ZSelfCheckContent,
  ZTaskList,
  ZTaskListContent,
  ZYearCadreParams,
  ZYearParams,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  filingRoster,
  getSelfCheck,
  getTaskList,
  reviewFiling,
  saveSelfCheck,
  saveTaskList,
  submitFiling,
} from './filings.service.ts';
import { reminders } from './reminders.service.ts';
import {
  getResearch,
  listRecommendations,
  recommendReport,
  scoreRecommendation,
  submitResearchReport,
} from './research.service.ts';
import { selfCheckDraftFor } from './self-check.ts';

const tags = ['annual-cycle'];
const params = ZYearCadreParams;
const orgQuery = z.object({ org: z.string().optional() });

/** The cadre's filings of the year (任务清单, 半年自查), their review, research and reminders. */
export function annualCycleRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/annual/:year/cadres/:cadreId';
    app.get(
      `${base}/task-list`,
      { schema: { tags, summary: '任务清单 (附表1)', params, response: { 200: ZTaskList, ...errors } } },
      async (r) => getTaskList(p, r.actor, r.params.cadreId, r.params.year),
    );
    app.put(
      `${base}/task-list`,
      {
        schema: {
          tags,
          summary: 'The cadre saves their task list: four areas, up to four of their contact points',
          params,
          body: ZTaskListContent,
          response: { 200: ZTaskList, ...errors },
        },
      },
      async (r) => saveTaskList(p, r.actor, r.params.cadreId, r.params.year, r.body),
    );
    app.get(
      `${base}/self-check`,
      { schema: { tags, summary: '半年自查报告', params, response: { 200: ZSelfCheck, ...errors } } },
      async (r) => getSelfCheck(p, r.actor, r.params.cadreId, r.params.year),
    );
    app.get(
      `${base}/self-check/draft`,
      {
        schema: {
          tags,
          summary: 'A self-check drafted from the work log against the task list and the rules in force',
          params,
          response: { 200: ZSelfCheckContent, ...errors },
        },
      },
      async (r) => selfCheckDraftFor(p, r.actor, r.params.cadreId, r.params.year),
    );
    app.put(
      `${base}/self-check`,
      {
        schema: {
          tags,
          summary: 'The cadre saves the text; the figures are counted again from the log',
          params,
          body: z.object({ text: ZSelfCheckContent.shape.text }),
          response: { 200: ZSelfCheck, ...errors },
        },
      },
      async (r) => saveSelfCheck(p, r.actor, r.params.cadreId, r.params.year, r.body.text),
    );
    for (const [path, kind] of [
      ['task-list', 'task_list'],
      ['self-check', 'midyear_report'],
    ] as const) {
      app.post(
        `${base}/${path}/submit`,
        { schema: { tags, summary: `报送 (${kind})`, params, response: { 200: ZOk, ...errors } } },
        async (r) => {
          await submitFiling(p, r.actor, r.params.cadreId, r.params.year, kind);
          return { ok: true as const };
        },
      );
      app.post(
        `${base}/${path}/review`,
        {
          schema: {
            tags,
            summary: `审核 (${kind}): accept, or return with comments`,
            params,
            body: ZReviewRequest,
            response: { 200: ZOk, ...errors },
          },
        },
        async (r) => {
          await reviewFiling(p, r.actor, r.params.cadreId, r.params.year, kind, r.body);
          return { ok: true as const };
        },
      );
    }
    app.get(
      '/annual/:year/filings',
      {
        schema: {
          tags,
          summary:
            "Every cadre of an organization subtree with the filing's state: late and missing ones show",
          params: ZYearParams,
          querystring: ZFilingRosterQuery,
          response: { 200: ZFilingRoster, ...errors },
        },
      },
      async (r) => filingRoster(p, r.actor, r.params.year, r.query),
    );
    app.get(
      `${base}/research`,
      {
        schema: {
          tags,
          summary: '调查研究: topic, report, deadline',
          params,
          response: { 200: ZResearch, ...errors },
        },
      },
      async (r) => getResearch(p, r.actor, r.params.cadreId, r.params.year),
    );
    app.post(
      `${base}/research/report`,
      {
        schema: {
          tags,
          summary:
            'The research report, logged as a research_report activity (attach its file to that activity)',
          params,
          body: ZResearchReportRequest,
          response: { 201: ZResearch, ...errors },
        },
      },
      async (r, reply) => {
        reply.code(201);
        return submitResearchReport(p, r.actor, r.params.cadreId, r.params.year, r.body);
      },
    );
    app.get(
      '/annual/:year/recommendations',
      {
        schema: {
          tags,
          summary: '推荐调研报告 of a subtree, with each unit’s count against its floor',
          params: ZYearParams,
          querystring: orgQuery,
          response: { 200: ZRecommendationList, ...errors },
        },
      },
      async (r) => listRecommendations(p, r.actor, r.params.year, r.query.org),
    );
    app.post(
      '/annual/:year/recommendations',
      {
        schema: {
          tags,
          params: ZYearParams,
          body: ZRecommendRequest,
          response: { 201: ZRecommendation, ...errors },
        },
      },
      async (r, reply) => {
        reply.code(201);
        return recommendReport(p, r.actor, r.params.year, r.body);
      },
    );
    app.put(
      '/annual/recommendations/:id/score',
      {
        schema: {
          tags,
          summary: '优秀调研报告评选: a score',
          params: idParams,
          body: ZScoreRequest,
          response: { 200: ZRecommendation, ...errors },
        },
      },
      async (r) => scoreRecommendation(p, r.actor, r.params.id, r.body.score),
    );
    app.get(
      '/annual/:year/reminders',
      {
        schema: {
          tags,
          summary:
            "What is due for the caller: a cadre's own filings, an admin's organization and its cadres",
          params: ZYearParams,
          querystring: ZRemindersQuery,
          response: { 200: ZReminders, ...errors },
        },
      },
      async (r) => reminders(p, r.actor, r.params.year, r.query),
    );
  };
}
