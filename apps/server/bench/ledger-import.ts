/**
 * Ledger import of a prefecture (issue 12: 800 cadres, ~199k activities) beside a `COPY` of the
 * same rows into an empty database, as a ratio (target: the import ≤ 3× the COPY). The import runs
 * in process from the parsed document (as the job does after the request's body is read); the
 * COPY loads each table's rows as the import left them. `BENCH_LEDGER_CADRES` sets the size. Run
 * alone with `npx tsx --conditions=development apps/server/bench/ledger-import.ts` (PGlite, or
 * PostgreSQL when BENCH_DATABASE_URL is set).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { importLedger, operatorActor } from '../src/modules/ledger/ledger.import.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createFieldCipher } from '../src/platform/crypto.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/client.ts';
import { createPlatform } from '../src/platform/platform.ts';
import { prefectureLedger } from '../src/testing/prefecture-ledger.ts';

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
    const p = createPlatform(into, createFieldCipher('aes-256-gcm', crypto.randomBytes(32)), systemClock, {
      ...loadConfig({}),
      demo: true,
    });
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
  if (url) await benchLedgerImport('PostgreSQL', freshPostgres(url));
  else await benchLedgerImport('PGlite', () => openPglite(undefined));
}
