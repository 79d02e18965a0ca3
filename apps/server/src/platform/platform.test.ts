import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedDivisionCounts, seedDivisions } from '../modules/divisions/divisions.service.ts';
import { createTestContext, type TestContext } from '../testing/index.ts';
import { repoRoot } from './config.ts';
import { FolderLockedError, lockDataDir } from './db/lock.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('platform', () => {
  it('answers health only with a live database, with security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, database: ctx.p.dbKind });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/organizations',
        '/api/v1/cadres',
        '/api/v1/auth/login',
        '/api/v1/imports/{kind}',
      ]),
    );
  });

  it('seeds every province, prefecture and county committee that the division package lists', async () => {
    const first = await seedDivisions(ctx.p, 'test');
    expect(first.total).toEqual(expectedDivisionCounts());
    expect(first.total).toEqual({ provinces: 31, prefectures: 333, counties: 2854 });
    const again = await seedDivisions(ctx.p, 'test');
    expect(again.created).toBe(0);
    const dongguan = await ctx.p.db.query.organizations.findFirst({
      where: (o, { eq }) => eq(o.id, 'div-441900-county'),
    });
    expect(dongguan?.path).toBe('/central/div-440000/div-441900/div-441900-county/');
  });
});

describe('the embedded folder has one owner', () => {
  it('refuses a second owner while the first lives, and takes over a dead owner’s lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-lock-'));
    const release = lockDataDir(dir, 'server', 3000);
    expect(() => lockDataDir(dir, 'lianxin import')).toThrow(FolderLockedError);
    release();
    fs.writeFileSync(
      path.join(dir, 'lianxin.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), port: null, command: 'x', since: '' }),
    );
    const again = lockDataDir(dir, 'server');
    again();
  });

  it('the command line stops with exit 1 and names the server that owns the folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-cli-'));
    const release = lockDataDir(dir, 'server', 3999);
    const run = promisify(execFile);
    const err = await run('npx', ['lianxin', 'audit-verify'], {
      cwd: repoRoot,
      env: { ...process.env, LIANXIN_DATA: dir },
    }).catch((e) => e);
    release();
    expect(err.code).toBe(1);
    expect(err.stderr).toContain(String(process.pid));
    expect(err.stderr).toContain('3999');
    expect(fs.readdirSync(dir)).toEqual([]); // nothing opened or written
  });

  it('the command line exits 2 on wrong usage', async () => {
    const run = promisify(execFile);
    const err = await run('npx', ['lianxin', 'no-such-command'], { cwd: repoRoot }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('seed-divisions');
  });
});
