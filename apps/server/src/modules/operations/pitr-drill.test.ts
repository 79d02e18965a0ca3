import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';
import type { Client } from '../../testing/index.ts';
import { signedIn } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';
import { buildServer, removeTempDirs, run, tempDir } from './process.fixture.ts';
import { openAsServer } from './world.fixture.ts';

// The point-in-time restore drill of docs/operations.md, with pgBackRest on a throwaway PostgreSQL 15
// cluster (scripts/pgbackrest-drill.sh): a full backup, talks logged, the moment noted, more talks, then
// the backup restored with the WAL replayed to that moment into a fresh cluster. The talks before are
// there, those after are not, and the compiled `export` and `audit-verify` answer as they did then.

const pgbackrest = spawnSync('pgbackrest', ['version'], { encoding: 'utf8' });
const missing =
  pgbackrest.status === 0 ? null : 'pgbackrest is not installed (scripts/system-deps.sh installs it)';
if (process.env.TEST_DATABASE_URL && missing) console.warn(`point-in-time restore drill skipped: ${missing}`);

type Env = Record<string, string>;
const drill = async (...args: string[]) =>
  (await run('bash', [path.join(repoRoot, 'scripts/pgbackrest-drill.sh'), ...args])).stdout.trim();
const cli = async (env: Env, ...args: string[]) =>
  JSON.parse(
    (
      await run(process.execPath, ['apps/server/dist/cli/main.js', ...args], {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        maxBuffer: 1 << 26,
      })
    ).stdout,
  );
async function query(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}
async function talks(cadre: Client, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await cadre.post('/api/v1/activities', {
      type: 'talk',
      date: '2026-03-02',
      mode: 'face_to_face',
      point: 'pA1',
      contacts: ['yA'],
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().activity.id);
  }
  return ids;
}

describe.skipIf(!process.env.TEST_DATABASE_URL || !!missing)('point-in-time restore with pgBackRest', () => {
  let dir = '';
  beforeAll(buildServer, 300_000);
  afterAll(async () => {
    if (dir) await drill('stop', dir);
    removeTempDirs();
  }, 60_000);

  it('restores to a noted moment: the writes before it are there, those after are not', async () => {
    const timings: Record<string, number> = {};
    let lap = Date.now();
    const step = <T>(name: string, p: Promise<T>) =>
      p.then((v) => {
        timings[name] = Date.now() - lap;
        lap = Date.now();
        return v;
      });

    dir = path.join(tempDir(), 'pg');
    const url = await step('start with WAL archiving', drill('start', dir));
    const env = {
      DATABASE_URL: url,
      LIANXIN_KEY: crypto.randomBytes(32).toString('base64'),
      LIANXIN_AUDIT_KEY: crypto.randomBytes(32).toString('base64'),
    };
    const ctx = await openAsServer(env);
    let before: string[];
    let after: string[];
    let then: { exported: unknown; verified: { ok: boolean; rows: number } };
    let moment: string;
    try {
      const { clients } = await step('world', cityWithTwoCounties(ctx));
      await step('full backup', drill('backup', dir));
      before = await talks(clients.cadreA1, 3);
      then = { exported: await cli(env, 'export'), verified: await cli(env, 'audit-verify') };
      // the database's own clock, the one its commit records carry
      const [row] = await query(
        url,
        `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' AS t`,
      );
      moment = row.t;
      after = await talks(clients.cadreA1, 3);
      timings.writes = Date.now() - lap;
      lap = Date.now();
    } finally {
      await ctx.close();
    }
    expect(await cli(env, 'export')).not.toEqual(then.exported); // the later talks are in the ledger

    const restored = await step('restore to the moment', drill('restore', dir, moment));
    const to = { ...env, DATABASE_URL: restored };
    const present = await query(restored, 'SELECT id FROM activities WHERE id = ANY($1) ORDER BY id', [
      [...before, ...after],
    ]);
    expect(present.map((r) => r.id)).toEqual([...before].sort());
    expect(await cli(to, 'export')).toEqual(then.exported);
    expect(await cli(to, 'audit-verify')).toEqual(then.verified);
    expect(then.verified).toMatchObject({ ok: true });

    // the restored database goes on: a sign-in and a talk extend the audit chain, which still verifies
    const again = await openAsServer(to);
    try {
      await talks(await signedIn(again, 'cadreA1'), 1);
    } finally {
      await again.close();
    }
    const verified = await cli(to, 'audit-verify');
    expect(verified.ok).toBe(true);
    expect(verified.rows).toBeGreaterThan(then.verified.rows);
    timings.checks = Date.now() - lap;
    console.info(`point-in-time restore drill, ms: ${JSON.stringify(timings)}`);
  }, 180_000);
});
