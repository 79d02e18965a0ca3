import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Hashed build output: a file's name changes with its content, so it never needs asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built web app at `/`, any unknown non-API path falling back to index.html (client routing).
 * The build's `.br`/`.gz` copies are sent as `Content-Encoding` allows (apps/web/scripts/precompress.mjs);
 * `assets/*` are cached for a year, everything else (index.html naming the current assets) revalidated.
 */
export function serveWebApp(app: FastifyInstance, dist: string) {
  const hasDist = fs.existsSync(`${dist}/index.html`);
  const assets = path.join(path.resolve(dist), 'assets') + path.sep;
  if (hasDist) {
    app.register(fastifyStatic, {
      root: dist,
      // wildcard: files built after the start are served too
      wildcard: true,
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        reply.header('Cache-Control', filePath.startsWith(assets) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // a missing asset (an old chunk after a release) is a 404, not index.html taken for a script
    const page = !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (page && request.method === 'GET' && hasDist) {
      return reply.sendFile('index.html');
    }
    return reply.code(404).send({
      error: {
        code: 'not_found',
        message: `No route ${request.method} ${request.url}`,
        messageZh: '请求的地址不存在',
      },
    });
  });
}

/** The public pages' own entry (its own Vite entry, loading no admin code). */
export const PUBLIC_PAGE = 'card.html';

/** What a public page's 404 says: the card's by default. */
export interface GoneWords {
  zh: string;
  en: string;
}
const CARD_GONE: GoneWords = {
  zh: '名片不存在或已关闭',
  en: 'This card does not exist or has been switched off.',
};

const gonePage = ({ zh, en }: GoneWords) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${zh}</title></head><body style="font-family:sans-serif;padding:2rem;text-align:center"><h1 style="font-size:1.3rem">${zh}</h1><p>${en}</p></body></html>`;

/**
 * A public page's answer: its entry when the object behind the URL may be shown, else a real 404
 * (a switched-off card is gone, decision 31). Never cached: the owner may switch it off any time.
 */
export function sendPublicPage(
  reply: FastifyReply,
  dist: string,
  shown: boolean,
  gone: GoneWords = CARD_GONE,
) {
  reply.header('Cache-Control', 'no-store');
  if (!shown) return reply.code(404).type('text/html; charset=utf-8').send(gonePage(gone));
  if (!fs.existsSync(path.join(dist, PUBLIC_PAGE)))
    return reply.code(503).type('text/plain; charset=utf-8').send('web app not built (npm run build)');
  return reply.sendFile(PUBLIC_PAGE);
}
