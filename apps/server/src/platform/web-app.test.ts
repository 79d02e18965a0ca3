import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from './web-app.ts';

// A small built web app as vite and apps/web/scripts/precompress.mjs leave it: hashed files under
// assets/ with their .br and .gz copies, index.html with its own.
const script = `console.log(${JSON.stringify('连心 '.repeat(400))});\n`;
const html = `<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-B1a2C3d4.js"></script></head><body><div id="root"></div>${'<!-- 连心 -->'.repeat(50)}</body></html>`;

let dist: string;
let app: FastifyInstance;

function writeWithCopies(file: string, body: string) {
  fs.writeFileSync(file, body);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body));
}

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-web-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  writeWithCopies(path.join(dist, 'index.html'), html);
  writeWithCopies(path.join(dist, 'assets/index-B1a2C3d4.js'), script);
  // a file too small to be worth compressing has no copies
  fs.writeFileSync(path.join(dist, 'assets/tiny-Zz9Yy8Xx.css'), 'a{}');
  app = Fastify();
  serveWebApp(app, dist);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the built web app', () => {
  it('sends a hashed asset brotli- or gzip-compressed as the browser accepts, cached for a year', async () => {
    const br = await get('/assets/index-B1a2C3d4.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);

    const gz = await get('/assets/index-B1a2C3d4.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-B1a2C3d4.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('sends a file without copies as it is, still immutable under assets/', async () => {
    const res = await get('/assets/tiny-Zz9Yy8Xx.css', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('a{}');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html at / and at every client route, compressed too', async () => {
    for (const url of ['/', '/index.html', '/me', '/me/contacts/abc']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toBe(html);
    }
  });

  it('answers 404 for a missing asset and an unknown API path, never index.html', async () => {
    for (const url of ['/assets/index-0ld0ld00.js', '/api/v1/nothing-here']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('not_found');
    }
  });
});
