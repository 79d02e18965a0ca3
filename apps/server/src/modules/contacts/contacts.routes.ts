import {
  ZAddKeeperRequest,
  ZContact,
  ZContactList,
  ZContactListQuery,
  ZContactReveal,
  ZCreateContactRequest,
  ZId,
  ZKeeperRequestCreate,
  ZKeeperRequestDecision,
  ZKeeperRequestList,
  ZKeeperRequestQuery,
  ZKeeperRequestReceipt,
  ZMinorAccess,
  ZMinorAccessQuery,
  ZOk,
  ZOverContacted,
  ZOverContactedQuery,
  ZRevealRequest,
  ZUpdateContactRequest,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  addKeeper,
  createContact,
  getContact,
  listContactsFor,
  overContacted,
  removeKeeper,
  revealContact,
  updateContact,
} from './contacts.service.ts';
import {
  decideKeeperRequest,
  listKeeperRequests,
  minorAccessLog,
  requestKeeping,
} from './keeper-requests.service.ts';

const errors = errorResponses;
const params = idParams;
const tags = ['contacts'];

/** 联系青年 ("1+100"): a cadre's list, the merge of one person kept by several cadres, reveals. */
export function contactRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/contacts',
      { schema: { tags, querystring: ZContactListQuery, response: { 200: ZContactList, ...errors } } },
      async (request) => listContactsFor(p, request.actor, request.query),
    );
    // registered before /contacts/:id so the literal path wins
    app.get(
      '/contacts/over-contacted',
      {
        schema: { tags, querystring: ZOverContactedQuery, response: { 200: ZOverContacted, ...errors } },
      },
      async (request) => overContacted(p, request.actor, request.query.org),
    );
    app.get(
      '/contacts/minor-access',
      { schema: { tags, querystring: ZMinorAccessQuery, response: { 200: ZMinorAccess, ...errors } } },
      async (request) => minorAccessLog(p, request.actor, request.query),
    );
    app.post(
      '/keeper-requests',
      { schema: { tags, body: ZKeeperRequestCreate, response: { 201: ZKeeperRequestReceipt, ...errors } } },
      async (request, reply) => {
        const created = await requestKeeping(p, request.actor, request.body);
        reply.code(201);
        return created;
      },
    );
    app.get(
      '/keeper-requests',
      {
        schema: { tags, querystring: ZKeeperRequestQuery, response: { 200: ZKeeperRequestList, ...errors } },
      },
      async (request) => listKeeperRequests(p, request.actor, request.query),
    );
    app.post(
      '/keeper-requests/:id/decision',
      {
        schema: {
          tags,
          params,
          body: ZKeeperRequestDecision,
          response: { 200: z.object({ id: ZId, status: z.string() }), ...errors },
        },
      },
      async (request) => decideKeeperRequest(p, request.actor, request.params.id, request.body.approve),
    );
    app.get(
      '/contacts/:id',
      { schema: { tags, params, response: { 200: ZContact, ...errors } } },
      async (request) => getContact(p, request.actor, request.params.id),
    );
    app.post(
      '/contacts',
      { schema: { tags, body: ZCreateContactRequest, response: { 201: ZContact, ...errors } } },
      async (request, reply) => {
        const created = await createContact(p, request.actor, request.body);
        reply.code(201);
        return created;
      },
    );
    app.patch(
      '/contacts/:id',
      { schema: { tags, params, body: ZUpdateContactRequest, response: { 200: ZContact, ...errors } } },
      async (request) => updateContact(p, request.actor, request.params.id, request.body),
    );
    app.post(
      '/contacts/:id/keepers',
      { schema: { tags, params, body: ZAddKeeperRequest, response: { 200: ZContact, ...errors } } },
      async (request) => addKeeper(p, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/contacts/:id/keepers/:cadreId',
      {
        schema: {
          tags,
          params: z.object({ id: ZId, cadreId: ZId }),
          response: { 200: ZOk, ...errors },
        },
      },
      async (request) => removeKeeper(p, request.actor, request.params.id, request.params.cadreId),
    );
    app.post(
      '/contacts/:id/reveal',
      { schema: { tags, params, body: ZRevealRequest, response: { 200: ZContactReveal, ...errors } } },
      async (request) => revealContact(p, request.actor, request.params.id, request.body.reason),
    );
  };
}
