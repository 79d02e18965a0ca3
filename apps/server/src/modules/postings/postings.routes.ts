import {
  ZDeliverableList,
  ZDeliverableParams,
  ZFourPlusOne,
  ZFourPlusOneQuery,
  ZLeave,
  ZLeaveDecision,
  ZLeaveRequest,
  ZMarkDeliverableRequest,
  ZPosting,
  ZPostingGroupPage,
  ZPostingList,
  ZPostingListQuery,
  ZPostingReport,
  ZSaveReportRequest,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { getDeliverables, markDeliverable } from './deliverables.service.ts';
import { fourPlusOne } from './four-plus-one.service.ts';
import { decideLeave, listLeaves, requestLeave } from './leaves.service.ts';
import { loadPosting } from './postings.access.ts';
import { toPostingDto } from './postings.repo.ts';
import { getGroupPage, listPostingsFor } from './postings.service.ts';
import { getSummary, saveGroupReport, saveSummary } from './reports.service.ts';

const tags = ['postings'];

/** During and after a posting: the postings, leave, the group page, reports, 六个一, and "4+1". */
export function postingRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/postings',
      {
        schema: {
          tags,
          summary: "A program's postings (?program=), a cadre's (?cadre=), or the caller's own",
          querystring: ZPostingListQuery,
          response: { 200: ZPostingList, ...errors },
        },
      },
      async (request) => listPostingsFor(p, request.actor, request.query),
    );
    app.get(
      '/postings/:id',
      { schema: { tags, params, response: { 200: ZPosting, ...errors } } },
      async (request) => toPostingDto(await loadPosting(p, request.actor, request.params.id, 'read')),
    );
    app.get(
      '/postings/:id/leaves',
      { schema: { tags, params, response: { 200: z.object({ items: z.array(ZLeave) }), ...errors } } },
      async (request) => listLeaves(p, request.actor, request.params.id),
    );
    app.post(
      '/postings/:id/leaves',
      {
        schema: {
          tags,
          summary: '请假: the special cause and the days, inside the posting; waits for an admin',
          params,
          body: ZLeaveRequest,
          response: { 201: ZLeave, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return requestLeave(p, request.actor, request.params.id, request.body);
      },
    );
    app.post(
      '/posting-leaves/:id/decision',
      { schema: { tags, params, body: ZLeaveDecision, response: { 200: ZLeave, ...errors } } },
      async (request) => decideLeave(p, request.actor, request.params.id, request.body),
    );
    app.get(
      '/postings/:id/summary',
      {
        schema: {
          tags,
          summary: '个人总结: the stored text, or a draft written from the log',
          params,
          response: { 200: ZPostingReport, ...errors },
        },
      },
      async (request) => getSummary(p, request.actor, request.params.id),
    );
    app.post(
      '/postings/:id/summary',
      { schema: { tags, params, body: ZSaveReportRequest, response: { 200: ZPostingReport, ...errors } } },
      async (request) =>
        saveSummary(p, request.actor, request.params.id, request.body.body, request.body.submit),
    );
    app.get(
      '/postings/:id/deliverables',
      { schema: { tags, summary: '六个一', params, response: { 200: ZDeliverableList, ...errors } } },
      async (request) => getDeliverables(p, request.actor, request.params.id),
    );
    app.put(
      '/postings/:id/deliverables/:key',
      {
        schema: {
          tags,
          params: ZDeliverableParams,
          body: ZMarkDeliverableRequest,
          response: { 200: ZDeliverableList, ...errors },
        },
      },
      async (request) =>
        markDeliverable(p, request.actor, request.params.id, request.params.key, request.body),
    );
    app.get(
      '/posting-groups/:id',
      { schema: { tags, params, response: { 200: ZPostingGroupPage, ...errors } } },
      async (request) => getGroupPage(p, request.actor, request.params.id),
    );
    app.post(
      '/posting-groups/:id/report',
      {
        schema: {
          tags,
          summary: '小组工作报告: saved or submitted by the leader',
          params,
          body: ZSaveReportRequest,
          response: { 200: ZPostingReport, ...errors },
        },
      },
      async (request) =>
        saveGroupReport(p, request.actor, request.params.id, request.body.body, request.body.submit),
    );
    app.get(
      '/four-plus-one',
      {
        schema: {
          tags,
          summary: '“4+1”: per week, the days each county organ cadre spent among grassroots youth',
          querystring: ZFourPlusOneQuery,
          response: { 200: ZFourPlusOne, ...errors },
        },
      },
      async (request) => fourPlusOne(p, request.actor, request.query),
    );
  };
}
