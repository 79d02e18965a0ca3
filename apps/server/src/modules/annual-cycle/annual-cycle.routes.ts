import {
  ZFilingRoster,
  ZFilingRosterQuery,
  ZOk,
  ZPublishedGrade,
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
import { publishedGrade } from './assessment.service.ts';
import {
  filingRoster,
  getSelfCheck,
  getTaskList,
  getYearSummary,
  reviewFiling,
  saveReport,
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
    for (const [path, kind, zh] of [
      ['self-check', 'midyear_report', '半年自查报告'],
      ['year-summary', 'year_summary', '个人总结（述职）'],
    ] as const) {
      app.get(
        `${base}/${path}`,
        { schema: { tags, summary: zh, params, response: { 200: ZSelfCheck, ...errors } } },
        async (r) =>
          kind === 'midyear_report'
            ? getSelfCheck(p, r.actor, r.params.cadreId, r.params.year)
            : getYearSummary(p, r.actor, r.params.cadreId, r.params.year),
      );
      app.get(
        `${base}/${path}/draft`,
        {
          schema: {
            tags,
            summary: `${zh} drafted from the work log: figures and the work done, by name`,
            params,
            response: { 200: ZSelfCheckContent, ...errors },
          },
        },
        async (r) => selfCheckDraftFor(p, r.actor, r.params.cadreId, r.params.year, kind),
      );
      app.put(
        `${base}/${path}`,
        {
          schema: {
            tags,
            summary: `${zh}: the cadre saves the text; the figures are counted again from the log`,
            params,
            body: z.object({ text: ZSelfCheckContent.shape.text }),
            response: { 200: ZSelfCheck, ...errors },
          },
        },
        async (r) => saveReport(p, r.actor, r.params.cadreId, r.params.year, kind, r.body.text),
      );
    }
    for (const [path, kind] of [
      ['task-list', 'task_list'],
      ['self-check', 'midyear_report'],
      ['year-summary', 'year_summary'],
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
      `${base}/grade`,
      {
        schema: {
          tags,
          summary: "The cadre's own 考核等次, once the assessment is published (null before)",
          params,
          response: { 200: ZPublishedGrade, ...errors },
        },
      },
      async (r) => publishedGrade(p, r.actor, r.params.cadreId, r.params.year),
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
