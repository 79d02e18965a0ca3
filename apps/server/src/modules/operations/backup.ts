import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Database } from '../../platform/db/client.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { fromLocalhost } from './metrics.ts';

/**
 * Backups (`npx lianxin backup`, `restore`, and the server's daily ones). One file, gzip'd JSON lines
 * (`lianxin-backup/1`): a header naming the kind, then the content, then an end line with the counts
 * (a file cut short is refused). Never a key: the keys stay where the operator keeps them and a restore
 * asks for them.
 * - embedded (PGlite): the database folder as PGlite dumps it (`dumpDataDir`), taken while no
 *   transaction is open and nothing else runs, then the attachments' files (`<data>/attachments`).
 * - PostgreSQL: every table of the schema `public` (attachments included: they live in a table),
 *   read in one REPEATABLE READ snapshot, parents before children.
 */
export const FORMAT = 'lianxin-backup/1';

export interface BackupHeader {
  format: typeof FORMAT;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  /** migrations applied in the database backed up: a restore needs the same code */
  migrations: number;
}

type Line =
  | BackupHeader
  | { pgdata: string }
  | { attachment: string; data: string }
  | { t: string; r: Record<string, unknown> }
  | { end: true; counts: Record<string, number> };

/** A writer of lines into a gzip stream ending in `out`. */
function lineWriter(out: NodeJS.WritableStream) {
  const gzip = zlib.createGzip();
  const done = pipeline(gzip, out);
  return {
    async write(line: Line) {
      if (!gzip.write(`${JSON.stringify(line)}\n`)) await new Promise((r) => gzip.once('drain', r));
    },
    async end() {
      gzip.end();
      await done;
    },
  };
}

const MIGRATIONS = `SELECT count(*) AS n FROM drizzle.__drizzle_migrations`;
const CHUNK = 1 << 20;
const ATTACHMENT_NAME = /^[0-9a-f]{64}$/;

// ---- embedded ----

/** The embedded database and its attachments, consistent: taken between transactions. */
export async function backupEmbedded(client: PGlite, dataDir: string, out: NodeJS.WritableStream) {
  const w = lineWriter(out);
  let attachments = 0;
  // Inside a transaction of its own: PGlite runs one at a time and every other query waits for its
  // end (query() and exec() take the same turn), so the folder dumped holds no half-done work.
  const { tar, migrations, files } = await client.transaction(async (tx) => {
    await tx.exec('CHECKPOINT');
    const res = await tx.query<{ n: string | number }>(MIGRATIONS);
    const migrations = Number(res.rows[0]?.n ?? 0);
    const tar = await client.dumpDataDir('none');
    // attachments are written before their record commits and removed after: read them in the
    // same quiet moment, so that every file a record names is there
    const folder = path.join(dataDir, 'attachments');
    const files: { name: string; data: Buffer }[] = [];
    for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
      if (!ATTACHMENT_NAME.test(name)) continue;
      files.push({ name, data: await fs.promises.readFile(path.join(folder, name)) });
    }
    return { tar, migrations, files };
  });
  await w.write({ format: FORMAT, kind: 'pglite', createdAt: new Date().toISOString(), migrations });
  const bytes = Buffer.from(await tar.arrayBuffer());
  for (let i = 0; i < bytes.length; i += CHUNK) {
    await w.write({ pgdata: bytes.subarray(i, i + CHUNK).toString('base64') });
  }
  for (const f of files) {
    await w.write({ attachment: f.name, data: f.data.toString('base64') });
    attachments++;
  }
  const counts = { pgdataBytes: bytes.length, attachments };
  await w.write({ end: true, counts });
  await w.end();
  return counts;
}

async function migrationCount(client: pg.ClientBase): Promise<number> {
  const res = await client.query<{ n: string }>(MIGRATIONS);
  return Number(res.rows[0]?.n ?? 0);
}

// ---- PostgreSQL ----

/** The tables of `public`, each after the tables it refers to (self-references aside). */
async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    )
  ).rows.map((r) => r.name);
  const refs = (
    await client.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
    )
  ).rows;
  const order: string[] = [];
  const placed = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (placed.has(t)) return;
    if (path.has(t)) throw new Error(`foreign keys form a cycle through ${t}`);
    path.add(t);
    for (const r of refs) if (r.child === t) visit(r.parent, path);
    path.delete(t);
    placed.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

