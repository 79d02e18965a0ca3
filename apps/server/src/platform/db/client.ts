import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { schema } from './schema.ts';

/** One type for both drivers (a union breaks `.returning()`: stack notes). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** the embedded client, for dumping a test template and for backups */
  pglite?: PGlite;
  /** the PostgreSQL pool */
  pool?: pg.Pool;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/** What `/metrics` shows of a database: the pool of PostgreSQL, the one-connection queue of PGlite. */
export type DatabaseStats =
  | { kind: 'postgres'; total: number; idle: number; waiting: number }
  | { kind: 'pglite'; pending: number };

const statsOf = new WeakMap<object, () => DatabaseStats>();

/** The pool or queue behind a drizzle database opened here (undefined for one opened elsewhere). */
export function databaseStats(db: Db): DatabaseStats | undefined {
  return statsOf.get(db)?.();
}

// Several app servers may start at once on one PostgreSQL: one migrates, the others wait.
const MIGRATION_LOCK = 0x11a4c1;

export async function openPostgres(
  url: string,
  poolSize = 10,
  applicationName = 'lianxin',
): Promise<Database> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: applicationName,
    // with the database away a request waits this long for a connection, then answers 503
    connectionTimeoutMillis: 5000,
  });
  // An idle connection the server ends (restart, failover, a dropped test database) is removed from
  // the pool, which opens a new one when next needed; unhandled, the event would end the process.
  pool.on('error', (err) => console.warn(`PostgreSQL: idle connection lost (${err.message})`));
  // A connection cut while checked out (a transaction under way) emits 'error' on its client too:
  // the query under way fails (503) and the pool drops the client; unheard, it would end the process.
  pool.on('connect', (client) => {
    client.on('error', (err) => console.warn(`PostgreSQL: connection lost (${err.message})`));
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  statsOf.set(db, () => ({
    kind: 'postgres',
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  }));
  return { db, kind: 'postgres', close: () => pool.end(), pool };
}

/** The embedded database. The caller must hold the folder's lock (db/lock.ts). */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const client = new PGlite(dataDir, loadDataDir ? { loadDataDir } : {});
  // PGlite runs one operation at a time: count those running or waiting their turn
  let pending = 0;
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      pending++;
      try {
        return await original(...args);
      } finally {
        pending--;
      }
    };
  }
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  statsOf.set(db, () => ({ kind: 'pglite', pending }));
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close(), pglite: client };
}

/**
 * A hot statement prepared once per database: named on PostgreSQL, so each pooled connection parses
 * and plans it once (the statement a request runs every time: the session read, a write's one read).
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let q = made.get(db);
    if (!q) {
      q = build(db);
      made.set(db, q);
    }
    return q;
  };
}

/**
 * A raw statement prepared by name (as preparedPerDb): `sql.placeholder`s in it are filled per call
 * (`execute({ … })`; statementRows reads its rows). Built once, prepared per database or transaction.
 */
export function namedStatement(name: string, statement: SQL) {
  const query = new PgDialect().sqlToQuery(statement);
  return preparedPerDb((db) => db._.session.prepareQuery(query, undefined, name, false));
}

/** The rows of a raw statement, as node-postgres (a result with rows) or PGlite answers them. */
export async function statementRows<T>(result: Promise<unknown>): Promise<T[]> {
  const r = (await result) as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}

/** The rows of a raw SQL query, on either database. */
export function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return statementRows<T>(db.execute(query));
}

/** PostgreSQL's unique violation (23505), as node-postgres or PGlite report it. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

/**
 * Whether the database answers. The embedded one at work for this process (an import's one
 * transaction holds it for as long as the import writes) is answering: a `select 1` queued behind
 * that work would report the import's length, not the database's health.
 */
export async function ping(db: Db): Promise<void> {
  const stats = databaseStats(db);
  if (stats?.kind === 'pglite' && stats.pending > 0) return;
  await db.execute(sql`select 1`);
}
