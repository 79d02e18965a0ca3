import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/client.ts';
import { attachmentBlobs, keyRotations } from '../../platform/db/schema.ts';
import { latestRotation } from '../../platform/key-state.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';
import { attachmentObjectName, readPlainFile } from '../activities/attachment-storage.ts';

/**
 * Re-encrypts everything the field key protects under a new key (`npx lianxin rotate-key`):
 * - every `*_enc` column (bytea) of the schema, found in the catalogue, so a table added later is
 *   covered by following the naming; its `*_hash` twin (blind index) is recomputed from the plain value;
 * - every attachment: decrypted, encrypted again and stored under its new keyed name, the old object
 *   removed (plain files from before encryption are encrypted on the way).
 * Each batch commits with its progress in `key_rotations`, so a run stopped anywhere (even SIGKILL)
 * resumes after the last batch committed and never encrypts a value twice. A value that opens only
 * with the new key (which that bookkeeping rules out) is left as it is rather than sealed again.
 * The audit log is not touched: its rows are MAC'd with the audit key, which never rotates; the blind
 * indexes some of them hold stay those of the retired key.
 */

export class RotationRefused extends Error {}

/** A batch worked: the keys done in order (none: the step is over), and what to do once it committed. */
interface Batch {
  keys: string[];
  afterCommit?: () => Promise<void>;
}

type Progress = Record<string, { after: string | null; done: boolean; count: number }>;

interface FieldTable {
  table: string;
  key: string;
  /** encrypted column, and its blind index column if any */
  columns: { enc: string; hash: string | null }[];
}

/** Every encrypted column of the schema, by table, with the table's (one-column) primary key. */
export async function protectedTables(db: Db): Promise<FieldTable[]> {
  const res = (await db.execute(sql`
    SELECT c.table_name AS "table", c.column_name AS enc,
      (SELECT h.column_name FROM information_schema.columns h
        WHERE h.table_schema = 'public' AND h.table_name = c.table_name
          AND h.column_name = left(c.column_name, -4) || '_hash') AS hash,
      (SELECT string_agg(a.attname, ',') FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = format('public.%I', c.table_name)::regclass AND i.indisprimary) AS key
    FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.data_type = 'bytea' AND c.column_name LIKE '%\\_enc'
    ORDER BY c.table_name, c.column_name`)) as unknown as {
    rows: { table: string; enc: string; hash: string | null; key: string | null }[];
  };
  const tables = new Map<string, FieldTable>();
  for (const r of res.rows) {
    if (!r.key || r.key.includes(','))
      throw new Error(`${r.table} needs a one-column primary key to be rotated`);
    const t = tables.get(r.table) ?? { table: r.table, key: r.key, columns: [] };
    t.columns.push({ enc: r.enc, hash: r.hash });
    tables.set(r.table, t);
  }
  return [...tables.values()];
}

export interface RotationResult {
  rotation: string;
  oldKeyId: string;
  newKeyId: string;
  resumed: boolean;
  counts: Record<string, number>;
  /** attachments whose object was found under neither key (already lost before the rotation) */
  missing: string[];
}

interface Options {
  actor: string;
  batchSize: number;
  /** told after each batch committed: the step and the rows done in it so far */
  report(step: string, done: number): void;
}

