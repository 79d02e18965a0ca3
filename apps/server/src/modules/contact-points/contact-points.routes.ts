import {
  paged,
  ZContactPoint,
  ZContactPointList,
  ZContactPointListQuery,
  ZCreateContactPointRequest,
  ZEndContactPointRequest,
  ZFactBook,
  ZFactBookUpdate,
  ZPageQuery,
  ZPointLedger,
  ZRotateContactPointRequest,
  ZRotateContactPointResult,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { pointLedger } from '../activities/activities.service.ts';
import {
  createPoint,
  endPoint,
  getPoint,
  listPoints,
  listPointsUnder,
  rotatePoint,
} from './contact-points.service.ts';
import { getFactBook, updateFactBook } from './fact-book.service.ts';

const tags = ['contact-points'];

export function contactPointRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/contact-points',
      { schema: { tags, body: ZCreateContactPointRequest, response: { 201: ZContactPoint, ...errors } } },
      async (request, reply) => {
        reply.code(201);
        return createPoint(p, request.actor, request.body);
      },
    );
    app.get(
      '/contact-points',
      {
        schema: {
          tags,
          summary: "A cadre's points (?cadre=) or an organization's contact cadres (?org=), current and past",
          querystring: ZContactPointListQuery,
          response: { 200: ZContactPointList, ...errors },
        },
      },
      async (request) => listPoints(p, request.actor, request.query),
    );
    app.get(
      '/organizations/:id/contact-points',
      {
        schema: {
          tags,
          summary:
            'The points (every tenure) at the organizations of a subtree, at any depth, paged; for its admins and leaders',
          params,
          querystring: ZPageQuery,
          response: { 200: paged(ZContactPoint), ...errors },
        },
      },
      async (request) => listPointsUnder(p, request.actor, request.params.id, request.query),
    );
    app.get(
      '/contact-points/:id',
      { schema: { tags, params, response: { 200: ZContactPoint, ...errors } } },
      async (request) => getPoint(p, request.actor, request.params.id),
    );
    app.post(
      '/contact-points/:id/end',
      {
        schema: { tags, params, body: ZEndContactPointRequest, response: { 200: ZContactPoint, ...errors } },
      },
      async (request) => endPoint(p, request.actor, request.params.id, request.body.to),
    );
    app.post(
      '/contact-points/:id/rotate',
      {
        schema: {
          tags,
          summary:
            'Rotation (轮换): ends this tenure the day before `on`, starts the successor’s with the handover note',
          params,
          body: ZRotateContactPointRequest,
          response: { 201: ZRotateContactPointResult, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return rotatePoint(p, request.actor, request.params.id, request.body);
      },
    );
    app.get(
      '/contact-points/:id/ledger',
      {
        schema: {
          tags,
          summary:
            '工作台账: every tenure of the chain the reader may see, with activities and handover notes',
          params,
          response: { 200: ZPointLedger, ...errors },
        },
      },
      async (request) => pointLedger(p, request.actor, request.params.id),
    );
    app.get(
      '/contact-points/:id/fact-book',
      {
        schema: {
          tags,
          summary:
            '明白帐: each section as it stands, with its earlier versions, over the chain the reader sees',
          params,
          response: { 200: ZFactBook, ...errors },
        },
      },
      async (request) => getFactBook(p, request.actor, request.params.id),
    );
    app.put(
      '/contact-points/:id/fact-book',
      {
        schema: {
          tags,
          summary: '明白帐: the holder (or an admin over them) writes a new version of one section',
          params,
          body: ZFactBookUpdate,
          response: { 200: ZFactBook, ...errors },
        },
      },
      async (request) => updateFactBook(p, request.actor, request.params.id, request.body),
    );
  };
}
