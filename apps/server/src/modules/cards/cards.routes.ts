import {
  ZCard,
  ZCardCode,
  ZCardFeedback,
  ZCardMessage,
  ZCardMessageFollow,
  ZCardMessageReceipt,
  ZCardMessageRequest,
  ZCardRatingRequest,
  ZCardReplyRequest,
  ZCardSettings,
  ZOk,
  ZPublicCard,
} from '@lianxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses as errors, idParams as params } from '../../platform/http.ts';
import type { Platform } from '../../platform/platform.ts';
import { countPublicWrite, pageVisitor } from '../../platform/public.ts';
import { sendPublicPage } from '../../platform/web-app.ts';
import { cardFeedback } from './cards.feedback.ts';
import {
  cardIsShown,
  cardPoster,
  followMessage,
  getCard,
  leaveMessage,
  messageOfProblem,
  publicCard,
  rateCard,
  replyToMessage,
  revealMessagePhone,
  saveCard,
} from './cards.service.ts';

const tags = ['cards'];
const ZCardSettingsPatch = ZCardSettings.partial();
const tokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '名片地址有误 / bad card token'),
});

/** The owner's side: a cadre's or a point's card, its settings, a card message and its reply. */
export function cardRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    for (const [path, key] of [
      ['/cadres/:id/card', 'cadre'],
      ['/contact-points/:id/card', 'point'],
    ] as const) {
      app.get(
        path,
        {
          schema: {
            tags,
            summary: '联系名片: the card and its settings (null before it is first saved)',
            params,
            response: { 200: ZCard.nullable(), ...errors },
          },
        },
        async (request) => getCard(p, request.actor, { [key]: request.params.id } as never),
      );
      app.put(
        path,
        {
          schema: {
            tags,
            summary: 'Saves the card (made, off, on first save): on/off, what shows, the published words',
            params,
            body: ZCardSettingsPatch,
            response: { 200: ZCard, ...errors },
          },
        },
        async (request) => saveCard(p, request.actor, { [key]: request.params.id } as never, request.body),
      );
    }
    app.get(
      '/cadres/:id/card-feedback',
      {
        schema: {
          tags,
          summary: '满意度 from the ratings on the cadre’s cards, and the card messages answered',
          params,
          response: { 200: ZCardFeedback, ...errors },
        },
      },
      async (request) => cardFeedback(p, request.actor, request.params.id),
    );
    for (const format of ['png', 'pdf'] as const) {
      const type = format === 'png' ? 'image/png' : 'application/pdf';
      app.get(
        `/cards/:id/poster.${format}`,
        {
          config: { produces: [type] },
          schema: {
            tags,
            summary: `The printable poster with the QR code (${format.toUpperCase()}, A4)`,
            params,
            response: { 200: z.unknown(), ...errors },
          },
        },
        async (request, reply) => {
          const file = await cardPoster(p, request.actor, request.params.id, format);
          return reply
            .header('Content-Type', type)
            .header('Content-Disposition', `attachment; filename="card-poster.${format}"`)
            .send(file);
        },
      );
    }
    app.get(
      '/problems/:id/card-message',
      {
        schema: {
          tags,
          summary: 'The card message behind a problem left on a card (origin card)',
          params,
          response: { 200: ZCardMessage, ...errors },
        },
      },
      async (request) => messageOfProblem(p, request.actor, request.params.id),
    );
    app.post(
      '/card-messages/:id/reply',
      {
        schema: {
          tags,
          summary: 'The reply the youth reads with their code',
          params,
          body: ZCardReplyRequest,
          response: { 200: ZCardMessage, ...errors },
        },
      },
      async (request) => replyToMessage(p, request.actor, request.params.id, request.body.reply),
    );
    app.post(
      '/card-messages/:id/reveal',
      {
        schema: {
          tags,
          summary: 'The phone the youth offered, in clear (audited)',
          params,
          response: { 200: z.object({ phone: z.string().nullable() }), ...errors },
        },
      },
      async (request) => revealMessagePhone(p, request.actor, request.params.id),
    );
  };
}

/** The visitor's side, under /api/public (installPublicScope): the card, a message, its reply, a rating. */
export function cardPublicRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cards/:token',
      {
        schema: {
          tags,
          summary: 'What the card shows (404 when unknown or switched off)',
          params: tokenParams,
          response: { 200: ZPublicCard, ...errors },
        },
      },
      async (request) => publicCard(p, request.actor, request.params.token),
    );
    app.post(
      '/cards/:token/messages',
      {
        schema: {
          tags,
          summary: 'A message or a problem for the cadre; answers the code to read the reply',
          params: tokenParams,
          body: ZCardMessageRequest,
          response: { 201: ZCardMessageReceipt, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return leaveMessage(p, request.actor, request.params.token, request.body, (card) =>
          countPublicWrite(p, request, card),
        );
      },
    );
    app.post(
      '/cards/:token/follow',
      {
        schema: {
          tags,
          summary:
            'The message a code names on this card, with the reply (a POST: the code stays out of URLs)',
          params: tokenParams,
          body: ZCardCode,
          response: { 200: ZCardMessageFollow, ...errors },
        },
      },
      async (request) => followMessage(p, request.actor, request.params.token, request.body.code),
    );
    app.post(
      '/cards/:token/ratings',
      {
        schema: {
          tags,
          summary: '满意度: 1–5 and a line, after a contact (with a code: of that message)',
          params: tokenParams,
          body: ZCardRatingRequest,
          response: { 201: ZOk, ...errors },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return rateCard(p, request.actor, request.params.token, request.body, (card) =>
          countPublicWrite(p, request, card),
        );
      },
    );
  };
}

/** The card's page at /c/<token>: the public entry when the card is on, a real 404 otherwise. */
export function cardPageRoute(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/c/:token', { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
      const shown = await cardIsShown(p, pageVisitor(p, request), request.params.token);
      return sendPublicPage(reply, p.config.webDist, shown);
    });
  };
}
