import { desc } from 'drizzle-orm';
import type { FieldCipher } from './crypto.ts';
import type { Db } from './db/client.ts';
import { keyRotations } from './db/schema.ts';

/** The configured field key does not open this database's data (the process stops before serving). */
export class KeyStateError extends Error {
  override name = 'KeyStateError';
}

export const latestRotation = async (db: Db) =>
  (await db.select().from(keyRotations).orderBy(desc(keyRotations.startedAt)).limit(1))[0];

/**
 * Checked at every start (server and commands): no process works on data half re-encrypted, and none
 * with the key a rotation retired (it would write values no one else could read). Before the first
 * rotation nothing records the key; a wrong one then shows at the first decryption.
 */
export async function assertKeyCurrent(db: Db, cipher: FieldCipher) {
  const last = await latestRotation(db);
  if (!last) return;
  if (!last.finishedAt) {
    throw new KeyStateError(
      `密钥轮换未完成（${last.oldKeyId} → ${last.newKeyId}）：请用同样的密钥再次运行 npx lianxin rotate-key 完成它。` +
        ` / A key rotation (${last.oldKeyId} → ${last.newKeyId}) is unfinished: run npx lianxin rotate-key again with the same keys.`,
    );
  }
  if (last.newKeyId !== cipher.keyId) {
    throw new KeyStateError(
      `给出的加密密钥（${cipher.keyId}）不是本数据库现用的密钥（${last.newKeyId}，${last.finishedAt.toISOString()} 轮换）。` +
        ` / The field key given (${cipher.keyId}) is not this database's key (${last.newKeyId}, rotated ${last.finishedAt.toISOString()}).`,
    );
  }
}
