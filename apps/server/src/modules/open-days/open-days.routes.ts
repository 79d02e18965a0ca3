import {
  ZContact,
  ZCreateOpenDayRequest,
  ZId,
  ZOpenDay,
  ZOpenDayRoster,
  ZOpenDaySignup,
  ZOpenDaySignupRequest,
  ZPublicOpenDay,
  ZTakeAttendeeRequest,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { pageVisitor, publicLimits } from '../../platform/public.ts';
import { hit } from '../../platform/rate-limit.ts';
import { sendPublicPage } from '../../platform/web-app.ts';
import {
  checkIn,
  createOpenDay,
  listOpenDays,
  openDayIsShown,
  publicOpenDay,
  roster,
  signUp,
  takeAttendee,
} from './open-days.service.ts';

const tags = ['open-days'];
const signupParams = params.extend({ signupId: ZId });

/** A school may sign up a class at once: an open day takes this many sign-ups an hour from all addresses. */
const openDayWrite = { max: 300, windowSeconds: 3600 };

/** 专题开放日 for the county committee's admins: announce, roster, check-in, take into contacts. */
export function openDayRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/open-days',
      {
        schema: {
          tags,
          summary: '举办开放日 (a county committee)',
          body: ZCreateOpenDayRequest,
          response: { 201: ZOpenDay, ...errors },
        },
      },
      async (r, reply) => {
        reply.code(201);
        return createOpenDay(p, r.actor, r.body);
      },
    );
    app.get(
      '/open-days',
      {
        schema: {
          tags,
          querystring: z.object({ org: ZId }),
          response: { 200: z.object({ items: z.array(ZOpenDay) }), ...errors },
        },
      },
      async (r) => listOpenDays(p, r.actor, r.query.org),
    );
    app.get(
      '/open-days/:id/roster',
      {
        schema: {
          tags,
          summary: '签到名单 (phones masked)',
          params,
          response: { 200: ZOpenDayRoster, ...errors },
        },
      },
      async (r) => roster(p, r.actor, r.params.id),
    );
    app.post(
      '/open-days/:id/signups/:signupId/check-in',
      {
        schema: { tags, summary: '签到', params: signupParams, response: { 200: ZOpenDaySignup, ...errors } },
      },
      async (r) => checkIn(p, r.actor, r.params.id, r.params.signupId),
    );
    app.post(
      '/open-days/:id/signups/:signupId/take',
      {
        schema: {
          tags,
          summary: "An attendee who consented, into a cadre's contacts",
          params: signupParams,
          body: ZTakeAttendeeRequest,
          response: { 201: ZContact, ...errors },
        },
      },
      async (r, reply) => {
        reply.code(201);
        return takeAttendee(p, r.actor, r.params.id, r.params.signupId, r.body.cadreId);
      },
    );
  };
}

/** The public sign-up page's routes (under the public prefix: no session, rate-limited). */
export function openDayPublicRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/open-days/:id',
      {
        schema: {
          tags,
          summary: 'The announcement, while sign-up is open',
          params,
          response: { 200: ZPublicOpenDay, ...errors },
        },
      },
      async (r) => publicOpenDay(p, r.actor, r.params.id),
    );
    app.post(
      '/open-days/:id/signups',
      {
        schema: {
          tags,
          summary: '报名: name, phone, unit or school, and consent to be kept in touch',
          params,
          body: ZOpenDaySignupRequest,
          response: { 201: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      async (r, reply) => {
        const now = p.clock.now();
        await hit(p.db, `addr:${r.addressHash}:write`, publicLimits.addressWrite, now);
        await hit(p.db, `open_day:${r.params.id}:write`, openDayWrite, now);
        reply.code(201);
        return signUp(p, r.actor, r.params.id, r.body);
      },
    );
  };
}

const closed = { zh: '开放日不存在或报名已结束', en: 'No such open day, or sign-up has closed.' };

/** The sign-up page at /o/<id>: the public entry while sign-up is open, a real 404 otherwise. */
export function openDayPageRoute(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/o/:id', { schema: { hide: true, params } }, async (request, reply) => {
      const shown = await openDayIsShown(p, pageVisitor(p, request), request.params.id);
      return sendPublicPage(reply, p.config.webDist, shown, closed);
    });
  };
}
