import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileCommand } from './commands.ts';
import { RejectedError, UsageError } from './errors.ts';

/** A file written aside and renamed into place when complete, readable by its owner only. */
async function writeWhole(file: string, write: (out: fs.WriteStream) => Promise<unknown>) {
  const partial = `${file}.partial`;
  try {
    await write(fs.createWriteStream(partial, { mode: 0o600 }));
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** `npx lianxin backup --out FILE`: everything but the keys, consistent, from a live server too. */
export const backupCommand: FileCommand = {
  summary: '备份全部数据（不含密钥），服务运行中也可 / back up everything but the keys (--out FILE)',
  options: { out: { type: 'string' } },
  database: false,
  async run({ values, positionals }) {
    const out = typeof values.out === 'string' ? path.resolve(values.out) : '';
    if (!out || positionals.length > 0) throw new UsageError('用法 / usage: npx lianxin backup --out FILE');
    const { loadConfig } = await import('../platform/config.ts');
    const backup = await import('../modules/operations/backup.ts');
    const config = loadConfig();
    if (config.databaseUrl) {
      const url = config.databaseUrl;
      let counts = {};
      await writeWhole(out, async (stream) => {
        counts = await backup.backupPostgres(url, stream);
      });
      return { file: out, kind: 'postgres', counts };
    }
    const { alive, lockDataDir, readLockOwner } = await import('../platform/db/lock.ts');
    const owner = readLockOwner(config.dataDir);
    if (owner && alive(owner) && owner.command === 'server' && owner.port) {
      // a server owns the folder: it takes the backup, between two of its transactions
      let token: string;
      try {
        token = fs.readFileSync(backup.tokenFile(config.dataDir), 'utf8').trim();
      } catch {
        throw new RejectedError(
          `服务进程 ${owner.pid} 正在使用数据目录，但无法读取其令牌（请以服务的系统用户运行） / cannot read the server's token: run as the server's user`,
        );
      }
      const res = await fetch(`http://127.0.0.1:${owner.port}/operations/backup`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok || !res.body)
        throw new RejectedError(`服务拒绝备份 / the server refused the backup: HTTP ${res.status}`);
      const body = res.body;
      await writeWhole(out, (stream) => pipeline(body as unknown as NodeJS.ReadableStream, stream));
      const header = await backup.readHeader(out);
      return { file: out, kind: header.kind, from: `server ${owner.pid}` };
    }
    const release = lockDataDir(config.dataDir, 'lianxin backup');
    try {
      if (!fs.existsSync(path.join(config.dataDir, 'pg')))
        throw new RejectedError(`${config.dataDir} 中没有数据库 / no database in ${config.dataDir}`);
      const { openPglite } = await import('../platform/db/client.ts');
      const database = await openPglite(path.join(config.dataDir, 'pg'));
      const client = database.pglite;
      let counts = {};
      try {
        if (!client) throw new Error('no embedded client');
        await writeWhole(out, async (stream) => {
          counts = await backup.backupEmbedded(client, config.dataDir, stream);
        });
      } finally {
        await database.close();
      }
      return { file: out, kind: 'pglite', counts };
    } finally {
      release();
    }
  },
};

/** `npx lianxin restore FILE`: into an empty folder or database, with the keys of the installation. */
export const restoreCommand: FileCommand = {
  summary:
    '从备份恢复到空的数据目录或空数据库（需提供原密钥） / restore a backup into an empty folder or database',
  options: {},
  database: false,
  async run({ positionals }) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('用法 / usage: npx lianxin restore FILE');
    const { loadConfig } = await import('../platform/config.ts');
    const backup = await import('../modules/operations/backup.ts');
    const config = loadConfig();
    if (!(config.key || config.keyFile) || !(config.auditKey || config.auditKeyFile)) {
      throw new RejectedError(
        '恢复需要原安装的密钥：请设置 LIANXIN_KEY_FILE 和 LIANXIN_AUDIT_KEY_FILE（或 LIANXIN_KEY、LIANXIN_AUDIT_KEY）。备份中不含密钥。' +
          ' / The backup holds no key: give the keys of the installation backed up (LIANXIN_KEY_FILE and LIANXIN_AUDIT_KEY_FILE, or LIANXIN_KEY and LIANXIN_AUDIT_KEY).',
      );
    }
    const { openPglite, openPostgres } = await import('../platform/db/client.ts');
    let restored: Record<string, number>;
    try {
      if (config.databaseUrl) {
        restored = await backup.restorePostgres(file, config.databaseUrl, async (url) => {
          await (await openPostgres(url, 1)).close();
        });
      } else {
        const header = await backup.readHeader(file);
        if (header.kind !== 'pglite')
          throw new backup.BackupRejected(
            'a PostgreSQL backup: set DATABASE_URL to an empty database / 这是 PostgreSQL 备份',
          );
        if (fs.existsSync(config.dataDir) && fs.readdirSync(config.dataDir).length > 0)
          throw new backup.BackupRejected(
            `${config.dataDir} is not empty: restore into a new folder (LIANXIN_DATA) / 目标数据目录不是空的`,
          );
        const { lockDataDir } = await import('../platform/db/lock.ts');
        const release = lockDataDir(config.dataDir, 'lianxin restore');
        try {
          restored = await backup.restoreEmbedded(file, config.dataDir, (dir, dump) => openPglite(dir, dump));
        } finally {
          release();
        }
      }
    } catch (e) {
      if (e instanceof backup.BackupRejected) throw new RejectedError(e.message);
      throw e;
    }
    // the keys given must open what was restored: the audit chain verifies, a protected field decrypts
    const { openRuntime } = await import('../platform/runtime.ts');
    const runtime = await openRuntime('lianxin restore', config);
    try {
      const { platform: p } = runtime;
      const chain = await p.audit.verify(p.db);
      if (chain.brokenAt !== null)
        throw new RejectedError(
          `已恢复，但审计日志不能用给出的审计密钥校验（第 ${chain.brokenAt} 条） / restored, but the audit chain does not verify with this audit key`,
        );
      const { sql } = await import('drizzle-orm');
      const sample = (await p.db.execute(
        sql`SELECT phone_enc FROM contacts WHERE phone_enc IS NOT NULL LIMIT 1`,
      )) as unknown as { rows: { phone_enc: Buffer | Uint8Array | null }[] };
      const enc = sample.rows[0]?.phone_enc;
      if (enc) {
        try {
          p.cipher.decrypt(Buffer.from(enc));
        } catch {
          throw new RejectedError(
            '已恢复，但给出的加密密钥解不开数据 / restored, but the field key given does not decrypt the data',
          );
        }
      }
      return { file, restored, auditRows: chain.rows };
    } finally {
      await runtime.close();
    }
  },
};
