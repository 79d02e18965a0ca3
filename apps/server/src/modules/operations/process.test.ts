import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';
import { readLockOwner } from '../../platform/db/lock.ts';

// The compiled server as production runs it (`npm run build`, `npm start`), on a temporary
// embedded folder. The PostgreSQL run skips it: the database is the embedded one either way.
const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-process-'));
  dirs.push(dir);
  return dir;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(command: string, args: string[], dataDir: string, port: number): Started {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, LIANXIN_DATA: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, port, output: () => out, exited };
}

async function healthy(s: Started, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (s.child.exitCode !== null) throw new Error(`exited early:\n${s.output()}`);
    const ok = await fetch(`http://127.0.0.1:${s.port}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not healthy in time:\n${s.output()}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  // incremental: quick when the build is current
  await run('npx', ['tsc', '-b', 'apps/server/tsconfig.build.json'], { cwd: repoRoot });
}, 300_000);
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the compiled server stops cleanly', () => {
  it('on SIGTERM to `npm start`: exit 0, no process left, the lock released, a new start at once', async () => {
    const dir = tempDir();
    const first = start('npm', ['start'], dir, await freePort());
    await healthy(first);
    const owner = readLockOwner(dir);
    expect(owner?.command).toBe('server');
    const serverPid = owner?.pid as number;
    expect(serverPid).not.toBe(first.child.pid); // npm started a node process of its own…

    first.child.kill('SIGTERM'); // …and the signal reaches it through npm
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(alive(serverPid)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'lianxin.lock'))).toBe(false);
    const lines = first
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).toContainEqual(expect.stringContaining('SIGTERM: stopping'));

    // a new start on the same folder at once, the compiled server straight from node; SIGINT
    const second = start(process.execPath, ['apps/server/dist/main.js'], dir, await freePort());
    await healthy(second, 30_000);
    expect(readLockOwner(dir)?.pid).toBe(second.child.pid);
    second.child.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dir, 'lianxin.lock'))).toBe(false);
  }, 180_000);

  it('on a signal during the start-up: the step under way ends, then the stop', async () => {
    const dir = tempDir();
    const s = start(process.execPath, ['apps/server/dist/main.js'], dir, await freePort());
    // wait for the folder's lock: the database is being opened and migrated
    const until = Date.now() + 30_000;
    while (!fs.existsSync(path.join(dir, 'lianxin.lock')) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dir, 'lianxin.lock'))).toBe(false);
    expect(s.output()).not.toContain('listening');
  }, 120_000);
});
