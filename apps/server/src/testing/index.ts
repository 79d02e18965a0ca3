import crypto from 'node:crypto';
import fs from 'node:fs';
import type { TCadreInput, TRole } from '@lianxin/contracts';
import { childPath } from '@lianxin/domain';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { insertCadre } from '../modules/cadres/cadres.service.ts';
import type { Actor } from '../platform/access/index.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Clock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { createFieldCipher } from '../platform/crypto.ts';
import { type Database, openPglite, openPostgres } from '../platform/db/client.ts';
import { accounts, organizations } from '../platform/db/schema.ts';
import { createPlatform, inTransaction, type Platform } from '../platform/platform.ts';
import { templateFile } from './global-setup.ts';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-03-01T02:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** PGlite from the migrated template, or a fresh database on TEST_DATABASE_URL's server. */
async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openPglite(undefined, new Blob([fs.readFileSync(templateFile)]));
  const name = `lx_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 4);
  return {
    ...database,
    async close() {
      await database.close();
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

export const PASSWORD = 'Test-pass-2026';

export const systemActor: Actor = {
  accountId: null,
  name: 'test',
  role: 'system_admin',
  scopeOrgId: null,
  scopePath: null,
  cadreId: null,
  ip: null,
};

export interface TestContext {
  p: Platform;
  app: FastifyInstance;
  clock: TestClock;
  close(): Promise<void>;
}

export async function createTestContext(opts: { demo?: boolean } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = new TestClock();
  const config = { ...loadConfig({}), demo: opts.demo ?? false, webDist: '/nonexistent' };
  const p = createPlatform(database, createFieldCipher('aes-256-gcm', crypto.randomBytes(32)), clock, config);
  const app = await buildApp(p);
  return {
    p,
    app,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Factories writing straight to the database, as a seed would. */
export async function makeOrg(
  p: Platform,
  o: {
    id: string;
    name?: string;
    level: string;
    parent?: string | null;
    divisionCode?: string;
    field?: string;
  },
) {
  const parent = o.parent
    ? (await p.db.select().from(organizations)).find((r) => r.id === o.parent)
    : undefined;
  const row = {
    id: o.id,
    name: o.name ?? `组织${o.id}`,
    level: o.level,
    parentId: o.parent ?? null,
    path: childPath(parent?.path ?? null, o.id),
    divisionCode: o.divisionCode ?? null,
    field: o.field ?? null,
  };
  await p.db.insert(organizations).values(row);
  return row;
}

export async function makeCadre(p: Platform, input: Partial<TCadreInput> & { orgId: string }) {
  return inTransaction(p, (tx) =>
    insertCadre(p, tx, systemActor, input.orgId, {
      name: '测试干部',
      rank: 'section',
      employment: 'full_time',
      grassrootsYears: 1,
      ...input,
    }),
  );
}

export async function makeAccount(
  p: Platform,
  a: {
    username: string;
    role: TRole;
    scopeOrgId?: string | null;
    cadreId?: string | null;
    mustChangePassword?: boolean;
  },
) {
  const id = crypto.randomUUID();
  await p.db.insert(accounts).values({
    id,
    username: a.username,
    role: a.role,
    scopeOrgId: a.scopeOrgId ?? null,
    cadreId: a.cadreId ?? null,
    passwordHash: await hashPassword(PASSWORD),
    mustChangePassword: a.mustChangePassword ?? false,
    // admins in tests have enrolled TOTP unless a test says otherwise
    totpEnabled: false,
  });
  return id;
}

/** A signed-in client: keeps the session cookie and sends the CSRF token on mutations. */
export class Client {
  private cookie = '';
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  async login(username: string, password = PASSWORD, totp?: string) {
    const res = await this.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password, totp },
    });
    if (res.statusCode === 200) this.csrf = res.json().csrfToken;
    return res;
  }

  async request(opts: InjectOptions) {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.method && opts.method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ ...opts, headers });
    const set = res.cookies.find((c) => c.name === 'lx_session');
    if (set) this.cookie = set.value ? `lx_session=${set.value}` : '';
    return res;
  }

  get = (url: string) => this.request({ method: 'GET', url });
  post = (url: string, payload?: unknown) =>
    this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  patch = (url: string, payload?: unknown) =>
    this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  put = (url: string, payload?: unknown) =>
    this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
}

/** An anonymous visitor of the public pages from one address: no session, no CSRF token. */
export function visitor(ctx: TestContext, remoteAddress = '203.0.113.7') {
  return {
    get: (url: string) => ctx.app.inject({ method: 'GET', url, remoteAddress }),
    post: (url: string, payload?: unknown) =>
      ctx.app.inject({ method: 'POST', url, payload: payload as InjectOptions['payload'], remoteAddress }),
  };
}

export async function signedIn(ctx: TestContext, username: string) {
  const c = new Client(ctx.app);
  const res = await c.login(username);
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return c;
}
