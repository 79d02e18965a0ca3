import { Writable } from 'node:stream';
import { idNumberCheckChar } from '@lianxin/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createLogger } from '../../platform/logger.ts';
import { Client, createTestContext, PASSWORD, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

let ctx: TestContext;
const lines: string[] = [];
let logged: FastifyInstance;

const ID_NUMBER = `${'61030219900101123'}${idNumberCheckChar('61030219900101123')}`;
const PHONE = '13912345678';
const NAME = '赵青年';

beforeAll(async () => {
  ctx = await createTestContext();
  const { p } = ctx;
  await cityWithTwoCounties(ctx); // cadre A1 records the youth below
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  logged = await buildApp(p, { logger: createLogger('trace', stream) });
  logged.get('/boom', async () => {
    // what drizzle throws: the failed query's values in the message
    throw new Error(`Failed query: insert into contacts values ($1, $2)\nparams: ${NAME},${PHONE}`);
  });
});
afterAll(async () => {
  await logged?.close();
  await ctx?.close();
});

describe('the log', () => {
  it('has one JSON line per request, and never the personal data, secrets or tokens sent', async () => {
    const c = new Client(logged);
    const login = await c.login('cadreA1');
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((k) => k.name === 'lx_session')?.value ?? 'missing';
    const created = await c.post('/api/v1/contacts', {
      name: NAME,
      role: 'youth',
      phone: PHONE,
      idNumber: ID_NUMBER,
      channels: { wechat: 'zhao-wx-handle' },
    });
    expect(created.statusCode).toBe(201);
    // a duplicate (409, the phone in the database's unique index) and a search by phone and name
    expect((await c.post('/api/v1/contacts', { name: NAME, role: 'youth', phone: PHONE })).statusCode).toBe(
      409,
    );
    await c.get(`/api/v1/contacts?q=${encodeURIComponent(NAME)}&phone=${PHONE}`);
    expect((await c.get('/boom')).statusCode).toBe(500);

    const text = lines.join('\n');
    for (const secret of [PHONE, '139 1234', ID_NUMBER, NAME, 'zhao-wx-handle', PASSWORD, c.csrf, session]) {
      expect(text).not.toContain(secret);
    }
    const parsed = lines.map((l) => JSON.parse(l));
    const requests = parsed.filter((l) => l.msg === 'request' || l.msg === 'request failed');
    expect(requests.find((l) => l.route === '/api/v1/contacts' && l.method === 'POST')).toMatchObject({
      level: 30,
      status: 201,
      reqId: expect.any(String),
      ms: expect.any(Number),
    });
    expect(requests.find((l) => l.route === '/api/v1/contacts' && l.method === 'GET')?.url).toBe(
      '/api/v1/contacts?q=…&phone=…',
    );
    // the 500: its line at level error, and the error with its stack, without the query's values
    expect(requests.find((l) => l.route === '/boom')).toMatchObject({ level: 50, status: 500 });
    const error = parsed.find((l) => l.err?.stack);
    expect(error.err.stack).toContain('Failed query: insert into contacts');
    expect(error.err.stack).toContain('params: [redacted]');
  });
});

describe('/metrics', () => {
  const scrape = (app: FastifyInstance, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });

  it('answers localhost in the Prometheus text format, per route pattern', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    await ctx.app.inject({ method: 'GET', url: '/api/v1/contacts/00000000-0000-4000-8000-000000000000' });
    const res = await scrape(ctx.app);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /lianxin_http_requests_total\{method="GET",route="\/api\/v1\/health",status="200"\} \d+/,
    );
    expect(res.body).toContain('route="/api/v1/contacts/:id"');
    expect(res.body).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(res.body).toContain('lianxin_http_request_duration_seconds_bucket');
    expect(res.body).toContain('lianxin_ledger_import_seconds');
    expect(res.body).toContain('lianxin_compliance_evaluation_seconds');
    expect(res.body).toContain('lianxin_process_cpu_seconds_total');
    expect(res.body).toMatch(
      ctx.p.dbKind === 'pglite'
        ? /lianxin_db_pglite_queue \d+/
        : /lianxin_db_connections\{state="total"\} \d+/,
    );
  });

  it('is not found from elsewhere, nor through a proxy on this machine', async () => {
    expect((await scrape(ctx.app, {}, '192.0.2.7')).statusCode).toBe(404);
    expect((await scrape(ctx.app, { 'x-forwarded-for': '192.0.2.7' })).statusCode).toBe(404);
  });

  it('answers the configured token from anywhere, 403 to a wrong one', async () => {
    const app = await buildApp({ ...ctx.p, config: { ...ctx.p.config, metricsToken: 'scrape-me' } });
    try {
      expect((await scrape(app, { authorization: 'Bearer scrape-me' }, '192.0.2.7')).statusCode).toBe(200);
      expect((await scrape(app, { authorization: 'Bearer wrong' }, '192.0.2.7')).statusCode).toBe(403);
      expect((await scrape(app, {}, '192.0.2.7')).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('plain HTTP on a LAN (LIANXIN_COOKIE_SECURE=0)', () => {
  it('sends no upgrade-insecure-requests, no HSTS and cookies without Secure', async () => {
    const secure = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const app = await buildApp({ ...ctx.p, config: { ...ctx.p.config, cookieSecure: false } });
    try {
      const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(health.headers['strict-transport-security']).toBeUndefined();
      const login = await new Client(app).login('cadreA1');
      const cookie = login.cookies.find((k) => k.name === 'lx_session');
      expect(cookie?.value).toBeTruthy();
      expect(cookie?.secure).toBeFalsy();
    } finally {
      await app.close();
    }
  });
});
