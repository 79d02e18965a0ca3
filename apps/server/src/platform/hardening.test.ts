import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { Client, createTestContext, PASSWORD, type TestContext } from '../testing/index.ts';
import { multipartFile } from '../testing/requests.ts';
import { cityWithTwoCounties } from '../testing/scenario.ts';
import { AuditLog, auditRowText } from './audit.ts';
import { dummyPasswordHash, LOCK_MS, MAX_FAILURES, SESSION_IDLE_MS } from './auth/auth.service.ts';
import { hashPassword } from './auth/passwords.ts';
import { loadConfig } from './config.ts';
import { createAuditMac, loadAuditKey, loadMasterKey } from './crypto.ts';
import { accounts, auditLog } from './db/schema.ts';
import { unstorablePath } from './http.ts';

let ctx: TestContext;
// the app of this file writes its audit rows under a key the test knows
const auditKey = crypto.randomBytes(32);
let keyed: TestContext['p'];
let app: TestContext['app'];

// who plays each part, from the shared world
const racer = 'leaderA';
const known = 'cadreB';
const busy = 'cadreA2';
const proxied = 'province';
const orgAdmin = 'adminA';

async function signIn(username: string) {
  const c = new Client(app);
  expect((await c.login(username)).statusCode).toBe(200);
  return c;
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keyed = { ...ctx.p, audit: new AuditLog(createAuditMac('aes-256-gcm', auditKey), ctx.clock) };
  app = await buildApp(keyed);
  // the world's rows are written through the keyed app, so the whole chain is under the test's key
  await cityWithTwoCounties({ ...ctx, p: keyed, app });
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const answer = (r: { statusCode: number; body: string }) => `${r.statusCode} ${r.body}`;

async function auditOf(actor: string) {
  return ctx.p.db
    .select({ action: auditLog.action, ip: auditLog.ip })
    .from(auditLog)
    .where(eq(auditLog.actor, actor))
    .orderBy(asc(auditLog.seq));
}

describe('lockout is decided atomically', () => {
  it('13 parallel logins mixing wrong and right passwords never sign in once 5 failures are recorded', async () => {
    for (let round = 0; round < 3; round++) {
      const c = new Client(app);
      // 4 failures already on record: the next failure decided locks the account
      for (let i = 0; i < MAX_FAILURES - 1; i++) await c.login(racer, 'Wrong-pass-1');
      const before = (await auditOf(racer)).length;
      const passwords = Array.from({ length: 13 }, (_, i) => (i % 3 === round ? PASSWORD : 'Wrong-pass-1'));
      const answers = await Promise.all(passwords.map((pw) => new Client(app).login(racer, pw)));
      const refused = answers.filter((r) => r.statusCode !== 200);
      expect(new Set(refused.map(answer)).size).toBe(1);
      expect(refused[0]?.statusCode).toBe(401);

      // replay the burst's decisions in the order they were taken (the audit chain's order)
      let failures = MAX_FAILURES - 1;
      for (const row of (await auditOf(racer)).slice(before)) {
        if (row.action === 'login.failed') failures++;
        if (row.action === 'login.ok') {
          expect(failures).toBeLessThan(MAX_FAILURES);
          failures = 0;
        }
      }
      const [account] = await ctx.p.db.select().from(accounts).where(eq(accounts.username, racer));
      if (failures >= MAX_FAILURES) expect(account?.lockedUntil).not.toBeNull();
      ctx.clock.advance(LOCK_MS + 1000);
      expect((await c.login(racer)).statusCode).toBe(200);
    }
  });

  it('answers the 5th failure, a locked account and an unknown user exactly like a wrong password', async () => {
    const c = new Client(app);
    const before = (await auditOf(known)).length; // the world's sign-in
    const wrong = await c.login(known, 'Wrong-pass-1');
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(answer(await c.login(known, 'Wrong-pass-1'))).toBe(answer(wrong));
    }
    expect(answer(await c.login(known))).toBe(answer(wrong)); // locked, right password
    expect(answer(await c.login('nobody-at-all', 'Wrong-pass-1'))).toBe(answer(wrong));
    const actions = (await auditOf(known)).slice(before).map((r) => r.action);
    expect(actions).toEqual([
      ...Array(MAX_FAILURES).fill('login.failed'),
      'account.locked',
      'login.refused_locked',
    ]);
    ctx.clock.advance(LOCK_MS + 1000);
  });

  it('verifies unknown usernames against a dummy argon2 hash with the real parameters, made once', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    const params = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(params(dummy)).toBe(params(await hashPassword('Any-pass-2026')));
    expect(params(dummy)).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1$/);
  });
});

