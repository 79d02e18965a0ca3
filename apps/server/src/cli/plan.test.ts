import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkPlan, type PostingProblem, sampleProgram } from '@lianxin/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { postingCounties } from '../modules/divisions/divisions.service.ts';
import { repoRoot } from '../platform/config.ts';
import { lockDataDir } from '../platform/db/lock.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-plan-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `npx lianxin plan FILE` on a document while a server owns the data folder. */
async function planFile(doc: unknown, name: string) {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(doc));
  const data = fs.mkdtempSync(path.join(dir, 'data-'));
  const release = lockDataDir(data, 'server', 3999);
  try {
    const out = await promisify(execFile)('npx', ['lianxin', 'plan', file], {
      cwd: repoRoot,
      env: { ...process.env, LIANXIN_DATA: data },
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
    );
    expect(fs.readdirSync(data)).toEqual(['lianxin.lock']); // no database opened
    return out;
  } finally {
    release();
  }
}

const national = sampleProgram(postingCounties(), 2015);

describe('npx lianxin plan', () => {
  it('plans the national program on the real counties without a database, exit 0', async () => {
    expect(national.counties.length).toBeGreaterThan(2800);
    const { code, stdout } = await planFile(national, 'national');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.score.hardViolations).toBe(0);
    expect(checkPlan(national, result).filter((v) => v.hard)).toEqual([]);
  });

  it('exits 1 with the best plan and its violations explained when none keeps the hard rules', async () => {
    const leaderless: PostingProblem = {
      ...national,
      cadres: national.cadres.map((c) => ({ ...c, rank: 'staff' as const })),
    };
    const { code, stdout, stderr } = await planFile(leaderless, 'leaderless');
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.assignments.length).toBeGreaterThan(0);
    expect(result.violations[0]).toMatchObject({ rule: 'group-leader', hard: true });
    expect(result.violations[0].message).toContain('无法满足');
    expect(stderr).toContain('no plan keeps every hard rule');
  });

  it('exits 1 naming each bad field of a rejected document, 2 on wrong usage', async () => {
    const bad = { ...national, cadres: [{ ...national.cadres[0], rank: 'captain' }] };
    const rejected = await planFile(bad, 'bad');
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toBe('');
    expect(rejected.stderr).toContain('"field": "cadres[0].rank"');
    const usage = await promisify(execFile)('npx', ['lianxin', 'plan'], { cwd: repoRoot }).catch((e) => e);
    expect(usage.code).toBe(2);
  });
});
