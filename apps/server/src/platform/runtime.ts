import { systemClock } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { createAuditMac, createFieldCipher, loadAuditKey, loadMasterKey } from './crypto.ts';
import { type Database, openPglite, openPostgres } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { createPlatform, type Platform } from './platform.ts';

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
): Promise<Runtime> {
  if (config.demo && config.databaseUrl) {
    throw new Error(
      '演示模式只能使用嵌入式数据库，请去掉 DATABASE_URL 或 LIANXIN_DEMO / demo mode refuses DATABASE_URL',
    );
  }
  let release = () => {};
  let database: Database;
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl);
  } else {
    release = lockDataDir(config.dataDir, command, command === 'server' ? config.port : null);
    try {
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
