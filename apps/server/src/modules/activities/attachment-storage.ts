import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { folderStore } from '../../platform/attachment-store.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/client.ts';
import { attachments } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';

/**
 * Attachments' bytes at rest: encrypted whole with the field cipher and named by a keyed hash, so
 * neither the content nor whether a known file is held shows in the store. The name is the HMAC of
 * the content's SHA-256, which each attachment row keeps (the API answers it), so a row leads to its
 * object without a second column. Files stored before encryption sit in the folder plain, named by
 * that SHA-256: they are still read, and removed like the others.
 */

export const contentDigest = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** The stored object's name of a content under a key (rotate-key renames every object). */
export const attachmentObjectName = (cipher: FieldCipher, sha256: string) =>
  cipher.objectName(`attachment:${sha256}`);
const objectName = (p: Platform, sha256: string) => attachmentObjectName(p.cipher, sha256);

// One lock per content (two-key advisory locks are apart from the audit chain's one-key lock).
const CONTENT_LOCK = 0x11a4c2;
export const lockContent = (tx: Db, sha256: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(${CONTENT_LOCK}, hashtext(${sha256}))`);

/** Stores the content in the caller's transaction, which must hold the content's lock. */
export async function putContent(p: Platform, tx: Db, sha256: string, data: Buffer) {
  await p.attachmentStore.put(tx, objectName(p, sha256), p.cipher.encryptBytes(data));
}

/** The plain bytes of a content, or null when neither its object nor a file from before is found. */
export async function readContent(p: Platform, sha256: string): Promise<Buffer | null> {
  const sealed = await p.attachmentStore.get(p.db, objectName(p, sha256));
  if (sealed) return p.cipher.decryptBytes(sealed);
  return readPlainFile(p, sha256);
}

/** A file from before encryption: plain, and one only if its bytes hash to its name. */
export async function readPlainFile(p: Platform, sha256: string): Promise<Buffer | null> {
  const legacy = await folderStore(p.config).get(p.db, sha256);
  return legacy && contentDigest(legacy) === sha256 ? legacy : null;
}

/**
 * Removes the stored objects of contents no attachment row refers to any more. Called after the
 * transaction that deleted rows has committed, never inside it: a file removed inside a transaction
 * that then rolls back could not be brought back. Each content is re-checked under its lock, which
 * an upload holds from before it looks for the object until its row is committed; so a concurrent
 * upload of the same content either committed its row first (and the object stays) or writes the
 * object again after the removal. A sweep of old unreferenced objects would keep deleted personal
 * data on disk for its grace period and needs a timer on every app server; this is exact at once.
 * A crash between the commit and this call leaves an orphan, which the next upload of the same
 * content reuses.
 */
export async function releaseContents(p: Platform, sha256s: Iterable<string>) {
  for (const sha256 of new Set(sha256s)) {
    await inTransaction(p, async (tx) => {
      await lockContent(tx, sha256);
      const [used] = await tx
        .select({ id: attachments.id })
        .from(attachments)
        .where(eq(attachments.sha256, sha256))
        .limit(1);
      if (used) return;
      await p.attachmentStore.delete(tx, objectName(p, sha256));
      await folderStore(p.config).delete(tx, sha256);
    });
  }
}
