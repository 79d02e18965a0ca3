import { systemClock } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { createAuditMac, createFieldCipher, loadAuditKey, loadMasterKey } from './crypto.ts';
import { type Database, openPglite, openPostgres } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { createPlatform, type Platform } from './platform.ts';

export interface Runtime {
  config: Config;
  platform: Platform;
  close(): Promise<void>;
}

/**
 * Opens the configured database for this process. The embedded folder is locked first: a second
 * process gets FolderLockedError naming the owner, before anything is opened or written.
 */
export async function openRuntime(command: string, config = loadConfig()): Promise<Runtime> {
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
  const log = (m: string) => console.error(m);
  const cipher = createFieldCipher(config.cipher, loadMasterKey(config, log));
  const auditMac = createAuditMac(config.cipher, loadAuditKey(config, log));
  const platform = createPlatform(database, cipher, systemClock, config, auditMac);
  return {
    config,
    platform,
    async close() {
      await database.close();
      release();
    },
  };
}