describe('sessions have an absolute lifetime', () => {
  it('ends a busy session 12 hours after sign-in, however often it is used', async () => {
    expect(loadConfig({}).sessionMaxHours).toBe(12);
    const c = await signIn(busy);
    const step = SESSION_IDLE_MS - 60_000;
    let elapsed = 0;
    while (elapsed + step < 12 * 3600_000) {
      ctx.clock.advance(step);
      elapsed += step;
      expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
    }
    ctx.clock.advance(12 * 3600_000 - elapsed + 1000);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('takes its length from LIANXIN_SESSION_MAX_HOURS', async () => {
    const config = loadConfig({ LIANXIN_SESSION_MAX_HOURS: '1' });
    expect(config.sessionMaxHours).toBe(1);
    expect(() => loadConfig({ LIANXIN_SESSION_MAX_HOURS: 'soon' })).toThrow(/LIANXIN_SESSION_MAX_HOURS/);
    const shortLived = await buildApp({ ...keyed, config: { ...keyed.config, sessionMaxHours: 1 } });
    const c = new Client(shortLived);
    expect((await c.login(busy)).statusCode).toBe(200);
    ctx.clock.advance(29 * 60_000);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
    ctx.clock.advance(29 * 60_000);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
    ctx.clock.advance(3 * 60_000);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
    await shortLived.close();
  });
});

describe('the client IP in the audit log', () => {
  const login = (server: typeof app, remoteAddress: string) =>
    server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': '203.0.113.5' },
      payload: { username: proxied, password: PASSWORD },
    });
  const lastIp = async () => (await auditOf(proxied)).at(-1)?.ip;

  it('comes from X-Forwarded-For only when the request came from a configured proxy', async () => {
    const trustProxy = loadConfig({ LIANXIN_TRUST_PROXY: '10.0.0.1, 10.9.0.0/16' }).trustProxy;
    expect(trustProxy).toEqual(['10.0.0.1', '10.9.0.0/16']);
    const behindProxy = await buildApp({ ...keyed, config: { ...keyed.config, trustProxy } });
    expect((await login(behindProxy, '10.0.0.1')).statusCode).toBe(200);
    expect(await lastIp()).toBe('203.0.113.5');
    expect((await login(behindProxy, '10.9.4.2')).statusCode).toBe(200);
    expect(await lastIp()).toBe('203.0.113.5');
    expect((await login(behindProxy, '192.0.2.9')).statusCode).toBe(200);
    expect(await lastIp()).toBe('192.0.2.9');
    await behindProxy.close();
  });

  it('is the socket address when no proxy is configured', async () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect((await login(app, '10.0.0.1')).statusCode).toBe(200);
    expect(await lastIp()).toBe('10.0.0.1');
  });
});

describe('the audit chain is keyed', () => {
  it('passes with the right key, fails with a wrong one and after an unkeyed rewrite', async () => {
    const db = ctx.p.db;
    await signIn(known); // at least one row, whatever ran before
    const audit = new AuditLog(createAuditMac('aes-256-gcm', auditKey), ctx.clock);
    expect((await audit.verify(db)).brokenAt).toBeNull();
    const wrongKey = new AuditLog(createAuditMac('aes-256-gcm', crypto.randomBytes(32)), ctx.clock);
    expect((await wrongKey.verify(db)).brokenAt).toBe(1);

    // someone who can write the database changes row 1 and recomputes the chain from there on, as
    // an unkeyed hash would let them
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    let prev = '0'.repeat(64);
    for (const r of await db.select().from(auditLog).orderBy(asc(auditLog.seq))) {
      const row = { ...r, actor: r.seq === 1 ? 'mallory' : r.actor, result: r.result as 'ok' };
      const hash = crypto
        .createHash('sha256')
        .update(auditRowText(prev, r.at, row))
        .digest('hex');
      await db
        .update(auditLog)
        .set({ actor: row.actor, prevHash: prev, hash })
        .where(eq(auditLog.seq, r.seq));
      prev = hash;
    }
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect((await audit.verify(db)).brokenAt).toBe(1);
  });

  it('uses HMAC-SM3 with SM4 and a key of its own, generated beside the field key', () => {
    const key = crypto.randomBytes(32);
    const sha = createAuditMac('aes-256-gcm', key)('row');
    const sm3 = createAuditMac('sm4', key)('row');
    expect(sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3).not.toBe(sha);
    expect(sha).toBe(crypto.createHmac('sha256', key).update('row').digest('hex'));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-keys-'));
    const config = loadConfig({ LIANXIN_DATA: dir });
    const field = loadMasterKey(config, () => {});
    const audit = loadAuditKey(config, () => {});
    expect(fs.readdirSync(dir).sort()).toEqual(['audit.key', 'secret.key']);
    expect(audit.equals(field)).toBe(false);
    expect(loadAuditKey(config, () => {}).equals(audit)).toBe(true);

    const given = crypto.randomBytes(32).toString('base64');
    expect(loadAuditKey(loadConfig({ LIANXIN_AUDIT_KEY: given }), () => {}).toString('base64')).toBe(given);
    const external = loadConfig({ DATABASE_URL: 'postgres://x/y', LIANXIN_KEY: given });
    expect(() => loadAuditKey(external, () => {})).toThrow(/LIANXIN_AUDIT_KEY/);
  });
});

