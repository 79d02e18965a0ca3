import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Two processes on one PGlite folder corrupt it silently (its postmaster.pid locks nothing), so
 * the folder belongs to one process at a time: an exclusive lock file naming a live owner.
 */
export interface LockOwner {
  pid: number;
  host: string;
  port: number | null;
  command: string;
  since: string;
}

export class FolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const where = owner.port ? `，服务地址 http://127.0.0.1:${owner.port}` : '';
    super(
      `数据目录 ${dataDir} 正由进程 ${owner.pid}（${owner.command}${where}）使用；同一时间只能有一个进程打开嵌入式数据库。` +
        ` / The data folder is in use by process ${owner.pid} (${owner.command}${owner.port ? `, port ${owner.port}` : ''}).`,
    );
  }
}

const lockName = 'lianxin.lock';

/** Whether the owner still runs (an owner on another machine is taken to). */
export function alive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true; // cannot check another machine: assume alive
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, lockName), 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** Takes the folder or throws FolderLockedError naming the live owner. Returns the release function. */
export function lockDataDir(dataDir: string, command: string, port: number | null = null): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, lockName);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    port,
    command,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const owner = readLockOwner(dataDir);
        if (owner?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readLockOwner(dataDir);
      if (owner && alive(owner)) throw new FolderLockedError(dataDir, owner);
      // a stale lock of a dead process: take it over (rename is atomic; a racing taker loses on 'wx')
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
