import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLockOwner } from '../../platform/db/lock.ts';
import { alive, buildServer, freePort, healthy, removeTempDirs, start, tempDir } from './process.fixture.ts';

// The compiled server as production runs it (`npm run build`, `npm start`), on a temporary
// embedded folder. The PostgreSQL run skips it: the database is the embedded one either way.

beforeAll(buildServer, 300_000);
afterAll(removeTempDirs);

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
