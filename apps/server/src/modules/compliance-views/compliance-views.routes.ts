import {
  ZComplianceCadres,
  ZComplianceCadresQuery,
  ZComplianceRecords,
  ZComplianceRecordsRequest,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses as errors } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { subtreeCadres } from './compliance-views.cadres.ts';
import { complianceRecords } from './compliance-views.service.ts';

const tags = ['compliance'];

/** What the progress page and the dashboards need besides `GET /compliance`. */
export function complianceViewRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/compliance/records',
      {
        schema: {
          tags,
          summary:
            'The records behind a result (its evidence and subjects) by id: activities, contacts, points, organizations, cadres. A read: POST only to carry up to 200 ids; unknown and unreadable ids are withheld',
          body: ZComplianceRecordsRequest,
          response: { 200: ZComplianceRecords, ...errors },
        },
      },
      async (request) => complianceRecords(p, request.actor, request.body.ids),
    );
    app.get(
      '/compliance/cadres',
      {
        schema: {
          tags,
          summary:
            'The cadres of a subtree (the caller’s scope by default), each with the branch it sits under: names for the dashboards',
          querystring: ZComplianceCadresQuery,
          response: { 200: ZComplianceCadres, ...errors },
        },
      },
      async (request) => subtreeCadres(p, request.actor, request.query.org),
    );
  };
}
