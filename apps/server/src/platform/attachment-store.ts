import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { attachmentBlobs } from './db/schema.ts';

/**
 * Where attachments' bytes live (decision 20): with PostgreSQL in a table, which every app server
 * sharing the database sees (issue 16); with the embedded database in its folder. Objects are opaque
 * to the store: the caller names them (a keyed hash) and encrypts them, and one name always holds
 * the same content, so a put of a name already there changes nothing.
 */
export interface AttachmentStore {
  readonly kind: 'folder' | 'postgres';
  /** stores the object unless it is there; in the caller's transaction where the store is the database */
  put(tx: Db, name: string, data: Buffer): Promise<void>;
  get(db: Db, name: string): Promise<Buffer | null>;
  delete(tx: Db, name: string): Promise<void>;
}

// names are hex digests: nothing else may become a path
function checkedName(name: string): string {
  if (!/^[0-9a-f]{64}$/.test(name)) throw new Error(`not an attachment object name: ${name}`);
  return name;
}

/** Files under `<data>/attachments`, for the embedded database (one process owns the folder). */
export function folderStore(config: Config): AttachmentStore {
  // read at each call: a test points the data folder elsewhere after the platform is made
  const file = (name: string) => path.join(config.dataDir, 'attachments', checkedName(name));
  return {
    kind: 'folder',
    async put(_tx, name, data) {
      const target = file(name);
      if (fs.existsSync(target)) return;
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // written aside, then renamed into place: a reader never sees half a file
      const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, data, { mode: 0o600 });
      await fs.promises.rename(tmp, target);
    },
    async get(_db, name) {
      try {
        return await fs.promises.readFile(file(name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(_tx, name) {
      await fs.promises.rm(file(name), { force: true });
    },
  };
}

/** Rows of `attachment_blobs`, written and removed in the caller's transaction. */
export function postgresStore(): AttachmentStore {
  return {
    kind: 'postgres',
    async put(tx, name, data) {
      await tx
        .insert(attachmentBlobs)
        .values({ name: checkedName(name), data })
        .onConflictDoNothing();
    },
    async get(db, name) {
      const [row] = await db
        .select({ data: attachmentBlobs.data })
        .from(attachmentBlobs)
        .where(eq(attachmentBlobs.name, checkedName(name)));
      return row?.data ?? null;
    },
    async delete(tx, name) {
      await tx.delete(attachmentBlobs).where(eq(attachmentBlobs.name, checkedName(name)));
    },
  };
}

export const attachmentStoreFor = (kind: Database['kind'], config: Config): AttachmentStore =>
  kind === 'postgres' ? postgresStore() : folderStore(config);
