/**
 * One activity POST at 1 and 4 clients beside pgbench running the statements such a write needs on
 * the same PostgreSQL (issue 12, writes): the session read, one read of the cadre with the access
 * facts and the contacts, then one statement writing the activity, its contacts and its audit row.
 * Target: the API at ≥ 0.6 of pgbench.
 * Alone: `BENCH_DATABASE_URL=… npx tsx --conditions=development apps/server/bench/writes.ts`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { openPostgres } from '../src/platform/db/client.ts';
import { Client, makeOrg } from '../src/testing/index.ts';
import { BENCH_PEOPLE, benchCadre } from './activities.ts';
import { freshDatabase } from './compliance.ts';
import { benchPlatform } from './platform.ts';
import { writePhases } from './write-phases.ts';

const SECONDS = 5;
const PGBENCH = '/usr/lib/postgresql/15/bin/pgbench';
const talk = { type: 'talk', date: '2026-05-01', mode: 'face_to_face', contacts: BENCH_PEOPLE };

/**
 * The statements of one recorded talk as the API sends them, for pgbench (`:sid`, `:cadre` and
 * `:contacts` set per run, as parameters as the API sends them: a constant array would let
 * PostgreSQL keep one generic plan where the API's statement is planned for each call): the
 * session; the cadre, its organization and the contacts named; one statement moving the audit
 * chain's head and inserting the audit row, the activity and its contacts (the head's condition
 * here always true, as when the process knows the head).
 */
const script = `
SELECT a.*, o.name, o.path, s.* FROM sessions s JOIN accounts a ON a.id = s.account_id
  LEFT JOIN organizations o ON o.id = a.scope_org_id WHERE s.token_hash = :sid;
SELECT c.*, o.name, o.path, coalesce((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'kept',
    exists (SELECT 1 FROM contact_keepers k WHERE k.contact_id = x.id AND k.cadre_id = c.id)))
  FROM contacts x WHERE x.id = any(:contacts::text[])), '[]'::json)
  FROM cadres c JOIN organizations o ON o.id = c.org_id WHERE c.id = :cadre;
WITH chain AS (UPDATE audit_chain SET last_hash = md5(random()::text) WHERE id = 1 AND last_hash <> '' RETURNING 1),
  logged AS (INSERT INTO audit_log (at, actor, action, object_type, object_id, before, after, ip, result, prev_hash, hash)
    SELECT now(), '压测干部', 'activity.create', 'activity', 'x', NULL, '{"type":"talk"}', NULL, 'ok', 'p', md5(random()::text) FROM chain),
  a AS (INSERT INTO activities (id, cadre_id, type, point_id, start_date, end_date, travel_days, details, note)
    SELECT gen_random_uuid()::text, :cadre, 'talk', NULL, '2026-05-01', '2026-05-01', NULL, '{"mode":"face_to_face"}', NULL
    FROM chain RETURNING id, created_at),
  c AS (INSERT INTO activity_contacts (activity_id, contact_id) SELECT a.id, x FROM a, unnest(:contacts::text[]) x)
SELECT (SELECT count(*) FROM chain)::int AS moved, (SELECT created_at FROM a) AS at;
`;

function apiRate(clients: Client[]) {
  return rate(clients.length, async (i) => {
    const res = await clients[i]?.post('/api/v1/activities', talk);
    if (res?.statusCode !== 201) throw new Error(`activity insert: ${res?.statusCode} ${res?.body}`);
  });
}

/** The rate of `work` run back to back by each of `clients` for SECONDS. */
async function rate(clients: number, work: (client: number) => Promise<void>) {
  let done = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (performance.now() < end) {
        await work(i);
        done++;
      }
    }),
  );
  return (done / (performance.now() - start)) * 1000;
}

/** pgbench's statements for node-postgres: named (as pgbench's prepared mode), `:name`s as `$n`. */
function driverStatements(vars: Record<string, string>) {
  return script
    .split(/;\n/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text, i) => {
      const names = [...new Set(text.match(/(?<!:):[a-z]+/g) ?? [])];
      const values = names.map((n) => vars[n.slice(1)]);
      const numbered = names.reduce((t, n, k) => t.replaceAll(n, `$${k + 1}`), text);
      return { name: `driver_${i}`, text: numbered, values };
    });
}

/**
 * The driver's floor: node-postgres alone sending pgbench's statements on one connection per
 * client, with no HTTP, session, validation or response.
 */
async function driverRate(url: string, clients: number, vars: Record<string, string>) {
  const statements = driverStatements(vars);
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    return await rate(clients, async (i) => {
      for (const q of statements) await connections[i]?.query(q);
    });
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

/**
 * The framework's floor: a bare Fastify (no plugin, hook, schema or session) whose one route sends
 * pgbench's statements through a node-postgres pool and answers a small JSON, called as the API
 * is (inject, the same body). No API on Fastify and node-postgres can be faster on this machine.
 */
async function bareFastifyRate(url: string, clients: number, vars: Record<string, string>) {
  const statements = driverStatements(vars);
  const pool = new pg.Pool({ connectionString: url, max: clients });
  const bare = Fastify();
  bare.post('/activities', async (_request, reply) => {
    let last: pg.QueryResult | undefined;
    for (const q of statements) last = await pool.query(q);
    reply.code(201);
    return { createdAt: last?.rows[0]?.at };
  });
  await bare.ready();
  try {
    return await rate(clients, async () => {
      const res = await bare.inject({ method: 'POST', url: '/activities', payload: talk });
      if (res.statusCode !== 201) throw new Error(`bare Fastify: ${res.statusCode} ${res.body}`);
    });
  } finally {
    await bare.close();
    await pool.end();
  }
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
  const p = benchPlatform(database);
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
  const vars = { sid: session?.token_hash ?? '', cadre: cadre.id, contacts: `{${BENCH_PEOPLE.join(',')}}` };
  try {
    for (const n of [1, 4]) {
      const api = await apiRate(clients.slice(0, n));
      const driver = await driverRate(url, n, vars);
      const bare = await bareFastifyRate(url, n, vars);
      const raw = await pgbenchRate(url, n, vars);
      const perSecond = (r: number) => `${r.toFixed(0).padStart(6)} /s`;
      const of = (r: number) => `${(r / raw).toFixed(2)} of pgbench`;
      console.log(
        `PostgreSQL  POST activities, ${n} client${n > 1 ? 's' : ' '}  ${perSecond(api)}   pgbench ${perSecond(raw)}   ratio ${(api / raw).toFixed(3)} (target ≥ 0.6)   floors: bare Fastify ${perSecond(bare)} (${of(bare)}), node-postgres alone ${perSecond(driver)} (${of(driver)})`,
      );
    }
    await writePhases(p, database.pool as pg.Pool, 'bench-cadre', talk);
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