/** Rotates `p.cipher` (the current key) to `next`, or resumes the rotation between the two under way. */
export async function rotateFieldKey(p: Platform, next: FieldCipher, o: Options): Promise<RotationResult> {
  const old = p.cipher;
  if (old.keyId === next.keyId) throw new RotationRefused('新旧密钥相同 / the new key is the current key');
  const start = await startOrResume(p, next, o.actor);
  const progress = start.progress;
  const missing: string[] = [];
  const batch = async (step: string, work: (tx: Db, after: string | null) => Promise<Batch>) => {
    progress[step] ??= { after: null, done: false, count: 0 };
    const s = progress[step];
    while (!s.done) {
      const done = await inTransaction(p, async (tx) => {
        const b = await work(tx, s.after);
        if (b.keys.length === 0) s.done = true;
        else {
          s.count += b.keys.length;
          s.after = b.keys.at(-1) ?? null;
        }
        await tx.update(keyRotations).set({ progress }).where(eq(keyRotations.id, start.id));
        return b;
      });
      await done.afterCommit?.();
      o.report(step, s.count);
    }
  };

  for (const t of await protectedTables(p.db)) {
    await batch(`table:${t.table}`, async (tx, after) => ({
      keys: await rotateRows(tx, t, after, o.batchSize, old, next),
    }));
  }
  await batch('attachments', async (tx, after) => {
    const res = (await tx.execute(
      sql`SELECT DISTINCT sha256 FROM attachments WHERE ${after === null ? sql`true` : sql`sha256 > ${after}`}
          ORDER BY sha256 LIMIT ${o.batchSize}`,
    )) as unknown as { rows: { sha256: string }[] };
    const keys = res.rows.map((r) => r.sha256);
    for (const sha256 of keys) {
      if ((await rotateContent(p, tx, sha256, old, next)) === 'missing') missing.push(sha256);
    }
    // files are not transactional: the old ones go once the batch committed (a kill in between leaves
    // them to removeOrphans)
    const afterCommit = async () => {
      if (p.attachmentStore.kind === 'folder')
        await removeFolderObjects(
          p,
          keys.flatMap((sha256) => [attachmentObjectName(old, sha256), sha256]),
        );
    };
    return { keys, afterCommit };
  });
  await removeOrphans(p, next);

  const counts = Object.fromEntries(Object.entries(progress).map(([k, v]) => [k, v.count]));
  await inTransaction(p, async (tx) => {
    await tx
      .update(keyRotations)
      .set({ progress, finishedAt: p.clock.now() })
      .where(eq(keyRotations.id, start.id));
    await p.audit.append(tx, {
      actor: o.actor,
      action: 'key.rotate',
      objectType: 'key_rotation',
      objectId: start.id,
      after: { oldKeyId: old.keyId, newKeyId: next.keyId, counts, missing: missing.length },
    });
  });
  return {
    rotation: start.id,
    oldKeyId: old.keyId,
    newKeyId: next.keyId,
    resumed: start.resumed,
    counts,
    missing,
  };
}

/** The rotation under way between these two keys, or a new one (refused while another is unfinished). */
async function startOrResume(p: Platform, next: FieldCipher, actor: string) {
  const last = await latestRotation(p.db);
  if (last && !last.finishedAt) {
    if (last.oldKeyId !== p.cipher.keyId || last.newKeyId !== next.keyId)
      throw new RotationRefused(
        `另一次轮换（${last.oldKeyId} → ${last.newKeyId}）未完成：请用那两把密钥再运行一次。` +
          ` / Another rotation (${last.oldKeyId} → ${last.newKeyId}) is unfinished: run again with those two keys.`,
      );
    return { id: last.id, progress: last.progress as Progress, resumed: true };
  }
  if (last && last.newKeyId !== p.cipher.keyId)
    throw new RotationRefused(
      `当前密钥（${p.cipher.keyId}）不是本数据库现用的密钥（${last.newKeyId}） / the current key is not this database's key`,
    );
  await assertOpens(p);
  const id = crypto.randomUUID();
  await inTransaction(p, async (tx) => {
    await tx.insert(keyRotations).values({
      id,
      oldKeyId: p.cipher.keyId,
      newKeyId: next.keyId,
      startedBy: actor,
      startedAt: p.clock.now(),
    });
    await p.audit.append(tx, {
      actor,
      action: 'key.rotate.start',
      objectType: 'key_rotation',
      objectId: id,
      after: { oldKeyId: p.cipher.keyId, newKeyId: next.keyId },
    });
  });
  return { id, progress: {} as Progress, resumed: false };
}

/** Before anything is written: the current key must open the data (a wrong one would ruin it). */
async function assertOpens(p: Platform) {
  for (const t of await protectedTables(p.db)) {
    for (const c of t.columns) {
      const res = (await p.db.execute(
        sql`SELECT ${sql.identifier(c.enc)} AS v FROM ${sql.identifier(t.table)} WHERE ${sql.identifier(c.enc)} IS NOT NULL LIMIT 1`,
      )) as unknown as { rows: { v: Uint8Array }[] };
      const v = res.rows[0]?.v;
      if (!v) continue;
      try {
        p.cipher.decrypt(Buffer.from(v));
      } catch {
        throw new RotationRefused(
          '当前密钥解不开数据，未做任何改动 / the current key does not decrypt the data: nothing was changed',
        );
      }
    }
  }
}

