/**
 * Ledger import of a prefecture (issue 12: 800 cadres, ~199k activities) beside a `COPY` of the
 * same rows into an empty database, as a ratio (target: the import ≤ 3× the COPY). The import runs
 * in process from the parsed document (as the job does after the request's body is read); the
 * COPY loads each table's rows as the import left them. Then the same document posted to the API as
 * a job, with GET /health asked meanwhile. `BENCH_LEDGER_CADRES` sets the size. Run
 * alone with `npx tsx --conditions=development apps/server/bench/ledger-import.ts` (PGlite, or
 * PostgreSQL when BENCH_DATABASE_URL is set).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import type { TImportJob } from '@lianxin/contracts';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { importLedger, operatorActor } from '../src/modules/ledger/ledger.import.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/client.ts';
import { Client, makeAccount } from '../src/testing/index.ts';
import { prefectureLedger } from '../src/testing/prefecture-ledger.ts';
import { benchPlatform } from './platform.ts';

// parents first, as COPY checks the foreign keys
const TABLES = [
  'organizations',
  'org_presets',
  'cadres',
  'contact_points',
  'contacts',
  'contact_keepers',
  'activities',
  'activity_contacts',
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Seconds of a COPY of every table of `from` into the same tables of `to` (empty), one transaction. */
async function copyTables(from: Database, to: Database): Promise<number> {
  if (from.pglite && to.pglite) {
    const blobs = new Map<string, Blob>();
    for (const t of TABLES) blobs.set(t, (await from.pglite.query(`copy ${t} to '/dev/blob'`)).blob as Blob);
    const start = performance.now();
    await to.pglite.transaction(async (tx) => {
      for (const t of TABLES) await tx.query(`copy ${t} from '/dev/blob'`, [], { blob: blobs.get(t) });
    });
    return performance.now() - start;
  }
  // PostgreSQL: server-side files (the bench's server runs on this machine)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-copy-'));
  fs.chmodSync(dir, 0o777);
  try {
    for (const t of TABLES) await from.db.execute(sql.raw(`copy ${t} to '${dir}/${t}'`));
    const start = performance.now();
    await to.db.transaction(async (tx) => {
      for (const t of TABLES) await tx.execute(sql.raw(`copy ${t} from '${dir}/${t}'`));
    });
    return performance.now() - start;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The import's and the COPY's wall time on two fresh databases of one kind. */
export async function benchLedgerImport(label: string, open: () => Promise<Database>) {
  const cadres = Number(process.env.BENCH_LEDGER_CADRES || 800);
  const doc = prefectureLedger(cadres);
  const into = await open();
  const copyInto = await open();
  try {
    const p = benchPlatform(into);
    const start = performance.now();
    await importLedger(p, operatorActor('bench'), doc);
    const imported = performance.now() - start;
    const copied = await copyTables(into, copyInto);
    console.log(
      `${label.padEnd(11)} ledger import (${cadres} cadres, ${doc.activities.length} activities)  ${seconds(imported)}   COPY of the same rows ${seconds(copied)}   import/COPY ${(imported / copied).toFixed(2)} (target ≤ 3)`,
    );
  } finally {
    await into.close();
    await copyInto.close();
  }
}

/**
 * GET /health from another client, every 100 ms, while a prefecture's ledger is posted to the API
 * as a job (its 27 MB body parsed, validated and written): the slowest answer (target < 1 s).
 */
export async function benchHealthDuringImport(label: string, open: () => Promise<Database>) {
  const cadres = Number(process.env.BENCH_LEDGER_CADRES || 800);
  const body = JSON.stringify(prefectureLedger(cadres));
  const database = await open();
  const p = benchPlatform(database);
  const app = await buildApp(p);
  try {
    await makeAccount(p, { username: 'bench-sys', role: 'system_admin' });
    const sys = new Client(app);
    await sys.login('bench-sys');
    const waits: number[] = [];
    let importing = true;
    const probe = (async () => {
      while (importing) {
        const asked = performance.now();
        await app.inject({ method: 'GET', url: '/api/v1/health' });
        waits.push(performance.now() - asked);
        await setTimeout(100);
      }
    })();
    const start = performance.now();
    const posted = await sys.request({
      method: 'POST',
      url: '/api/v1/ledger/imports',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    if (posted.statusCode !== 202) throw new Error(`ledger import: ${posted.statusCode} ${posted.body}`);
    let job = posted.json() as TImportJob;
    while (job.status === 'running') {
      await setTimeout(200);
      job = (await sys.get(`/api/v1/ledger/imports/${job.id}`)).json() as TImportJob;
    }
    if (job.status !== 'succeeded')
      throw new Error(`ledger import ${job.status}: ${JSON.stringify(job.error)}`);
    const took = performance.now() - start;
    importing = false;
    await probe;
    waits.sort((a, b) => a - b);
    const ms = (q: number) => `${(waits[Math.floor(q * (waits.length - 1))] ?? 0).toFixed(0)} ms`;
    console.log(
      `${label.padEnd(11)} GET /health during a ${(body.length / 2 ** 20).toFixed(0)} MB ledger import (${seconds(took)}): ${waits.length} answers, median ${ms(0.5)}, slowest ${ms(1)} (target < 1 s)`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

/** Fresh databases on the server of `url`, each dropped by the caller's server's end. */
export function freshPostgres(url: string) {
  let n = 0;
  return async () => {
    const name = `bench_ledger_${process.pid}_${n++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    return openPostgres(u.toString(), 4);
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  const [label, open] = url ? ['PostgreSQL', freshPostgres(url)] : ['PGlite', () => openPglite(undefined)];
  await benchLedgerImport(label, open);
  await benchHealthDuringImport(label, open);
}
