import {
  paged,
  ZActivityDetail,
  ZActivityListQuery,
  ZActivitySummary,
  ZAttachment,
  ZCreateActivityRequest,
  ZOk,
  ZProblemListQuery,
  ZProblemPass,
  ZProblemQueue,
  ZProblemQueueQuery,
  ZProblemText,
  ZUpdateActivityRequest,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params, uploadedFile } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  createActivity,
  getActivity,
  listProblems,
  listTimeline,
  removeActivity,
  updateActivity,
} from './activities.service.ts';
import { addAttachment, openAttachment, removeAttachment } from './attachments.service.ts';
import { answerProblem, passProblem, problemQueue, replyProblem } from './problems.service.ts';

const tags = ['activities'];

export function activityRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/activities',
      {
        schema: {
          tags,
          summary:
            'One activity of the interchange format; `id` generated when absent, `cadre` defaults to the caller',
          body: ZCreateActivityRequest,
          response: { 201: ZActivityDetail, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return createActivity(p, request.actor, request.body);
      },
    );
    app.get(
      '/activities',
      {
        schema: {
          tags,
          summary: 'A timeline (?cadre= | ?point= | ?contact=), newest first',
          querystring: ZActivityListQuery,
          response: { 200: paged(ZActivitySummary), ...errors },
        },
      },
      async (request) => listTimeline(p, request.actor, request.query),
    );
    app.get(
      '/activities/:id',
      { schema: { tags, params, response: { 200: ZActivityDetail, ...errors } } },
      async (request) => getActivity(p, request.actor, request.params.id),
    );
    app.patch(
      '/activities/:id',
      {
        schema: { tags, params, body: ZUpdateActivityRequest, response: { 200: ZActivityDetail, ...errors } },
      },
      async (request) => updateActivity(p, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/activities/:id',
      { schema: { tags, params, response: { 200: ZOk, ...errors } } },
      async (request) => removeActivity(p, request.actor, request.params.id),
    );
    app.post(
      '/problems/:id/pass',
      {
        schema: {
          tags,
          summary: '转交: passed to a committee above, a department or as a 两会 proposal',
          params,
          body: ZProblemPass,
          response: { 200: ZActivitySummary, ...errors },
        },
      },
      async (request) => passProblem(p, request.actor, request.params.id, request.body),
    );
    app.post(
      '/problems/:id/answer',
      {
        schema: {
          tags,
          summary: 'The answer received from where the problem went',
          params,
          body: ZProblemText,
          response: { 200: ZActivitySummary, ...errors },
        },
      },
      async (request) => answerProblem(p, request.actor, request.params.id, request.body),
    );
    app.post(
      '/problems/:id/reply',
      {
        schema: {
          tags,
          summary: 'The reply given back to the youth who raised it (closes the problem)',
          params,
          body: ZProblemText,
          response: { 200: ZActivitySummary, ...errors },
        },
      },
      async (request) => replyProblem(p, request.actor, request.params.id, request.body),
    );
    app.get(
      '/problems/queue',
      {
        schema: {
          tags,
          summary: 'Problems passed up to a level and waiting for an answer, and the overdue ones',
          querystring: ZProblemQueueQuery,
          response: { 200: ZProblemQueue, ...errors },
        },
      },
      async (request) => problemQueue(p, request.actor, request.query.org),
    );
    app.get(
      '/problems',
      {
        schema: {
          tags,
          summary: '问题清单: a cadre’s problems (?cadre=) or those under an organization (?org=), by status',
          querystring: ZProblemListQuery,
          response: { 200: paged(ZActivitySummary), ...errors },
        },
      },
      async (request) => listProblems(p, request.actor, request.query),
    );
    app.post(
      '/activities/:id/attachments',
      {
        schema: {
          tags,
          summary: 'multipart/form-data, one file in field `file`: JPEG, PNG, PDF, DOCX or XLSX, by content',
          params,
          response: { 201: ZAttachment, ...errors },
        },
      },
      async (request, reply) => {
        const { fileName, data } = await uploadedFile(request);
        reply.code(201);
        return addAttachment(p, request.actor, request.params.id, { fileName, data });
      },
    );
    app.get(
      '/attachments/:id',
      {
        // the types an upload is sniffed as (attachments.service.ts)
        config: {
          produces: [
            'image/jpeg',
            'image/png',
            'application/pdf',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ],
        },
        schema: {
          tags,
          summary: 'The file, to those who may read its activity',
          params,
          // typed for the handler; the document shows the media types above
          response: { 200: z.unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const { row, data } = await openAttachment(p, request.actor, request.params.id);
        reply
          .header('Content-Type', row.mime)
          .header('Content-Length', row.size)
          .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`);
        return reply.send(data);
      },
    );
    app.delete(
      '/attachments/:id',
      {
        schema: {
          tags,
          summary:
            'Deletes an attachment, as its activity is written; the file goes when no record refers to it',
          params,
          response: { 200: ZOk, ...errors },
        },
      },
      async (request) => removeAttachment(p, request.actor, request.params.id),
    );
  };
}
