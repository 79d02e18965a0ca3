import { ZEngagementQuery, ZOrgEngagement } from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { orgEngagement } from './engagement.service.ts';

/** 活跃度 and 满意度 of an organization in a month (the dashboard's card). */
export function engagementRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organizations/:id/engagement',
      {
        schema: {
          tags: ['engagement'],
          summary: '活跃度 (contacts reached online or by talk) and 满意度 (card ratings) in a month',
          params,
          querystring: ZEngagementQuery,
          response: { 200: ZOrgEngagement, ...errors },
        },
      },
      async (r) => orgEngagement(p, r.actor, r.params.id, r.query.year, r.query.month),
    );
  };
}
