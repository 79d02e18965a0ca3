import { ZId, ZYearParams } from '@lianxin/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  adminsForm,
  cadreArchiveForm,
  DOCX,
  type FormFile,
  pointArchiveForm,
  pointRegistrationForm,
  summaryForm,
  taskListForm,
  XLSX,
  yearSummaryForm,
} from './forms.service.ts';

const tags = ['forms'];
const orgQuery = z.object({ org: ZId, department: z.string().max(50).optional() });
const yearCadre = ZYearParams.extend({ cadreId: ZId });
const docx = { produces: [DOCX] };
const xlsx = { produces: [XLSX] };

/** A generated file as a download, its name in UTF-8 (RFC 5987). */
export function send(reply: FastifyReply, file: FormFile) {
  return reply
    .header('Content-Type', file.fileName.endsWith('.xlsx') ? XLSX : DOCX)
    .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.data);
}

/** The seeds' forms, generated from the records (never re-typed), as .docx and .xlsx downloads. */
export function formRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/annual/:year/forms/task-list/:cadreId',
      {
        config: docx,
        schema: { tags, summary: '附件1 任务清单备案表 (.docx)', params: yearCadre, response: errors },
      },
      async (r, reply) => send(reply, await taskListForm(p, r.actor, r.params.year, r.params.cadreId)),
    );
    app.get(
      '/annual/:year/forms/summary',
      {
        config: xlsx,
        schema: {
          tags,
          summary: '附件2 任务清单汇总表 of an assessing unit (.xlsx)',
          params: ZYearParams,
          querystring: orgQuery,
          response: errors,
        },
      },
      async (r, reply) =>
        send(reply, await summaryForm(p, r.actor, r.params.year, r.query.org, r.query.department)),
    );
    app.get(
      '/annual/:year/forms/point-registration',
      {
        config: xlsx,
        schema: {
          tags,
          summary: '基层联系点登记表 (seed 003, .xlsx)',
          params: ZYearParams,
          querystring: orgQuery,
          response: errors,
        },
      },
      async (r, reply) => send(reply, await pointRegistrationForm(p, r.actor, r.params.year, r.query.org)),
    );
    app.get(
      '/forms/admins',
      {
        config: xlsx,
        schema: {
          tags,
          summary: '管理员信息表 (seed 004, .xlsx); mobiles in clear, audited',
          querystring: orgQuery,
          response: errors,
        },
      },
      async (r, reply) => send(reply, await adminsForm(p, r.actor, r.query.org)),
    );
    app.get(
      '/annual/:year/forms/archive/:cadreId',
      {
        config: docx,
        schema: {
          tags,
          summary: "A cadre's annual work archive (.docx)",
          params: yearCadre,
          response: errors,
        },
      },
      async (r, reply) => send(reply, await cadreArchiveForm(p, r.actor, r.params.year, r.params.cadreId)),
    );
    app.get(
      '/annual/:year/forms/year-summary/:cadreId',
      {
        config: docx,
        schema: {
          tags,
          summary: '个人总结 for the year-end assessment and 述职 (.docx), with the grade once published',
          params: yearCadre,
          response: errors,
        },
      },
      async (r, reply) => send(reply, await yearSummaryForm(p, r.actor, r.params.year, r.params.cadreId)),
    );
    app.get(
      '/forms/point-ledger/:id',
      {
        config: docx,
        schema: {
          tags,
          summary: "A point's handover archive: the whole ledger the reader sees (.docx)",
          params: idParams,
          response: errors,
        },
      },
      async (r, reply) => send(reply, await pointArchiveForm(p, r.actor, r.params.id)),
    );
  };
}
