import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, visitorActor } from './access/index.ts';
import { badRequest } from './errors.ts';
import { firstTextPath } from './http.ts';
import type { Platform } from './platform.ts';
import { hit, type RateLimit } from './rate-limit.ts';

/** Every route of a public page lives under this prefix: no session, no CSRF token (decision 31). */
export const PUBLIC_PREFIX = '/api/public';

/** A public form's body: a few short fields, never more (Fastify answers 413 past it). */
export const PUBLIC_BODY_LIMIT = 8 * 1024;

/**
 * The limits of public pages, per address and per card. An address reads a page often; it writes
 * (messages, ratings) a few times an hour; a card takes no more than a busy day's messages an hour
 * from all addresses together, so a flood from many addresses stops at the card.
 */
export const publicLimits = {
  addressRead: { max: 120, windowSeconds: 600 },
  addressWrite: { max: 10, windowSeconds: 3600 },
  cardWrite: { max: 40, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

/**
 * Markup or script in a visitor's text: a tag (`<b`, `</`, `<!`, `<?`), a script URL, an event
 * handler attribute, or an HTML entity. Refused, never stripped: what a youth typed is kept as
 * typed or not at all ("1<2" and "<3" pass).
 */
const SCRIPTED = /<\s*[a-z!/?]|(?:java|vb)script\s*:|data\s*:\s*text\/html|\bon[a-z]+\s*=|&#?[a-z0-9]+;/i;

export const scripted = (s: string) => SCRIPTED.test(s);

declare module 'fastify' {
  interface FastifyRequest {
    /** keyed hash of the visitor's address (public routes): rate-limit buckets and audit names */
    addressHash: string;
  }
}

/** The visitor asking for a public page (outside the scope's hooks): named by their address's keyed hash. */
export const pageVisitor = (p: Platform, request: FastifyRequest): Actor =>
  visitorActor(request.ip, p.cipher.blindIndex(`address:${request.ip}`));

/**
 * Turns the plugin it is called in into the public scope: each route is public (the auth hook
 * lets it pass), its body capped, its actor an anonymous visitor, every request counted against
 * the address's read limit, and text holding markup or script refused with a 400 naming the field.
 */
export function installPublicScope(app: FastifyInstance, p: Platform) {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, auth: 'public' };
    route.bodyLimit ??= PUBLIC_BODY_LIMIT;
  });
  app.addHook('onRequest', async (request) => {
    // the address itself is never stored: a keyed hash names its buckets
    request.addressHash = p.cipher.blindIndex(`address:${request.ip}`);
    request.actor = visitorActor(request.ip, request.addressHash);
    await hit(p.db, `addr:${request.addressHash}:read`, publicLimits.addressRead, p.clock.now());
  });
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const path = firstTextPath(part, scripted);
      if (path !== null)
        throw badRequest(
          'HTML or script is not accepted',
          '不能包含网页代码或脚本（如 <、&#、javascript:）',
          [{ path: path || 'body', message: '含有网页代码或脚本 / holds HTML or script' }],
        );
    }
  });
}

/** A visitor writes (a message, a rating): counted against the address's and the card's limits. */
export async function countPublicWrite(p: Platform, request: FastifyRequest, cardId: string) {
  const now = p.clock.now();
  await hit(p.db, `addr:${request.addressHash}:write`, publicLimits.addressWrite, now);
  await hit(p.db, `card:${cardId}:write`, publicLimits.cardWrite, now);
}

/** The visitor now holding the card its URL named (decision 25: nothing but that card). */
export const holding = (actor: Actor, cardId: string): Actor => ({ ...actor, card: cardId });
