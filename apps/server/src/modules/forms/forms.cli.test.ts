import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-forms-cli-'));
const env = { ...process.env, LIANXIN_DATA: path.join(dir, 'data') };
const lianxin = (...args: string[]) => run('npx', ['lianxin', ...args], { cwd: repoRoot, env });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ledger = {
  format: 'lianxin-ledger/1',
  organizations: [
    { id: 'o-central', name: '共青团中央', level: 'central' },
    { id: 'o-sx', name: '共青团陕西省委', level: 'province', parent: 'o-central', divisionCode: '610000' },
    { id: 'o-bj', name: '共青团宝鸡市委', level: 'prefecture', parent: 'o-sx', divisionCode: '610300' },
    { id: 'o-wb', name: '共青团渭滨区委', level: 'county', parent: 'o-bj', divisionCode: '610302' },
    { id: 'o-g1', name: '某公司团支部', level: 'grassroots', parent: 'o-wb', field: 'enterprise' },
  ],
  cadres: [
    { id: 'c1', name: '张某', org: 'o-wb', rank: 'section', employment: 'full_time', grassrootsYears: 1 },
  ],
  presets: [{ org: 'o-bj', preset: 'baoji-2018-close-contact' }],
  contactPoints: [{ id: 'p1', cadre: 'c1', org: 'o-g1', from: '2026-01-05', to: null }],
  contacts: [],
  activities: [{ id: 'a1', cadre: 'c1', type: 'lecture', point: 'p1', date: '2026-03-02', audience: 30 }],
};

describe('npx lianxin forms', () => {
  it("writes every form of an organization's year into the folder", async () => {
    const file = path.join(dir, 'ledger.json');
    fs.writeFileSync(file, JSON.stringify(ledger));
    await lianxin('import', file);
    const out = path.join(dir, 'out');
    const { stdout } = await lianxin('forms', '--year', '2026', '--org', 'o-wb', '--out', out);
    const expected = [
      '任务清单汇总表-共青团渭滨区委-2026.xlsx',
      '联系点登记表-共青团渭滨区委-2026.xlsx',
      '管理员信息表-共青团渭滨区委.xlsx',
      '年度工作档案-张某-2026.docx',
      '联系点台账-某公司团支部.docx',
    ];
    expect(JSON.parse(stdout).files).toEqual(expected);
    expect(fs.readdirSync(out).sort()).toEqual([...expected].sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, expected[0] as string));
    const row = wb.worksheets[0]?.getRow(4);
    expect(row?.getCell(1).value).toBe('张某');
    expect(String(row?.getCell(3).value)).toContain('理论宣讲：1 场（3月2日）');
  }, 120_000);

  it('exits 2 on wrong usage and 1 on an unknown organization', async () => {
    const usage = await lianxin('forms', '--year', '2026').catch((e) => e);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--out DIR');
    const unknown = await lianxin('forms', '--year', '2026', '--org', 'nope', '--out', dir).catch((e) => e);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('组织不存在');
  }, 120_000);
});
