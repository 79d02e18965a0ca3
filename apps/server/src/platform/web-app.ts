import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

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
