import { ZComplianceRecords, ZComplianceRecordsRequest } from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses as errors } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
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
  };
}
