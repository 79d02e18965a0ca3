import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contactPoints, orgPresets } from '../../platform/db/schema.ts';
import { docxText, inkShare, renderPdf } from '../../testing/documents.ts';
import {
  type Client,
  createTestContext,
  makeAccount,
  makeCadre,
  makeOrg,
  signedIn,
  type TestContext,
} from '../../testing/index.ts';

// Not the shared scenario world: the printed forms are checked cell by cell against named Baoji fixtures.
let ctx: TestContext;
let admin: Client;
let otherAdmin: Client;
let cadre: Client;
let c0: string;
let c1: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-forms-'));

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const { p } = ctx;
  await makeOrg(p, { id: 'central', level: 'central' });
  await makeOrg(p, { id: 'sx', level: 'province', parent: 'central' });
  await makeOrg(p, { id: 'bj', level: 'prefecture', parent: 'sx', name: '共青团宝鸡市委' });
  await makeOrg(p, { id: 'wb', level: 'county', parent: 'bj', name: '共青团渭滨区委' });
  await makeOrg(p, { id: 'jt', level: 'county', parent: 'bj', name: '共青团金台区委' });
  await makeOrg(p, {
    id: 'g1',
    level: 'grassroots',
    parent: 'wb',
    name: '宝鸡石油机械公司团委',
    field: 'enterprise',
  });
  await makeOrg(p, {
    id: 'g2',
    level: 'grassroots',
    parent: 'wb',
    name: '经二路社区团支部',
    field: 'community',
  });
  await p.db.insert(orgPresets).values({ orgId: 'bj', preset: 'baoji-2018-close-contact' });
  c0 = (await makeCadre(p, { orgId: 'wb', name: '王晓燕', position: '副书记', mobile: '13912345678' })).id;
  c1 = (await makeCadre(p, { orgId: 'wb', name: '李明' })).id;
  await makeCadre(p, { orgId: 'jt', name: '金台干部' });
  await p.db.insert(contactPoints).values([
    {
      id: 'p1',
      cadreId: c0,
      orgId: 'g1',
      fromDate: '2025-03-01',
      category: 'improve',
      topic: '非公企业团建',
    },
    { id: 'p2', cadreId: c1, orgId: 'g2', fromDate: '2024-01-01', toDate: '2025-12-31' },
    {
      id: 'p3',
      cadreId: c0,
      orgId: 'g2',
      fromDate: '2026-01-01',
      predecessorId: 'p2',
      handoverNote: '社区青年之家已建成，志愿服务队每月活动一次',
    },
  ]);
  await makeAccount(p, { username: 'wb-admin', role: 'org_admin', scopeOrgId: 'wb', cadreId: c0 });
  await makeAccount(p, { username: 'jt-admin', role: 'org_admin', scopeOrgId: 'jt' });
  await makeAccount(p, { username: 'cadre0', role: 'cadre', scopeOrgId: 'wb', cadreId: c0 });
  admin = await signedIn(ctx, 'wb-admin');
  otherAdmin = await signedIn(ctx, 'jt-admin');
  cadre = await signedIn(ctx, 'cadre0');

  const log = [
    { type: 'lecture', date: '2026-01-12', audience: 40, point: 'p1', note: '宣讲团十八大精神' },
    { type: 'lecture', date: '2026-02-18', audience: 25, point: 'p3' },
    { type: 'visit', start: '2026-02-02', end: '2026-02-06', travelDays: 1, point: 'p1' },
    { type: 'work_item', title: '规范团员发展流程', status: 'done', date: '2026-02-20', point: 'p1' },
    { type: 'research_report', date: '2026-02-25', title: '非公企业青年思想状况调查' },
  ];
  for (const a of log) {
    const res = await cadre.post('/api/v1/activities', a);
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(res.body);
  }
  await cadre.request({
    method: 'PUT',
    url: `/api/v1/annual/2026/cadres/${c0}/task-list`,
    payload: {
      lecture: '每季度到联系点宣讲一次',
      talk: '与联系点团干部、团员青年分类谈心',
      research: '非公企业青年思想状况',
      work: '规范团员发展；建立青年之家',
      pointIds: ['p1', 'p3'],
    },
  });
  await cadre.post(`/api/v1/annual/2026/cadres/${c0}/task-list/submit`);
  // two assessed: no 优 (30% of 2 rounds down to 0), one 良
  const assessment = await admin.post('/api/v1/annual/2026/assessments', { orgId: 'wb' });
  const graded = await admin.request({
    method: 'PUT',
    url: `/api/v1/assessments/${assessment.json().id}/grades`,
    payload: { grades: [{ cadreId: c0, grade: 'good' }] },
  });
  if (graded.statusCode !== 200) throw new Error(graded.body);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function sheetOf(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

const download = async (client: Client, url: string) => {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
};

describe('forms generated from the records', () => {
  it('附件1 任务清单备案表 (.docx) carries the filed plan and the points by name', async () => {
    const res = await cadre.get(`/api/v1/annual/2026/forms/task-list/${c0}`);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '任务清单备案表-王晓燕-2026.docx',
    );
    const text = docxText(tmp, res.rawPayload);
    expect(text).toContain('团干部密切联系青年任务清单备案表');
    expect(text).toContain('团干部姓名：王晓燕');
    expect(text).toContain('填报时间：2026 年 3 月');
    for (const line of ['理论宣讲', '每季度到联系点宣讲一次', '调查研究', '非公企业青年思想状况', '推动工作'])
      expect(text).toContain(line);
    expect(text).toContain('1. 宝鸡石油机械公司团委');
    expect(text).toContain('2. 经二路社区团支部');
    expect(text).toContain('3. \n');
  });

  it('附件2 任务清单汇总表 (.xlsx) reads back cell by cell', async () => {
    const ws = await sheetOf(await download(admin, '/api/v1/annual/2026/forms/summary?org=wb'));
    expect(ws.getCell('A1').value).toBe('团干部密切联系青年任务清单汇总表');
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：共青团渭滨区委');
    expect(ws.getCell('D2').value).toBe('2026 年 3 月 1 日');
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(3).getCell(c).value)).toEqual([
      '姓名',
      '联系点',
      '四项重点任务完成情况\n（场次及时间）',
      '调研方向\n及完成时限',
      '考核\n等级',
    ]);
    const rows = [4, 5].map((r) => ws.getRow(r));
    const wang = rows.find((r) => r.getCell(1).value === '王晓燕');
    expect(wang?.getCell(2).value).toBe('1. 宝鸡石油机械公司团委\n2. 经二路社区团支部\n3. \n4. ');
    const tasks = String(wang?.getCell(3).value);
    expect(tasks).toContain('理论宣讲：2 场（1月12日、2月18日）');
    expect(tasks).toContain('走访 1 次，在基层 4 天');
    expect(tasks).toContain('推动工作：完成 1 项');
    expect(String(wang?.getCell(4).value)).toContain(
      '非公企业青年思想状况\n完成时限：2026-10-31\n已完成：非公企业青年思想状况调查',
    );
    expect(wang?.getCell(5).value).toBe('良');
    const li = rows.find((r) => r.getCell(1).value === '李明');
    expect(li?.getCell(3).value).toContain('理论宣讲：0 场');
    expect(ws.getCell('A6').value).toContain('此表每年6月底、11月底');
    expect(ws.getCell('A1').isMerged).toBe(true);
  });

  it('联系点登记表 and 管理员信息表 (.xlsx), the latter audited for the numbers it reveals', async () => {
    const reg = await sheetOf(await download(admin, '/api/v1/annual/2026/forms/point-registration?org=wb'));
    expect(reg.getCell('A1').value).toBe('共青团渭滨区委基层联系点登记表');
    const line = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => reg.getRow(4).getCell(c).value);
    expect(line).toEqual([
      '1',
      '宝鸡石油机械公司团委',
      '企业',
      '提高',
      '王晓燕（副书记）',
      '2025-03-01',
      '未登记',
      '',
      '非公企业团建',
    ]);

    const admins = await sheetOf(await download(admin, '/api/v1/forms/admins?org=wb'));
    expect(admins.getCell('A1').value).toBe('团干部直接联系青年工作管理员信息表');
    expect([1, 2, 3].map((c) => admins.getRow(3).getCell(c).value)).toEqual([
      '团组织名称',
      '管理员姓名',
      '手机号码',
    ]);
    expect([1, 2, 3].map((c) => admins.getRow(4).getCell(c).value)).toEqual([
      '共青团渭滨区委',
      '王晓燕',
      '13912345678',
    ]);
    const audit = (await ctx.p.db.select().from(auditLog)).filter((r) => r.action === 'forms.admins');
    expect(audit[0]?.after).toEqual({ admins: 1, revealed: 1 });
    expect(JSON.stringify(audit)).not.toContain('13912345678');
  });

  it("a cadre's annual archive and a point's handover archive (.docx) hold the records", async () => {
    const archive = docxText(tmp, await download(cadre, `/api/v1/annual/2026/forms/archive/${c0}`));
    expect(archive).toContain('王晓燕 2026 年度联系青年工作档案');
    expect(archive).toContain('宣讲团十八大精神');
    expect(archive).toContain('2026-02-02至2026-02-06');
    expect(archive).toContain('规范团员发展流程');
    const ledger = docxText(tmp, await download(admin, '/api/v1/forms/point-ledger/p3'));
    expect(ledger).toContain('经二路社区团支部联系点工作台账');
    expect(ledger).toContain('李明');
    expect(ledger).toContain('社区青年之家已建成');
  });

  it('checks scope on every form', async () => {
    expect((await otherAdmin.get('/api/v1/annual/2026/forms/summary?org=wb')).statusCode).toBe(403);
    expect((await otherAdmin.get(`/api/v1/annual/2026/forms/task-list/${c0}`)).statusCode).toBe(403);
    expect((await otherAdmin.get('/api/v1/forms/admins?org=wb')).statusCode).toBe(403);
    expect((await cadre.get(`/api/v1/annual/2026/forms/archive/${c1}`)).statusCode).toBe(403);
    expect((await cadre.get('/api/v1/annual/2026/forms/point-registration?org=wb')).statusCode).toBe(403);
  });

  it('prints: the task list renders to a page with Chinese glyphs from a CJK font, not boxes', async () => {
    const docx = path.join(tmp, 'task-list.docx');
    fs.writeFileSync(docx, await download(cadre, `/api/v1/annual/2026/forms/task-list/${c0}`));
    const pdf = renderPdf(tmp, docx);
    // a CJK font is embedded for the Chinese text: without one every character prints as a box
    expect(execFileSync('pdffonts', [pdf]).toString()).toMatch(/CJK/);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-']).toString()).toContain(
      '团干部密切联系青年任务清单备案表',
    );
    const ink = inkShare(tmp, pdf);
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.3);
  }, 120_000);
});
