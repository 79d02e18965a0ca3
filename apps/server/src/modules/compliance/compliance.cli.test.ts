import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';
import { boundaryLedger, engineOnLedger, sorted } from './compliance.fixture.ts';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-evaluate-'));
const env = { ...process.env, LIANXIN_DATA: dir, DATABASE_URL: '' };
const cli = (...args: string[]) =>
  run('npx', ['lianxin', ...args], { cwd: repoRoot, env, maxBuffer: 1 << 26 });
const exitCode = (args: string[]) =>
  cli(...args).then(
    () => 0,
    (e: { code: number }) => e.code,
  );

beforeAll(async () => {
  const file = path.join(dir, 'ledger.json');
  fs.writeFileSync(file, JSON.stringify(boundaryLedger()));
  await cli('import', file);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npx lianxin evaluate', () => {
  it('prints the evaluation of everything as JSON', async () => {
    const { stdout } = await cli('evaluate', '--year', '2026', '--as-of', '2026-06-30');
    const answer = JSON.parse(stdout);
    expect([answer.year, answer.asOf]).toEqual([2026, '2026-06-30']);
    expect(sorted(answer.results)).toEqual(sorted(engineOnLedger(2026, '2026-06-30')));
  }, 60_000);

  it('limits the evaluation to --org', async () => {
    const { stdout } = await cli('evaluate', '--year', '2026', '--as-of', '2026-06-30', '--org', 'o-wb');
    const cadres = new Set(JSON.parse(stdout).results.map((r: { cadre: string | null }) => r.cadre));
    expect(cadres).toEqual(new Set([null, 'c3']));
  }, 60_000);

  it('exits 2 on wrong usage and 1 on an unknown organization', async () => {
    expect(await exitCode(['evaluate'])).toBe(2);
    expect(await exitCode(['evaluate', '--year', '2026', '--as-of', '2026-13-40'])).toBe(2);
    expect(await exitCode(['evaluate', '--year', '2026', '--org', 'o-nowhere'])).toBe(1);
  }, 120_000);
});
