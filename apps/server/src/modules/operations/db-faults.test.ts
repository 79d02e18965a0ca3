import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';
import { PASSWORD } from '../../testing/index.ts';
import {
  buildServer,
  freePort,
  healthy,
  httpAs,
  httpLogin,
  removeTempDirs,
  run,
  type Started,
  start,
  tempDir,
} from './process.fixture.ts';
import { seedWorld } from './world.fixture.ts';

// PostgreSQL's connections killed, then the server crashed and started again, under a bounded burst of
// writes through the compiled server: 503 with a clear message while it is away, recovery without a
// restart of the app server, and every acknowledged write still there. A throwaway cluster of its own.

const script = path.join(repoRoot, 'scripts/pg-test-server.sh');
const pgServer = (cmd: string, dir: string) => run('bash', [script, cmd, dir]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(buildServer, 300_000);
afterAll(removeTempDirs);

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL away under writes', () => {
  const dir = path.join(tempDir(), 'pg');
  let server: Started | undefined;
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await pgServer('stop', dir);
  });

  it('answers 503 while it is away, recovers by itself, loses no acknowledged write', async () => {
    const url = (await pgServer('start', dir)).stdout.trim();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // the test cluster trades durability for speed; an acknowledged commit must survive a crash here
    await admin.query('ALTER DATABASE lianxin_test SET synchronous_commit = on');
    await admin.end();
    const env = {
      DATABASE_URL: url,
      LIANXIN_KEY: crypto.randomBytes(32).toString('base64'),
      LIANXIN_AUDIT_KEY: crypto.randomBytes(32).toString('base64'),
    };
    await seedWorld(env);
    server = start(process.execPath, ['apps/server/dist/main.js'], tempDir(), await freePort(), env);
    await healthy(server);
    const port = server.port;
    const session = await httpLogin(port, 'cadreA1', PASSWORD);

    const acknowledged: string[] = [];
    const refused: { status: number; body: string }[] = [];
    let n = 0;
    let writing = true;
    const writer = async () => {
      while (writing) {
        const res = await httpAs(session, port, 'POST', '/api/v1/contacts', {
          name: `青年${n++}`,
          role: 'youth',
        });
        if (res.status === 201) acknowledged.push((res.json() as { id: string }).id);
        else refused.push({ status: res.status, body: res.bytes.toString('utf8') });
        await sleep(25);
      }
    };
    const writers = [writer(), writer(), writer()];
    await sleep(800);
    const before = acknowledged.length;

    // every connection cut, then the cluster crashes (immediate stop) and stays away a moment
    const killer = new pg.Client({ connectionString: url });
    await killer.connect();
    await killer.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()',
    );
    await killer.end();
    await pgServer('crash', dir);
    await sleep(1500);
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => null);
    expect(health?.status, server.output().slice(-3000)).toBe(503);
    const whileAway = acknowledged.length;
    await pgServer('up', dir);

    // recovery by itself: writes are acknowledged again
    const until = Date.now() + 30_000;
    while (acknowledged.length < whileAway + 5 && Date.now() < until) await sleep(100);
    writing = false;
    await Promise.all(writers);

    expect(before).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(whileAway + 5);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.status, r.body).toBe(503);
      expect(JSON.parse(r.body).error).toMatchObject({
        code: 'unavailable',
        messageZh: '数据库暂时不可用，请稍后重试',
      });
    }
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);

    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query<{ id: string }>('SELECT id FROM contacts WHERE id = ANY($1)', [
      acknowledged,
    ]);
    await check.end();
    expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
  }, 180_000);
});
