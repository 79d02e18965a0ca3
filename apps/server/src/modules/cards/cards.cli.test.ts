import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-card-'));
const env = {
  ...process.env,
  LIANXIN_DATA: dir,
  DATABASE_URL: '',
  LIANXIN_PUBLIC_URL: 'https://lx.example.cn/',
};
// the script `npx lianxin` runs, from this checkout's sources (node_modules may link another checkout)
const bin = path.join(repoRoot, 'apps/server/bin/lianxin.mjs');
const cli = (...args: string[]) =>
  run(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...env, LIANXIN_FROM_SOURCE: '1' } });
const exitCode = (args: string[]) =>
  cli(...args).then(
    () => 0,
    (e: { code: number }) => e.code,
  );

beforeAll(async () => {
  const file = path.join(dir, 'ledger.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'lianxin-ledger/1',
      organizations: [{ id: 'o1', name: '共青团中央', level: 'central' }],
      cadres: [{ id: 'c1', name: '张三', org: 'o1', rank: 'section', employment: 'full_time' }],
    }),
  );
  await cli('import', file);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npx lianxin card', () => {
  it('prints the card’s full URL, switching it on and off first as asked', async () => {
    const first = JSON.parse((await cli('card', '--cadre', 'c1')).stdout);
    expect(first.url).toMatch(/^https:\/\/lx\.example\.cn\/c\/[A-Za-z0-9_-]{12}$/);
    expect(first.enabled).toBe(false);
    const on = JSON.parse((await cli('card', '--cadre', 'c1', '--on')).stdout);
    expect([on.url, on.enabled]).toEqual([first.url, true]);
    const off = JSON.parse((await cli('card', '--cadre', 'c1', '--off')).stdout);
    expect([off.url, off.enabled]).toEqual([first.url, false]);
  }, 120_000);

  it('exits 1 for an unknown cadre and 2 on wrong usage', async () => {
    expect(await exitCode(['card', '--cadre', 'nobody', '--on'])).toBe(1);
    expect(await exitCode(['card'])).toBe(2);
    expect(await exitCode(['card', '--cadre', 'c1', '--on', '--off'])).toBe(2);
  }, 120_000);
});
