import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { createAuditMac, createFieldCipher, loadAuditKey, loadMasterKey, writeNewKeyFile } from './crypto.ts';
import { type Database, openPglite, openPostgres } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { assertKeyCurrent } from './key-state.ts';
import { createPlatform, type Platform } from './platform.ts';

/** PostgreSQL's application_name of an app server's connections. */
export const SERVER_APPLICATION = 'lianxin server';

export interface Runtime {
  config: Config;
  platform: Platform;
  /** the database opened (the embedded client for a backup, the pool's figures for /metrics) */
  database: Database;
  /** closes the database, then releases the embedded folder's lock; once, however often called */
  close(): Promise<void>;
}

/** Where start-up notices go: the server's log, or stderr for a command. */
export interface RuntimeLog {
  warn(msg: string): void;
}

/**
 * Opens the configured database for this process. The embedded folder is locked first: a second
 * process gets FolderLockedError naming the owner, before anything is opened or written.
 */
export async function openRuntime(
  command: string,
  config = loadConfig(),
  log: RuntimeLog = { warn: (m) => console.error(m) },
  // only rotate-key opens a database whose key state it is about to change
  opts: { checkKey?: boolean } = {},
): Promise<Runtime> {
  if (config.demo && config.databaseUrl) {
    throw new Error(
      '演示模式只能使用嵌入式数据库，请去掉 DATABASE_URL 或 LIANXIN_DEMO / demo mode refuses DATABASE_URL',
    );
  }
  let release = () => {};
  let database: Database;
  if (config.databaseUrl) {
    // named, so that rotate-key can tell whether an app server is still connected
    database = await openPostgres(
      config.databaseUrl,
      10,
      command === 'server' ? SERVER_APPLICATION : command,
    );
  } else {
    release = lockDataDir(config.dataDir, command, command === 'server' ? config.port : null);
    try {
      placeKeys(config, log);
      database = await openPglite(`${config.dataDir}/pg`);
    } catch (e) {
      release();
      throw e;
    }
  }
  const notice = (m: string) => log.warn(m);
  let platform: Platform;
  try {
    const cipher = createFieldCipher(config.cipher, loadMasterKey(config, notice));
    const auditMac = createAuditMac(config.cipher, loadAuditKey(config, notice));
    platform = createPlatform(database, cipher, systemClock, config, auditMac);
    if (opts.checkKey !== false) await assertKeyCurrent(database.db, cipher);
  } catch (e) {
    await database.close().catch(() => {});
    release();
    throw e;
  }
  let closing: Promise<void> | null = null;
  return {
    config,
    platform,
    database,
    close() {
      closing ??= database.close().finally(release);
      return closing;
    },
  };
}

/**
 * The embedded database's keys. A key file path given for a new folder (no database yet) and missing:
 * the key is generated there, outside the data folder. A key in the data folder (generated there by
 * default, or a path inside it): a loud warning at every start, since any copy of the folder then
 * carries the key beside the data it protects (backups never do).
 */
function placeKeys(config: Config, log: RuntimeLog) {
  const fresh = !fs.existsSync(path.join(config.dataDir, 'pg'));
  const keys = [
    { inline: config.key, file: config.keyFile, variable: 'LIANXIN_KEY_FILE', generated: 'secret.key' },
    {
      inline: config.auditKey,
      file: config.auditKeyFile,
      variable: 'LIANXIN_AUDIT_KEY_FILE',
      generated: 'audit.key',
    },
  ];
  for (const k of keys) {
    if (k.inline) continue;
    if (k.file && fresh && !fs.existsSync(k.file)) {
      writeNewKeyFile(k.file);
      log.warn(
        `生成了密钥 ${k.file}（${k.variable}），请另行妥善保管 / generated a new key into ${k.file}: keep a copy apart from the backups`,
      );
    }
    const where = path.resolve(k.file ?? path.join(config.dataDir, k.generated));
    if (!config.demo && where.startsWith(path.resolve(config.dataDir) + path.sep)) {
      log.warn(
        `!!! 密钥 ${where} 与数据在同一目录：复制该目录即连同密钥一起带走。请把它移到数据目录之外并设置 ${k.variable}。` +
          ` / !!! The key ${where} sits beside the data it protects: move it out of the data folder and set ${k.variable}.`,
      );
    }
  }
}
