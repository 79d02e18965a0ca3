/**
 * One activity POST at 1 and 4 clients beside pgbench running the statements such a write needs on
 * the same PostgreSQL (issue 12, writes): the session read, the access read (the cadre's organization
 * and the contacts kept), the activity and its contacts, and the audit row (the chain's lock, the last
 * hash, the insert), in one transaction. Target: the API at ≥ 0.6 of pgbench.
 * Alone: `BENCH_DATABASE_URL=… npx tsx --conditions=development apps/server/bench/writes.ts`.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { AUDIT_LOCK } from '../src/platform/audit.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createFieldCipher } from '../src/platform/crypto.ts';
import { openPostgres } from '../src/platform/db/client.ts';
import { createPlatform } from '../src/platform/platform.ts';
import { Client, makeOrg } from '../src/testing/index.ts';
import { BENCH_PEOPLE, benchCadre } from './activities.ts';
import { freshDatabase } from './compliance.ts';

const SECONDS = 5;
const PGBENCH = '/usr/lib/postgresql/15/bin/pgbench';
const talk = { type: 'talk', date: '2026-05-01', mode: 'face_to_face', contacts: BENCH_PEOPLE };

/** The statements of one recorded talk, as pgbench runs them (`:sid`, `:cadre` set per run, as parameters). */
const script = `
BEGIN;
SELECT a.*, o.name, o.path, s.* FROM sessions s JOIN accounts a ON a.id = s.account_id
  LEFT JOIN organizations o ON o.id = a.scope_org_id WHERE s.token_hash = :sid;
SELECT c.id, o.path FROM cadres c JOIN organizations o ON o.id = c.org_id WHERE c.id = :cadre;
SELECT contact_id FROM contact_keepers WHERE cadre_id = :cadre AND contact_id IN ('bench-y1', 'bench-y2');
WITH a AS (INSERT INTO activities (id, cadre_id, type, start_date, end_date, details)
  VALUES (gen_random_uuid()::text, :cadre, 'talk', '2026-05-01', '2026-05-01', '{"mode":"face_to_face"}')
  RETURNING id)
INSERT INTO activity_contacts SELECT a.id, c FROM a, unnest(ARRAY['bench-y1', 'bench-y2']) c;
SELECT pg_advisory_xact_lock(${AUDIT_LOCK});
SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1;
INSERT INTO audit_log (at, actor, action, object_type, object_id, after, result, prev_hash, hash)
  VALUES (now(), '压测干部', 'activity.create', 'activity', 'x', '{"type":"talk"}', 'ok', 'p', md5(random()::text));
COMMIT;
`;

async function apiRate(clients: Client[]) {
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        const res = await client.post('/api/v1/activities', talk);
        if (res.statusCode !== 201) throw new Error(`activity insert: ${res.statusCode} ${res.body}`);
        done++;
      }
    }),
  );
  return (done / (performance.now() - start)) * 1000;
}

async function pgbenchRate(url: string, clients: number, vars: Record<string, string>) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lx-pgbench-')), 'talk.sql');
  fs.writeFileSync(file, script);
  const u = new URL(url);
  const args = ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(clients), '-T', String(SECONDS)];
  for (const [k, v] of Object.entries(vars)) args.push('-D', `${k}=${v}`);
  const { stdout } = await promisify(execFile)(PGBENCH, [...args, '-f', file, url], {
    env: { ...process.env, PGHOST: u.hostname, PGPORT: u.port },
  });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(tps[1]);
}

export async function benchWrites(serverUrl: string) {
  const url = await freshDatabase(serverUrl, `bench_writes_${process.pid}`);
  const database = await openPostgres(url, 10);
  const p = createPlatform(database, createFieldCipher('aes-256-gcm', crypto.randomBytes(32)), systemClock, {
    ...loadConfig({}),
    demo: true,
  });
  await makeOrg(p, { id: 'central', level: 'central' });
  const cadre = await benchCadre(p);
  const app = await buildApp(p);
  const clients = await Promise.all(
    [1, 2, 3, 4].map(async () => {
      const c = new Client(app);
      await c.login('bench-cadre');
      return c;
    }),
  );
  const sessions = (await p.db.execute(sql`select token_hash from sessions limit 1`)) as unknown as {
    rows: { token_hash: string }[];
  };
  const [session] = sessions.rows;
  const vars = { sid: session?.token_hash ?? '', cadre: cadre.id };
  try {
    for (const n of [1, 4]) {
      const api = await apiRate(clients.slice(0, n));
      const raw = await pgbenchRate(url, n, vars);
      console.log(
        `PostgreSQL  POST activities, ${n} client${n > 1 ? 's' : ' '}  ${api.toFixed(0).padStart(7)} /s   pgbench ${raw.toFixed(0).padStart(7)} /s   ratio ${(api / raw).toFixed(3)} (target ≥ 0.6)`,
      );
    }
  } finally {
    await app.close();
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL: a PostgreSQL server (pgbench runs against it)');
  await benchWrites(url);
}
