import { paged, ZCadre, ZCadreInput, ZCadreListQuery, ZUpdateCadreRequest } from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { toCadreDto } from './cadres.repo.ts';
import { createCadre, listCadresFor, loadCadre, updateCadre } from './cadres.service.ts';

const errors = errorResponses;
const params = idParams;
const tags = ['cadres'];

export function cadreRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cadres',
      { schema: { tags, querystring: ZCadreListQuery, response: { 200: paged(ZCadre), ...errors } } },
      async (request) => listCadresFor(p, request.actor, request.query),
    );
    app.get(
      '/cadres/:id',
      { schema: { tags, params, response: { 200: ZCadre, ...errors } } },
      async (request) => toCadreDto(await loadCadre(p, request.actor, request.params.id, 'read')),
    );
    app.post(
      '/cadres',
      { schema: { tags, body: ZCadreInput, response: { 201: ZCadre, ...errors } } },
      async (request, reply) => {
        reply.code(201);
        return createCadre(p, request.actor, request.body);
      },
    );
    app.patch(
      '/cadres/:id',
      { schema: { tags, params, body: ZUpdateCadreRequest, response: { 200: ZCadre, ...errors } } },
      async (request) => updateCadre(p, request.actor, request.params.id, request.body),
    );
  };
}