/** Every table of the PostgreSQL database, in one snapshot. */
export async function backupPostgres(url: string, out: NodeJS.WritableStream) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const w = lineWriter(out);
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await migrationCount(client);
    await w.write({ format: FORMAT, kind: 'postgres', createdAt: new Date().toISOString(), migrations });
    for (const table of await tablesInOrder(client)) {
      counts[table] = 0;
      const cursor = `lx_backup_${table}`;
      await client.query(
        `DECLARE ${pg.escapeIdentifier(cursor)} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${pg.escapeIdentifier(table)} t`,
      );
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH 500 FROM ${pg.escapeIdentifier(cursor)}`);
        if (rows.length === 0) break;
        for (const row of rows) await w.write({ t: table, r: JSON.parse(row.j) });
        counts[table] += rows.length;
      }
      await client.query(`CLOSE ${pg.escapeIdentifier(cursor)}`);
    }
    await client.query('COMMIT');
    await w.write({ end: true, counts });
    await w.end();
    return counts;
  } finally {
    await client.end();
  }
}

// ---- reading ----

export class BackupRejected extends Error {}

/** The lines of a backup file, the header checked first and the end line last. */
async function* readBackup(file: string): AsyncGenerator<Line> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  let ended = false;
  try {
    for await (const text of lines) {
      if (!text) continue;
      const line = JSON.parse(text) as Line;
      if (first && (line as BackupHeader).format !== FORMAT)
        throw new BackupRejected(`${file} is not a ${FORMAT} file / 不是连心备份文件`);
      first = false;
      if ('end' in line) ended = true;
      yield line;
    }
  } catch (e) {
    if (e instanceof BackupRejected) throw e;
    throw new BackupRejected(`${file} cannot be read: ${(e as Error).message} / 备份文件无法读取`);
  }
  if (!ended) throw new BackupRejected(`${file} is cut short (no end line) / 备份文件不完整`);
}

export async function readHeader(file: string): Promise<BackupHeader> {
  for await (const line of readBackup(file)) return line as BackupHeader;
  throw new BackupRejected(`${file} is empty / 备份文件为空`);
}

/** Restores an embedded backup into `dataDir`, which must be empty (its lock held by the caller). */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  open: (dir: string, dump: Blob) => Promise<Database>,
) {
  const chunks: Buffer[] = [];
  const folder = path.join(dataDir, 'attachments');
  let attachments = 0;
  for await (const line of readBackup(file)) {
    if ('format' in line && line.kind !== 'pglite')
      throw new BackupRejected('a PostgreSQL backup: restore it with DATABASE_URL / 这是 PostgreSQL 备份');
    if ('pgdata' in line) chunks.push(Buffer.from(line.pgdata, 'base64'));
    if ('attachment' in line) {
      if (!ATTACHMENT_NAME.test(line.attachment))
        throw new BackupRejected(`bad attachment name ${line.attachment}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, line.attachment), Buffer.from(line.data, 'base64'), { mode: 0o600 });
      attachments++;
    }
  }
  const database = await open(path.join(dataDir, 'pg'), new Blob([Buffer.concat(chunks)]));
  await database.close();
  return { attachments };
}

