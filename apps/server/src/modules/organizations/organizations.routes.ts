import {
  ZCloseOrganizationRequest,
  ZCreateOrganizationRequest,
  ZOrganization,
  ZOrganizationListQuery,
  ZOrganizationPath,
  ZUpdateOrganizationRequest,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  closeOrganization,
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service.ts';

const errors = errorResponses;
const params = idParams;
const tags = ['organizations'];

export function organizationRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organizations',
      {
        schema: {
          tags,
          summary: 'Children of an organization, the roots of my scope, or a search',
          querystring: ZOrganizationListQuery,
          response: { 200: z.object({ items: z.array(ZOrganization) }), ...errors },
        },
      },
      async (request) => ({ items: await listOrganizations(p, request.actor, request.query) }),
    );

    app.get(
      '/organizations/:id',
      {
        schema: {
          tags,
          params,
          response: { 200: ZOrganization.extend({ path: ZOrganizationPath }), ...errors },
        },
      },
      async (request) => getOrganization(p, request.actor, request.params.id),
    );

    app.post(
      '/organizations',
      { schema: { tags, body: ZCreateOrganizationRequest, response: { 201: ZOrganization, ...errors } } },
      async (request, reply) => {
        reply.code(201);
        return createOrganization(p, request.actor, request.body);
      },
    );

    app.patch(
      '/organizations/:id',
      {
        schema: {
          tags,
          params,
          body: ZUpdateOrganizationRequest,
          response: { 200: ZOrganization, ...errors },
        },
      },
      async (request) => updateOrganization(p, request.actor, request.params.id, request.body),
    );

    app.post(
      '/organizations/:id/close',
      {
        schema: {
          tags,
          params,
          body: ZCloseOrganizationRequest,
          response: { 200: ZOrganization, ...errors },
        },
      },
      async (request) => closeOrganization(p, request.actor, request.params.id, request.body.closedOn),
    );
  };
}
