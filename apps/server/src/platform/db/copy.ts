import type { PGlite, Transaction } from '@electric-sql/pglite';
import { NodePgSession } from 'drizzle-orm/node-postgres';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { PgliteSession } from 'drizzle-orm/pglite';
import type pg from 'pg';
import type { Db } from './client.ts';

/**
 * `COPY … FROM STDIN` of rows into a table through drizzle's own connection, so the rows join the
 * transaction under way: a bulk insert at the database's own loading speed (about half the
 * database's work of the same rows unpacked from a jsonb parameter, and a third of the JSON
 * building). Drizzle has no COPY, so the connection is taken from its session: the pg client a
 * transaction holds, or PGlite (whose COPY reads a Blob). `copyRows` answers false when it has no
 * such connection (a pool outside a transaction): the caller then inserts another way.
 */

type Row = Record<string, unknown>;

// the rows of one COPY data message (PostgreSQL) or one COPY statement (PGlite, which holds the
// event loop while it runs: a chunk keeps that to a fraction of a second)
const CHUNK = 10_000;

type Raw = { kind: 'pg'; client: pg.PoolClient } | { kind: 'pglite'; client: PGlite | Transaction };

function rawConnection(db: Db): Raw | undefined {
  const session = (db as unknown as { session?: unknown }).session;
  const client = (session as { client?: unknown } | undefined)?.client;
  if (session instanceof PgliteSession) return { kind: 'pglite', client: client as PGlite | Transaction };
  // outside a transaction the session holds the pool: no connection of its own
  if (session instanceof NodePgSession && typeof (client as pg.PoolClient).release === 'function')
    return { kind: 'pg', client: client as pg.PoolClient };
  return undefined;
}

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY's text format, after drizzle's own mapping of the column (jsonb, numeric…). */
function field(column: PgColumn, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const v = column.mapToDriverValue(value);
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (typeof v === 'string') s = v;
  else if (Buffer.isBuffer(v) || v instanceof Uint8Array) s = `\\x${Buffer.from(v).toString('hex')}`;
  else if (v instanceof Date) s = v.toISOString();
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  return SPECIAL.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] as string) : s;
}

function encode(columns: [string, PgColumn][], rows: Row[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const r = rows[i] as Row;
    let line = '';
    for (let j = 0; j < columns.length; j++) {
      const [key, column] = columns[j] as [string, PgColumn];
      line += (j === 0 ? '' : '\t') + field(column, r[key]);
    }
    out += `${line}\n`;
  }
  return out;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inserts `rows` into `table`, setting the columns of `keys` (drizzle's property names; the others
 * take their defaults). `step(n)`: n more rows sent. False when `db` offers no connection to COPY on.
 */
export async function copyRows(
  db: Db,
  table: PgTable,
  keys: string[],
  rows: Row[],
  step?: (rows: number) => void,
): Promise<boolean> {
  const raw = rawConnection(db);
  if (!raw) return false;
  if (rows.length === 0) return true;
  const config = getTableConfig(table);
  const byKey = table as unknown as Record<string, PgColumn>;
  const columns = keys.map((k) => [k, byKey[k] as PgColumn] as [string, PgColumn]);
  const target = `"${config.schema ? `${config.schema}"."` : ''}${config.name}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')})`;
  const chunks = async function* () {
    for (let from = 0; from < rows.length; from += CHUNK) {
      const to = Math.min(rows.length, from + CHUNK);
      yield { text: encode(columns, rows, from, to), rows: to - from };
    }
  };
  if (raw.kind === 'pglite') {
    for await (const chunk of chunks()) {
      await raw.client.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([chunk.text]) });
      step?.(chunk.rows);
      await pause();
    }
  } else await copyFromStdin(raw.client, `copy ${target} from stdin`, chunks(), step);
  return true;
}

/**
 * node-postgres speaks the COPY sub-protocol to a query object that answers its messages (as the
 * pg-copy-streams package does): the chunks go as CopyData, the socket's buffer drained between
 * them and the event loop left to others. An error from the server (a constraint, the connection
 * lost) ends the sending and rejects; the server drops whatever data was still on its way.
 */
function copyFromStdin(
  client: pg.PoolClient,
  text: string,
  chunks: AsyncIterable<{ text: string; rows: number }>,
  step?: (rows: number) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let failed: unknown;
    const fail = (e: unknown) => {
      if (failed === undefined) failed = e ?? new Error('COPY failed');
      reject(failed);
    };
    type Connection = {
      query(text: string): void;
      sendCopyFromChunk(chunk: Buffer): void;
      endCopyFrom(): void;
      sendCopyFail(message: string): void;
      stream: NodeJS.WritableStream & { writableNeedDrain?: boolean; writable: boolean };
    };
    const send = async (con: Connection) => {
      try {
        for await (const chunk of chunks) {
          if (failed !== undefined) return;
          con.sendCopyFromChunk(Buffer.from(chunk.text));
          if (con.stream.writableNeedDrain)
            await new Promise<void>((done) => {
              con.stream.once('drain', done);
              con.stream.once('close', done);
            });
          step?.(chunk.rows);
          await pause();
        }
        if (failed === undefined) con.endCopyFrom();
      } catch (e) {
        // the rows could not be encoded: the server abandons the COPY and answers with an error
        con.sendCopyFail(e instanceof Error ? e.message : String(e));
        fail(e);
      }
    };
    const query = {
      submit: (con: Connection) => con.query(text),
      handleCopyInResponse: (con: Connection) => void send(con),
      handleError: fail,
      handleReadyForQuery: () => (failed === undefined ? resolve() : reject(failed)),
      handleCommandComplete() {},
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    client.query(query as unknown as pg.QueryConfig);
  });
}