/** Restores a PostgreSQL backup into an empty database: migrated, then every row, in one transaction. */
export async function restorePostgres(file: string, url: string, migrate: (url: string) => Promise<void>) {
  const header = await readHeader(file);
  if (header.kind !== 'postgres')
    throw new BackupRejected('an embedded backup: restore it without DATABASE_URL / 这是嵌入式数据库备份');
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  try {
    const { rows } = await check.query<{ n: string }>(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    if (Number(rows[0]?.n) > 0)
      throw new BackupRejected(
        'the database is not empty: restore into a new, empty one / 目标数据库不是空的',
      );
  } finally {
    await check.end();
  }
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    const migrations = await migrationCount(client);
    if (migrations !== header.migrations)
      throw new BackupRejected(
        `the backup has ${header.migrations} migrations, this version ${migrations}: restore with the version that made it, then upgrade / 备份与程序版本不一致`,
      );
    const selfReferencing = new Set(
      (
        await client.query<{ name: string }>(
          `SELECT c.relname AS name FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE k.contype = 'f' AND k.conrelid = k.confrelid`,
        )
      ).rows.map((r) => r.name),
    );
    await client.query('BEGIN');
    let table = '';
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const t = pg.escapeIdentifier(table);
      // one statement per batch: a foreign key is checked at its end, so the order inside it is free
      await client.query(
        `INSERT INTO ${t} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${t}, $1::json)`,
        [JSON.stringify(batch)],
      );
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    for await (const line of readBackup(file)) {
      if (!('t' in line)) continue;
      if (line.t !== table) {
        await flush();
        table = line.t;
        // the backup's rows replace those migrating put there (the audit chain's head)
        await client.query(`DELETE FROM ${pg.escapeIdentifier(table)}`);
      }
      batch.push(line.r);
      // a table that refers to itself goes in one statement, whatever its size
      if (batch.length >= 500 && !selfReferencing.has(table)) await flush();
    }
    await flush();
    // sequences continue after the rows restored
    const serials = await client.query<{ tbl: string; col: string; seq: string }>(
      `SELECT c.table_name AS tbl, c.column_name AS col, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq
         FROM information_schema.columns c WHERE c.table_schema = 'public'
          AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`,
    );
    for (const s of serials.rows) {
      await client.query(
        `SELECT setval($1, COALESCE((SELECT max(${pg.escapeIdentifier(s.col)}) FROM ${pg.escapeIdentifier(s.tbl)}), 0) + 1, false)`,
        [s.seq],
      );
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  return counts;
}

// ---- the server's part ----

/** The file naming the token a local `npx lianxin backup` shows the server that owns the folder. */
export const tokenFile = (dataDir: string) => path.join(dataDir, 'operations.token');

/**
 * `POST /operations/backup`: the embedded database's backup, streamed, for `npx lianxin backup` on
 * this machine (localhost, and the token the server wrote into its data folder, readable by its
 * owner only). The token file goes with the server's stop.
 */
export function installBackupRoute(app: FastifyInstance, runtime: Runtime): () => void {
  const client = runtime.database.pglite;
  const dataDir = runtime.config.dataDir;
  if (!client) return () => {};
  const token = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(tokenFile(dataDir), token, { mode: 0o600 });
  const expected = crypto.createHash('sha256').update(token).digest();
  app.post('/operations/backup', { schema: { hide: true } }, async (request, reply) => {
    const auth = request.headers.authorization ?? '';
    const given = crypto
      .createHash('sha256')
      .update(auth.replace(/^Bearer /, ''))
      .digest();
    if (!fromLocalhost(request)) return reply.code(404).send();
    if (!crypto.timingSafeEqual(given, expected)) return reply.code(403).send();
    reply.header('Content-Type', 'application/gzip');
    reply.header('Cache-Control', 'no-store');
    const { PassThrough } = await import('node:stream');
    const body = new PassThrough();
    backupEmbedded(client, dataDir, body).catch((e) => {
      request.log.error({ err: e }, 'backup failed');
      body.destroy(e);
    });
    return reply.send(body);
  });
  return () => fs.rmSync(tokenFile(dataDir), { force: true });
}

/** Daily backups of the embedded database into `dir`, the `keep` newest kept; one at start-up. */
export function scheduleBackups(
  runtime: Runtime,
  dir: string,
  keep: number,
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
) {
  const client = runtime.database.pglite;
  let running: Promise<void> | null = null;
  let stopped = false;
  const once = async () => {
    if (!client || stopped) return;
    fs.mkdirSync(dir, { recursive: true });
    const name = `lianxin-${new Date().toISOString().replace(/[:.]/g, '-')}.lxbak`;
    const partial = path.join(dir, `.${name}.partial`);
    const started = Date.now();
    try {
      await backupEmbedded(client, runtime.config.dataDir, fs.createWriteStream(partial, { mode: 0o600 }));
      fs.renameSync(partial, path.join(dir, name));
      const all = fs
        .readdirSync(dir)
        .filter((f) => /^lianxin-.*\.lxbak$/.test(f))
        .sort();
      for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(path.join(dir, old));
      log.info({ file: path.join(dir, name), ms: Date.now() - started }, 'backup written / 已备份');
    } catch (e) {
      fs.rmSync(partial, { force: true });
      log.error({ err: e }, 'scheduled backup failed / 定时备份失败');
    }
  };
  const run = () => {
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  };
  const DAY = 24 * 60 * 60 * 1000;
  const first = setTimeout(run, 5_000);
  const daily = setInterval(run, DAY);
  first.unref();
  daily.unref();
  return {
    run,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(daily);
      await running;
    },
  };
}
