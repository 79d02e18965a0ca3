import {
  paged,
  ZAccount,
  ZAccountListQuery,
  ZCreateAccountRequest,
  ZUpdateAccountRequest,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { createAccount, listAccounts, updateAccount } from './accounts.service.ts';

const errors = errorResponses;
const tags = ['accounts'];

export function accountRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/accounts',
      { schema: { tags, querystring: ZAccountListQuery, response: { 200: paged(ZAccount), ...errors } } },
      async (request) => listAccounts(p, request.actor, request.query),
    );
    app.post(
      '/accounts',
      { schema: { tags, body: ZCreateAccountRequest, response: { 201: ZAccount, ...errors } } },
      async (request, reply) => {
        reply.code(201);
        return createAccount(p, request.actor, request.body);
      },
    );
    app.patch(
      '/accounts/:id',
      {
        schema: {
          tags,
          params: idParams,
          body: ZUpdateAccountRequest,
          response: { 200: ZAccount, ...errors },
        },
      },
      async (request) => updateAccount(p, request.actor, request.params.id, request.body),
    );
  };
}
