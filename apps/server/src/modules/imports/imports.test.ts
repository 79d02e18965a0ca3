import { zhtjCadreHeaders } from '@lianxin/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestContext, makeOrg, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = (await cityWithTwoCounties(ctx)).clients.adminA;
});
afterAll(() => ctx.close());

/** Fills the downloaded template, as an organization department would. */
async function filledTemplate(kind: string, rows: (string | Date)[][]) {
  const res = await admin.get(`/api/v1/imports/${kind}/template`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  rows.forEach((r, i) => {
    ws.getRow(3 + i).values = r;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(kind: string, file: Buffer, commit: boolean, parent = 'cA') {
  const boundary = '----lianxin-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return admin.request({
    method: 'POST',
    url: `/api/v1/imports/${kind}?commit=${commit}&parent=${parent}`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

const good = [
  '赵一',
  '组织cA',
  '办公室',
  '科级',
  '专职',
  '2',
  '2019-07-01',
  '',
  '书记',
  '13700000001',
  '',
  'zhaoyi',
  'Zhao-yi-2026',
];

describe('cadre import', () => {
  it('lists every bad row by row number, column and reason, and writes nothing', async () => {
    const file = await filledTemplate('cadres', [
      good,
      ['钱二', '组织cB', '', '副处', '挂职'], // county B: outside the admin's scope
      ['孙三', '组织cA', '', '处长', '全职', '', '2019-02-30'],
      ['李四', 'cA', '', '正处', '兼职', '', '', '', '', '13700000001'], // same mobile as row 3
    ]);
    const res = await upload('cadres', file, true);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: false, committed: false, rows: 4, created: 0 });
    const errs = body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errs).toEqual(
      expect.arrayContaining(['4:所在组织', '5:职级', '5:团干部性质', '5:参加工作日期', '6:手机号码']),
    );
    expect(errs.some((e: string) => e.startsWith('3:'))).toBe(false);
    expect(body.errors.find((e: { row: number }) => e.row === 5).reason).toMatch(/处长/);
    // the world's three cadres only
    expect(await ctx.p.db.query.cadres.findMany()).toHaveLength(3);
  });

  it('previews a clean sheet without writing, then commits it whole with accounts', async () => {
    const file = await filledTemplate('cadres', [good, ['周五', 'cA', '', '其他', '兼职']]);
    const preview = (await upload('cadres', file, false)).json();
    expect(preview).toMatchObject({ ok: true, committed: false, rows: 2, errors: [] });
    expect(await ctx.p.db.query.cadres.findMany()).toHaveLength(3);
    const done = (await upload('cadres', file, true)).json();
    expect(done).toMatchObject({ ok: true, committed: true, created: 2 });
    const list = (await admin.get('/api/v1/cadres?org=cA')).json();
    expect(list.items.map((c: { name: string }) => c.name).sort()).toEqual(['周五', '甲一', '甲二', '赵一']);
    const account = await ctx.p.db.query.accounts.findFirst({
      where: (a, { eq }) => eq(a.username, 'zhaoyi'),
    });
    expect(account).toMatchObject({ role: 'cadre', mustChangePassword: true });
    // the same sheet again: every row now collides
    const again = (await upload('cadres', file, true)).json();
    expect(again.ok).toBe(false);
  });

  it('rejects a file that is not a spreadsheet', async () => {
    const res = (await upload('cadres', Buffer.from('not a spreadsheet'), false)).json();
    expect(res.ok).toBe(false);
    expect(res.errors[0].reason).toContain('xlsx');
  });
});

describe('a cadre sheet exported from 智慧团建', () => {
  const wang = ['王六', '610302199001011232', '城关镇团支部', '汉族', '共青团员', '大学本科', '2008-05'];
  const rowsOf = (...rest: string[][]) => [
    [...wang, '13900000006', '书记', '兼职', '2022年7月', '城关镇政府', 'w@example.cn', '123456'],
    ...rest,
  ];
  /** A sheet as 智慧团建 exports it: headers on row 1, data from row 2, no hints. */
  async function exported(rows: string[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('团干部信息');
    ws.addRow([...zhtjCadreHeaders]);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const cadresNamed = (...names: string[]) =>
    ctx.p.db.query.cadres.findMany({ where: (c, { inArray }) => inArray(c.name, names) });

  beforeAll(async () => {
    await makeOrg(ctx.p, { id: 'bZ', name: '城关镇团支部', level: 'grassroots', parent: 'cA' });
    await makeOrg(ctx.p, { id: 'bS1', name: '同名团支部', level: 'grassroots', parent: 'cA' });
    await makeOrg(ctx.p, { id: 'bS2', name: '同名团支部', level: 'grassroots', parent: 'cA' });
  });

  it('names an unknown or ambiguous 团支部 by row and column, and writes nothing', async () => {
    const file = await exported(
      rowsOf(
        ['陈七', '', '某村团支部', '回族', '中共党员', '硕士研究生', '2001-09', '', '委员', '专职'],
        ['林八', '', '同名团支部', '汉族', '群众', '高中', '200109', '', '', '挂职'],
        ['黄九', '', '城关镇团支部', '汉族', '群众', '高中', '2001-13', '', '', '兼职'],
      ),
    );
    const res = (await upload('cadres', file, true)).json();
    expect(res).toMatchObject({ ok: false, committed: false, rows: 4, created: 0 });
    expect(res.errors).toEqual([
      { row: 3, column: '所在团支部', reason: expect.stringContaining('找不到名为「某村团支部」的组织') },
      { row: 4, column: '所在团支部', reason: expect.stringContaining('有 2 个同名组织') },
      { row: 5, column: '入团年月', reason: expect.stringContaining('2001-13') },
    ]);
    expect(await cadresNamed('王六', '陈七', '林八', '黄九')).toEqual([]);
  });

  it('imports as it is: 所在团支部 is the organization, no 职级, its fields kept on the cadre', async () => {
    const file = await exported(
      rowsOf([
        '陈七',
        '11010519491231002X',
        'bZ',
        '回族',
        '中共党员',
        '硕士研究生',
        '2001/9',
        '',
        '委员',
        '专职',
      ]),
    );
    const res = (await upload('cadres', file, true)).json();
    expect(res).toMatchObject({ ok: true, committed: true, rows: 2, created: 2 });
    const list = (await admin.get('/api/v1/cadres?org=bZ')).json().items;
    const byName = new Map(list.map((c: { name: string }) => [c.name, c]));
    expect(byName.get('王六')).toMatchObject({
      orgId: 'bZ',
      rank: 'staff',
      employment: 'part_time',
      position: '书记',
      ethnicity: '汉族',
      politicalStatus: '共青团员',
      education: '大学本科',
      joinedLeagueOn: '2008-05',
      positionSince: '2022-07',
      mobileMasked: expect.stringMatching(/^139/),
      idNumberMasked: expect.stringMatching(/^610302/),
    });
    expect(byName.get('陈七')).toMatchObject({
      employment: 'full_time',
      joinedLeagueOn: '2001-09',
      positionSince: null,
      politicalStatus: '中共党员',
    });
  });
});

describe('grassroots organization import', () => {
  it('imports a committee and its branch from one sheet', async () => {
    const file = await filledTemplate('organizations', [
      ['共青团某公司委员会', '某公司团委', '', '企业'],
      ['某公司一车间团支部', '', '共青团某公司委员会', '企业'],
    ]);
    const res = (await upload('organizations', file, true)).json();
    expect(res).toMatchObject({ ok: true, committed: true, created: 2 });
    const children = (await admin.get('/api/v1/organizations?parent=cA')).json().items;
    const committee = children.find((o: { name: string }) => o.name === '共青团某公司委员会');
    expect(committee?.childCount).toBe(1);
  });

  it('refuses a row with an unknown field and names it', async () => {
    const file = await filledTemplate('organizations', [['某团支部', '', '', '外星']]);
    const res = (await upload('organizations', file, true)).json();
    expect(res.errors).toEqual([{ row: 3, column: '领域', reason: expect.stringContaining('外星') }]);
  });
});