/** Opens a value with the old key, or (already rotated) with the new one. */
function open(
  old: FieldCipher,
  next: FieldCipher,
  v: Buffer,
  where: string,
): { plain: string; rotated: boolean } {
  try {
    return { plain: old.decrypt(v), rotated: false };
  } catch {
    try {
      return { plain: next.decrypt(v), rotated: true };
    } catch {
      throw new Error(`${where} opens with neither key`);
    }
  }
}

/** One batch of rows of a table after the key `after`, each updated in place; their keys in order. */
async function rotateRows(
  tx: Db,
  t: FieldTable,
  after: string | null,
  limit: number,
  old: FieldCipher,
  next: FieldCipher,
): Promise<string[]> {
  const id = sql.identifier;
  const res = (await tx.execute(sql`
    SELECT ${id(t.key)}::text AS k, ${sql.join(
      t.columns.map((c) => id(c.enc)),
      sql`, `,
    )} FROM ${id(t.table)}
    WHERE ${after === null ? sql`true` : sql`${id(t.key)}::text > ${after}`}
    ORDER BY ${id(t.key)}::text LIMIT ${limit} FOR UPDATE`)) as unknown as {
    rows: Record<string, Uint8Array | string | null>[];
  };
  for (const row of res.rows) {
    const k = row.k as string;
    const sets = [];
    for (const c of t.columns) {
      const v = row[c.enc];
      if (!v || typeof v === 'string') continue;
      const { plain, rotated } = open(old, next, Buffer.from(v), `${t.table}.${c.enc} of ${k}`);
      if (!rotated) sets.push(sql`${id(c.enc)} = ${next.encrypt(plain)}`);
      if (c.hash) sets.push(sql`${id(c.hash)} = ${next.blindIndex(plain)}`);
    }
    if (sets.length > 0)
      await tx.execute(
        sql`UPDATE ${id(t.table)} SET ${sql.join(sets, sql`, `)} WHERE ${id(t.key)}::text = ${k}`,
      );
  }
  return res.rows.map((r) => r.k as string);
}

/** One content: stored anew under the new key's name; in the database the old object goes in the same transaction. */
async function rotateContent(p: Platform, tx: Db, sha256: string, old: FieldCipher, next: FieldCipher) {
  const store = p.attachmentStore;
  const oldName = attachmentObjectName(old, sha256);
  const newName = attachmentObjectName(next, sha256);
  const sealed = await store.get(tx, oldName);
  const plain = sealed ? old.decryptBytes(sealed) : await readPlainFile(p, sha256);
  if (!plain) return (await store.get(tx, newName)) ? 'rotated' : 'missing';
  await store.put(tx, newName, next.encryptBytes(plain));
  if (store.kind === 'postgres') await store.delete(tx, oldName);
  return 'rotated';
}

async function removeFolderObjects(p: Platform, names: string[]) {
  for (const name of names)
    await fs.promises.rm(path.join(p.config.dataDir, 'attachments', name), { force: true });
}

/**
 * Objects no attachment refers to any more (a crash between a deletion's commit and the object's
 * removal leaves one): under the retired key no one could read them, so they go. Servers are
 * stopped during a rotation, so no upload is between its object and its row.
 */
async function removeOrphans(p: Platform, next: FieldCipher) {
  const res = (await p.db.execute(sql`SELECT DISTINCT sha256 FROM attachments`)) as unknown as {
    rows: { sha256: string }[];
  };
  const keep = new Set(res.rows.map((r) => attachmentObjectName(next, r.sha256)));
  if (p.attachmentStore.kind === 'postgres') {
    const names = await p.db.select({ name: attachmentBlobs.name }).from(attachmentBlobs);
    for (const { name } of names) if (!keep.has(name)) await p.attachmentStore.delete(p.db, name);
    return;
  }
  const folder = path.join(p.config.dataDir, 'attachments');
  const files = fs.existsSync(folder) ? await fs.promises.readdir(folder) : [];
  await removeFolderObjects(
    p,
    files.filter((f) => /^[0-9a-f]{64}$/.test(f) && !keep.has(f)),
  );
}
