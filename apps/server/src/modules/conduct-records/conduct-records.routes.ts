import { ZConductRecord, ZConductRecordList, ZCreateConductRecord, ZId, ZOk } from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  correctConduct,
  listConductRecords,
  recordConduct,
  withdrawConduct,
} from './conduct-records.service.ts';

const recordParams = z.object({ id: ZId, recordId: ZId });

const tags = ['cadres'];

/** 表彰与处理 on a cadre's record (seeds 002, 003, 004). */
export function conductRecordRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cadres/:id/conduct-records',
      {
        schema: {
          tags,
          summary: "The cadre's commendations and discipline (表彰与处理)",
          params,
          response: { 200: ZConductRecordList, ...errors },
        },
      },
      async (request) => listConductRecords(p, request.actor, request.params.id),
    );
    app.post(
      '/cadres/:id/conduct-records',
      {
        schema: {
          tags,
          summary: 'An admin over the cadre records a commendation or a disciplinary decision',
          params,
          body: ZCreateConductRecord,
          response: { 201: ZConductRecord, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return recordConduct(p, request.actor, request.params.id, request.body);
      },
    );
    app.put(
      '/cadres/:id/conduct-records/:recordId',
      {
        schema: {
          tags,
          summary: 'An admin over the cadre corrects a record entered wrongly (the audit keeps the old one)',
          params: recordParams,
          body: ZCreateConductRecord,
          response: { 200: ZConductRecord, ...errors },
        },
      },
      async (request) =>
        correctConduct(p, request.actor, request.params.id, request.params.recordId, request.body),
    );
    app.delete(
      '/cadres/:id/conduct-records/:recordId',
      {
        schema: {
          tags,
          summary: 'An admin over the cadre withdraws a record that should not be there (the audit keeps it)',
          params: recordParams,
          response: { 200: ZOk, ...errors },
        },
      },
      async (request) => withdrawConduct(p, request.actor, request.params.id, request.params.recordId),
    );
  };
}
