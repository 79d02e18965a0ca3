import {
  ZCaseList,
  ZCaseListQuery,
  ZOk,
  ZPublishCaseRequest,
  ZPublishedCase,
  ZShowcase,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { sendPublicPage } from '../../platform/web-app.ts';
import { listCases, publishCase, showcase, showcaseIsShown, unpublishCase } from './showcase.service.ts';

const tags = ['showcase'];

/** 典型案例 in the app: the list to publish from, publish and unpublish (an admin over the author). */
export function showcaseRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases',
      {
        schema: {
          tags,
          summary: "典型案例 of an organization's subtree the caller reads, with their publication",
          querystring: ZCaseListQuery,
          response: { 200: ZCaseList, ...errors },
        },
      },
      async (r) => listCases(p, r.actor, r.query.org),
    );
    app.put(
      '/cases/:id/publication',
      {
        schema: {
          tags,
          summary: '发布 (or change the published words): no youth named',
          params,
          body: ZPublishCaseRequest,
          response: { 200: ZPublishedCase, ...errors },
        },
      },
      async (r) => publishCase(p, r.actor, r.params.id, r.body),
    );
    app.delete(
      '/cases/:id/publication',
      { schema: { tags, summary: '撤下', params, response: { 200: ZOk, ...errors } } },
      async (r) => unpublishCase(p, r.actor, r.params.id),
    );
  };
}

/** The showcase's data for the public page (under the public prefix: no session, rate-limited). */
export function showcasePublicRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/showcase/:id',
      {
        schema: {
          tags,
          summary: "典型案例展示: the published cases of an organization's subtree",
          params,
          response: { 200: ZShowcase, ...errors },
        },
      },
      async (r) => showcase(p, r.actor, r.params.id),
    );
  };
}

const unknown = { zh: '该组织不存在', en: 'No such organization.' };

/** The showcase page at /s/<organization id>: the public entry, a real 404 for an unknown organization. */
export function showcasePageRoute(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/s/:id', { schema: { hide: true, params } }, async (request, reply) =>
      sendPublicPage(reply, p.config.webDist, await showcaseIsShown(p, request.params.id), unknown),
    );
  };
}
