import {
  ZHalfYearParams,
  ZHalfYearReport,
  ZHalfYearReview,
  ZHalfYearSave,
  ZHalfYearSlots,
  ZYearParams,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params, uploadedFile } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  halfYearFile,
  halfYearSlots,
  reviewHalfYear,
  saveHalfYear,
  submitHalfYear,
} from './org-reports.service.ts';

const tags = ['annual-cycle'];
const one = { 200: ZHalfYearReport, ...errors };
const base = '/organizations/:id/half-year-reports/:year/:half';

/** 半年工作情况报告 of county committees to the city (mz2016.half_year_report). */
export function halfYearReportRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organizations/:id/half-year-reports/:year',
      {
        schema: {
          tags,
          summary:
            "Each county's two halves of the year with deadline and state: a county its own, a city its counties'",
          params: ZYearParams.extend({ id: params.shape.id }),
          response: { 200: ZHalfYearSlots, ...errors },
        },
      },
      async (request) => halfYearSlots(p, request.actor, request.params.id, request.params.year),
    );
    app.put(
      base,
      {
        schema: {
          tags,
          summary: 'Write the report (a draft, or a correction after a return)',
          params: ZHalfYearParams,
          body: ZHalfYearSave,
          response: one,
        },
      },
      async (request) => saveHalfYear(p, request.actor, request.params, { body: request.body.body }),
    );
    app.put(
      `${base}/file`,
      {
        schema: {
          tags,
          summary:
            'multipart/form-data, the report file in field `file`: PDF, DOCX, XLSX, JPEG or PNG, by content',
          params: ZHalfYearParams,
          response: one,
        },
      },
      async (request) =>
        saveHalfYear(p, request.actor, request.params, { file: await uploadedFile(request) }),
    );
    app.post(
      `${base}/submit`,
      { schema: { tags, summary: 'Submit to the committee above', params: ZHalfYearParams, response: one } },
      async (request) => submitHalfYear(p, request.actor, request.params),
    );
    app.post(
      '/half-year-reports/:id/review',
      {
        schema: {
          tags,
          summary: 'Accept, or return with comments (an admin above the county)',
          params,
          body: ZHalfYearReview,
          response: one,
        },
      },
      async (request) => reviewHalfYear(p, request.actor, request.params.id, request.body),
    );
    app.get(
      '/half-year-reports/:id/file',
      {
        config: {
          produces: [
            'application/pdf',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'image/jpeg',
            'image/png',
          ],
        },
        schema: { tags, summary: 'The report file', params, response: { 200: z.unknown(), ...errors } },
      },
      async (request, reply) => {
        const f = await halfYearFile(p, request.actor, request.params.id);
        reply
          .header('Content-Type', f.mime)
          .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
        return reply.send(f.data);
      },
    );
  };
}
