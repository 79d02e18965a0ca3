import fs from 'node:fs';
import path from 'node:path';
import type { FileCommand } from './commands.ts';
import { RejectedError, UsageError } from './errors.ts';

const USAGE = '用法 / usage: npx lianxin rotate-key --new-key-file FILE [--batch-size N]';

/**
 * `npx lianxin rotate-key --new-key-file FILE`: every protected field and attachment re-encrypted
 * under the key in FILE (generated there when FILE does not exist). The current key is the one the
 * server reads (LIANXIN_KEY_FILE, LIANXIN_KEY, or the embedded folder's secret.key). Run it with the
 * app servers stopped; stopped itself, run it again with the same keys and it finishes.
 * At the end the current key file holds the new key (so no setting changes) and the retired key is
 * kept beside it as `<file>.retired-<time>`: the backups made before need it.
 */
export const rotateKeyCommand: FileCommand = {
  summary:
    '把全部加密字段和附件改用新密钥加密，中断后再运行即续做 / re-encrypt everything under a new key (--new-key-file FILE), resumable',
  options: { 'new-key-file': { type: 'string' }, 'batch-size': { type: 'string' } },
  database: false,
  async run({ values, positionals, actorName }) {
    const newFile = typeof values['new-key-file'] === 'string' ? path.resolve(values['new-key-file']) : '';
    const batchSize = Number(values['batch-size'] ?? 200);
    if (!newFile || positionals.length > 0 || !Number.isInteger(batchSize) || batchSize < 1)
      throw new UsageError(USAGE);
    const { loadConfig } = await import('../platform/config.ts');
    const config = loadConfig();
    // the file the current key is read from (none when given inline in LIANXIN_KEY)
    const keyFile = config.key
      ? undefined
      : path.resolve(config.keyFile ?? path.join(config.dataDir, 'secret.key'));
    if (newFile === keyFile)
      throw new UsageError(
        `--new-key-file 不能是现用的密钥文件 / must not be the current key file\n${USAGE}`,
      );
    const { createFieldCipher, readKeyFile, writeNewKeyFile } = await import('../platform/crypto.ts');
    const generated = !fs.existsSync(newFile);
    if (generated) writeNewKeyFile(newFile);
    const next = createFieldCipher(config.cipher, readKeyFile(newFile));

    const { openRuntime } = await import('../platform/runtime.ts');
    const runtime = await openRuntime('lianxin rotate-key', config, undefined, { checkKey: false });
    let result: unknown;
    try {
      const p = runtime.platform;
      await refuseWhileServersRun(runtime);
      if (p.cipher.keyId === next.keyId) {
        // the key file already holds the new key: only the staging file was left
        fs.rmSync(newFile);
        return { keyId: next.keyId, rotated: false, message: '已是新密钥 / already under this key' };
      }
      const { latestRotation } = await import('../platform/key-state.ts');
      const last = await latestRotation(p.db);
      if (last?.finishedAt && last.oldKeyId === p.cipher.keyId && last.newKeyId === next.keyId) {
        result = { rotation: last.id, oldKeyId: last.oldKeyId, newKeyId: last.newKeyId, resumed: true };
      } else {
        const { rotateFieldKey, RotationRefused } = await import('../modules/operations/rotate-key.ts');
        result = await rotateFieldKey(p, next, {
          actor: actorName,
          batchSize,
          report: (step, done) => process.stderr.write(`rotate-key: ${step} ${done}\n`),
        }).catch((e) => {
          throw e instanceof RotationRefused ? new RejectedError(e.message) : e;
        });
      }
    } finally {
      await runtime.close();
    }
    return { ...(result as object), generatedNewKey: generated, ...installNewKey(keyFile, newFile) };
  },
};

/** On PostgreSQL, app servers name their connections: none may write under the old key meanwhile. */
async function refuseWhileServersRun(runtime: import('../platform/runtime.ts').Runtime) {
  if (runtime.platform.dbKind !== 'postgres') return; // the embedded folder is locked to this process
  const { sql } = await import('drizzle-orm');
  const { SERVER_APPLICATION } = await import('../platform/runtime.ts');
  const res = (await runtime.platform.db.execute(
    sql`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = ${SERVER_APPLICATION}`,
  )) as unknown as { rows: { n: number }[] };
  const n = res.rows[0]?.n ?? 0;
  if (n > 0)
    throw new RejectedError(
      `还有连心服务连着数据库（${n} 个连接）：请先停止所有应用服务器 / ${n} connections of app servers: stop every app server first`,
    );
}

/** The current key file gets the new key (written aside, renamed into place); the retired one is kept beside it. */
function installNewKey(keyFile: string | undefined, newFile: string) {
  if (!keyFile) {
    return {
      keyFile: newFile,
      next: `LIANXIN_KEY 仍是旧密钥：请改为 ${newFile} 的内容 / set LIANXIN_KEY to the content of ${newFile}`,
    };
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const retired = `${keyFile}.retired-${stamp}`;
  fs.copyFileSync(keyFile, retired, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(retired, 0o600);
  const partial = `${keyFile}.partial`;
  fs.copyFileSync(newFile, partial);
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, keyFile);
  fs.rmSync(newFile);
  return {
    keyFile,
    retiredKeyFile: retired,
    next:
      `${keyFile} 现为新密钥；其他应用服务器的密钥文件也要换成它。旧密钥存于 ${retired}：轮换前的备份要用它恢复，请与那些备份一起保管，备份过期后销毁。` +
      ` / ${keyFile} now holds the new key (copy it to every app server). The retired key is in ${retired}: backups made before need it.`,
  };
}