describe('text PostgreSQL refuses', () => {
  it('names the path of the first bad string, keys included', () => {
    expect(unstorablePath({ name: 'ok', contacts: [{}, {}, { unit: 'x\u0000' }] })).toBe('contacts[2].unit');
    expect(unstorablePath({ a: ['\ud800'], b: 'x\u0000' })).toBe('a[0]');
    expect(unstorablePath({ details: { 'k\udc00': 1 } })).toBe('details.k\udc00');
    expect(unstorablePath({ ok: '连心 😀 \ud83d\ude00' })).toBeNull();
  });

  it('answers 400 naming the field on login, in bodies, queries and path parameters', async () => {
    const raw = (username: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ username, password }),
      });
    const nul = await raw('kn\u0000own', PASSWORD);
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error).toMatchObject({ code: 'bad_request', details: [{ path: 'username' }] });
    const lone = await raw(known, 'Pass\ud800word');
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error.details[0].path).toBe('password');

    const admin = await signIn(orgAdmin);
    const body = await admin.post('/api/v1/organizations', {
      name: 'x\u0000',
      level: 'branch',
      parentId: 'cA',
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.details[0].path).toBe('name');
    const query = await admin.get('/api/v1/organizations?parent=%00');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details[0].path).toBe('parent');
    const params = await admin.get('/api/v1/organizations/%ED%A0%80x%00');
    expect(params.statusCode).toBe(400);
  });

  it('turns such cells of an Excel upload into row errors', async () => {
    const admin = await signIn(orgAdmin);
    const template = await admin.get('/api/v1/imports/organizations/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    // exceljs reads the XML escape _x0000_ as a NUL character
    ws.getRow(3).values = ['某团支部_x0000_', '', '', '企业'];
    ws.getRow(4).values = ['另一团支部', '', '', '企业'];
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await admin.request(
      multipartFile('/api/v1/imports/organizations?commit=true&parent=cA', file),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, committed: false });
    expect(res.json().errors).toEqual([
      { row: 3, column: '团组织全称', reason: expect.stringContaining('无法保存') },
    ]);
  });
});

describe('the OpenAPI document declares every response', () => {
  type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

  it('gives every operation the shared error answers, and downloads their media types', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations: [string, Operation][] = Object.entries(
      doc.paths as Record<string, Record<string, Operation>>,
    ).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]): [string, Operation] => [`${method} ${path}`, op]),
    );
    expect(operations.length).toBeGreaterThan(100);
    for (const [name, op] of operations) {
      const statuses = Object.keys(op.responses);
      const expected = ['400', '401', '403'];
      if (name.includes('{')) expected.push('404');
      if (/^(post|put|patch) /.test(name)) expected.push('413');
      expect(statuses, name).toEqual(expect.arrayContaining(expected));
      for (const status of expected) {
        const schema = op.responses[status]?.content?.['application/json']?.schema as {
          properties?: Record<string, unknown>;
        };
        expect(Object.keys(schema?.properties ?? {}), `${name} ${status}`).toContain('error');
      }
    }
    const downloads: Record<string, string> = {
      'get /api/v1/imports/{kind}/template': XLSX,
      'get /api/v1/annual/{year}/forms/task-list/{cadreId}': DOCX,
      'get /api/v1/annual/{year}/forms/summary': XLSX,
      'get /api/v1/annual/{year}/forms/point-registration': XLSX,
      'get /api/v1/forms/admins': XLSX,
      'get /api/v1/annual/{year}/forms/archive/{cadreId}': DOCX,
      'get /api/v1/forms/point-ledger/{id}': DOCX,
    };
    const byName = new Map(operations);
    for (const [name, type] of Object.entries(downloads)) {
      expect(byName.get(name)?.responses['200']?.content?.[type]?.schema, name).toMatchObject({
        type: 'string',
        format: 'binary',
      });
    }
  });
});
