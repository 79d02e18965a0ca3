import { idNumberCheckChar } from '@lianxin/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityContacts, contactPoints } from '../../platform/db/schema.ts';
import { type Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, withCadre } from '../../testing/scenario.ts';

let ctx: TestContext;
let admin: Client;
let leader: Client;
let one: Client;
let two: Client;
let three: Client;
let outsider: Client;
let successor: Client;
type Who = 'one' | 'two' | 'three' | 'ptCounty' | 'ptGrass' | 'outsider' | 'successor';
const ids = {} as Record<Who, string>;
let liId: string;

const withCheck = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
// the test clock stands at 2026-03-01 China time
const ADULT_ID = withCheck('61030219900101123');
const MINOR_ID = withCheck('61030220100615123');

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  // one, two: cadres A1 (who keeps the world's youth yA) and A2; outsider: cadre B of county B
  const world = await cityWithTwoCounties(ctx);
  ({ adminA: admin, leaderA: leader, cadreA1: one, cadreA2: two, cadreB: outsider } = world.clients);
  Object.assign(ids, { one: world.cadres.A1, two: world.cadres.A2, outsider: world.cadres.B });
  // the 1+100 targets below hang on the employment and the level of these
  ({ id: ids.three, client: three } = await withCadre(ctx, {
    username: 'cadreA3',
    orgId: 'cA',
    employment: 'seconded',
  }));
  ids.ptCounty = (await withCadre(ctx, { username: 'ptCounty', orgId: 'cA', employment: 'part_time' })).id;
  ids.ptGrass = (await withCadre(ctx, { username: 'ptGrass', orgId: 'gA', employment: 'part_time' })).id;
  ({ id: ids.successor, client: successor } = await withCadre(ctx, { username: 'successor', orgId: 'cB' }));
});
afterAll(() => ctx.close());

const auditOf = (objectId: string) =>
  ctx.p.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.objectId, objectId) });

describe('contacts', () => {
  it('creates a contact with phone, ID number and channels encrypted and masked', async () => {
    const res = await one.post('/api/v1/contacts', {
      name: '李青年',
      role: 'youth',
      field: 'enterprise',
      unit: '某公司',
      tags: ['needy'],
      key: true,
      phone: '139 0000 1111',
      idNumber: ADULT_ID,
      channels: { wechat: 'li-wx-secret' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    liId = body.id;
    expect(body).toMatchObject({
      phoneMasked: '139****1111',
      idNumberMasked: `610302********${ADULT_ID.slice(-4)}`,
      hasChannels: true,
      keeperCount: 1,
      minor: false,
      keepers: [{ cadreId: ids.one, key: true }],
    });
    const list = await one.get('/api/v1/contacts');
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([liId, 'yA'].sort());
    expect(list.json().items.find((c: { id: string }) => c.id === liId)).toMatchObject({
      key: true,
      phoneMasked: '139****1111',
    });
    for (const text of [res.body, list.body]) {
      expect(text).not.toContain('13900001111');
      expect(text).not.toContain(ADULT_ID);
      expect(text).not.toContain('li-wx-secret');
    }
    const row = await ctx.p.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.id, liId) });
    expect(row?.phoneEnc?.toString('latin1')).not.toContain('13900001111');
    expect(row?.channelsEnc?.toString('latin1')).not.toContain('li-wx-secret');
    expect(ctx.p.cipher.decrypt(row!.phoneEnc!)).toBe('13900001111');
    const audit = JSON.stringify(await auditOf(liId));
    expect(audit).toContain('contact.create');
    expect(audit).toContain('139****1111');
    expect(audit).not.toContain('13900001111');
    expect(audit).not.toContain(ADULT_ID);
    expect(audit).not.toContain('li-wx-secret');
  });

  it('marks a minor by the ID number at today China date', async () => {
    const res = await one.post('/api/v1/contacts', { name: '小王', role: 'youth', idNumber: MINOR_ID });
    expect(res.statusCode).toBe(201);
    expect(res.json().minor).toBe(true);
    const item = (await one.get('/api/v1/contacts'))
      .json()
      .items.find((c: { id: string }) => c.id === res.json().id);
    expect(item.minor).toBe(true);
  });

  it('answers a duplicate the cadre cannot see as "recorded elsewhere" with nothing of it, then keeps it on an approved request (hole 1)', async () => {
    const dup = await two.post('/api/v1/contacts', { name: '李青年', role: 'youth', phone: '13900001111' });
    expect(dup.statusCode).toBe(409);
    const error = dup.json().error;
    expect(error.code).toBe('conflict');
    expect(error.details).toContainEqual({
      path: 'phone',
      message: '已在别处登记 / already recorded elsewhere',
    });
    // no oracle: neither the id nor the masked name nor a keeper
    expect(dup.body).not.toContain(liId);
    expect(dup.body).not.toContain('李');
    expect(dup.body).not.toContain(ids.one);
    const dupId = await two.post('/api/v1/contacts', { name: '别名', role: 'youth', idNumber: ADULT_ID });
    expect(dupId.statusCode).toBe(409);
    expect(dupId.body).not.toContain(liId);

    // self-service keeping is closed: no keeper, no reveal, no rename
    expect((await two.post(`/api/v1/contacts/${liId}/keepers`, {})).statusCode).toBe(403);
    expect((await two.post(`/api/v1/contacts/${liId}/reveal`, { reason: '想看看' })).statusCode).toBe(403);
    expect((await two.patch(`/api/v1/contacts/${liId}`, { name: '改名' })).statusCode).toBe(403);
    const denied = (await auditOf(liId)).filter((a) => a.result === 'denied' && a.actor === 'cadreA2');
    expect(denied.map((a) => a.action)).toEqual(
      expect.arrayContaining(['deny.keep', 'deny.reveal', 'deny.write']),
    );

    // the request names the phone the cadre holds; the receipt says nothing of the person
    const asked = await two.post('/api/v1/keeper-requests', { phone: '13900001111', note: '同一村' });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending' });
    expect(asked.body).not.toContain(liId);
    expect(asked.body).not.toContain('李');
    // the asking cadre decides nothing; an admin over the cadre and every keeper does
    expect(
      (await two.post(`/api/v1/keeper-requests/${asked.json().id}/decision`, { approve: true })).statusCode,
    ).toBe(403);
    const pending = await admin.get('/api/v1/keeper-requests?org=cA');
    expect(pending.json().items).toMatchObject([
      { id: asked.json().id, cadreId: ids.two, contactName: '李**', keepers: [{ cadreId: ids.one }] },
    ]);
    const decided = await admin.post(`/api/v1/keeper-requests/${asked.json().id}/decision`, {
      approve: true,
    });
    expect(decided.statusCode).toBe(200);
    expect((await auditOf(asked.json().id)).map((a) => a.action)).toContain('keeper_request.approved');

    const merged = await two.get(`/api/v1/contacts/${liId}`);
    expect(merged.statusCode).toBe(200);
    expect(merged.json().keeperCount).toBe(2);
    const list = (await two.get('/api/v1/contacts')).json();
    expect(list.items).toMatchObject([{ id: liId, keeperCount: 2, key: false, overContacted: false }]);
    expect(
      await ctx.p.db.query.contacts.findMany({ where: (c, { eq }) => eq(c.name, '李青年') }),
    ).toHaveLength(1);
  });

  it('keeps a cadre out of another cadre’s contacts (403, audited)', async () => {
    const list = await three.get(`/api/v1/contacts?cadre=${ids.one}`);
    expect(list.statusCode).toBe(403);
    expect(list.body).not.toContain('李青年');
    const denials = await auditOf(ids.one);
    expect(denials.some((a) => a.result === 'denied' && a.actor === 'cadreA3')).toBe(true);
    expect((await three.get(`/api/v1/contacts/${liId}`)).statusCode).toBe(403);
    expect((await three.patch(`/api/v1/contacts/${liId}`, { unit: '改' })).statusCode).toBe(403);
    expect(
      (await outsider.post('/api/v1/contacts', { cadreId: ids.one, name: '某', role: 'youth' })).statusCode,
    ).toBe(403);
  });

  it('lets keepers and admins in scope edit, leaders read masked only', async () => {
    const edited = await two.patch(`/api/v1/contacts/${liId}`, { unit: '某学校', field: 'school' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ unit: '某学校', field: 'school' });
    expect((await admin.patch(`/api/v1/contacts/${liId}`, { tags: ['needy', 'non_local'] })).statusCode).toBe(
      200,
    );
    const read = await leader.get(`/api/v1/contacts/${liId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().phoneMasked).toBe('139****1111');
    expect((await leader.patch(`/api/v1/contacts/${liId}`, { unit: 'x' })).statusCode).toBe(403);
    const audit = JSON.stringify(await auditOf(liId));
    expect(audit).toContain('contact.update');
    expect(audit).not.toContain('13900001111');
  });

  it('reveals to a keeper with the reason audited, refuses a non-keeper cadre (403, audited)', async () => {
    const res = await one.post(`/api/v1/contacts/${liId}/reveal`, { reason: '电话回访' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      phone: '13900001111',
      idNumber: ADULT_ID,
      channels: { wechat: 'li-wx-secret' },
      guardian: null,
    });
    const reveals = (await auditOf(liId)).filter((a) => a.action === 'contact.reveal');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({
      actor: 'cadreA1',
      result: 'ok',
      after: { reason: '电话回访', basis: 'keeper' },
    });
    expect(JSON.stringify(reveals)).not.toContain('13900001111');

    expect((await one.post(`/api/v1/contacts/${liId}/reveal`, { reason: 'x' })).statusCode).toBe(400);
    const refused = await outsider.post(`/api/v1/contacts/${liId}/reveal`, { reason: '想看看' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('13900001111');
    const denied = (await auditOf(liId)).filter((a) => a.action === 'deny.reveal' && a.actor === 'cadreB');
    expect(denied).toMatchObject([{ actor: 'cadreB', after: { reason: '想看看' } }]);

    // an org admin of the keepers' subtree may spot-check; a leader may not
    const spot = await admin.post(`/api/v1/contacts/${liId}/reveal`, { reason: '抽查' });
    expect(spot.statusCode).toBe(200);
    expect((await auditOf(liId)).some((a) => a.action === 'contact.reveal' && a.actor === 'adminA')).toBe(
      true,
    );
    expect((await leader.post(`/api/v1/contacts/${liId}/reveal`, { reason: '看看' })).statusCode).toBe(403);
  });

  it('reveals to the successor of a point the contact belongs to (decision 14)', async () => {
    const { db } = ctx.p;
    await db.insert(contactPoints).values([
      { id: 'p1', cadreId: ids.one, orgId: 'gA', fromDate: '2025-01-01', toDate: '2025-12-31' },
      { id: 'p2', cadreId: ids.successor, orgId: 'gA', fromDate: '2026-01-01', predecessorId: 'p1' },
    ]);
    await db.insert(activities).values({
      id: 'a1',
      cadreId: ids.one,
      type: 'talk',
      pointId: 'p1',
      startDate: '2025-05-01',
      endDate: '2025-05-01',
    });
    await db.insert(activityContacts).values({ activityId: 'a1', contactId: liId });
    const res = await successor.post(`/api/v1/contacts/${liId}/reveal`, { reason: '接任联系点' });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13900001111');
    expect((await outsider.get(`/api/v1/contacts/${liId}`)).statusCode).toBe(403);
  });

  it('sets the 1+100 target: 100 for full-time and county part-time cadres, 10 at the grassroots', async () => {
    expect((await one.get('/api/v1/contacts')).json().progress).toEqual({
      cadreId: ids.one,
      count: 3, // yA of the world, 李青年 and 小王
      target: 100,
    });
    expect((await admin.get(`/api/v1/contacts?cadre=${ids.ptCounty}`)).json().progress.target).toBe(100);
    const grass = await admin.get(`/api/v1/contacts?cadre=${ids.ptGrass}`);
    expect(grass.statusCode).toBe(200);
    expect(grass.json().progress).toEqual({ cadreId: ids.ptGrass, count: 0, target: 10 });
  });

  it('flags a person kept by 3 cadres as over-contacted', async () => {
    const before = (await admin.get('/api/v1/contacts/over-contacted?org=cA')).json();
    expect(before.items).toEqual([]);
    expect(
      (await admin.post(`/api/v1/contacts/${liId}/keepers`, { cadreId: ids.three, key: true })).statusCode,
    ).toBe(200);
    const item = (await three.get('/api/v1/contacts')).json().items[0];
    expect(item).toMatchObject({ id: liId, keeperCount: 3, overContacted: true, key: true });
    const report = await admin.get('/api/v1/contacts/over-contacted?org=cA');
    expect(report.statusCode).toBe(200);
    expect(report.json().items).toMatchObject([{ id: liId, keeperCount: 3, phoneMasked: '139****1111' }]);
    expect(report.body).not.toContain('13900001111');
    expect((await one.get('/api/v1/contacts/over-contacted?org=cA')).statusCode).toBe(403);
  });

  it('lets a cadre stop keeping a person while the record stays (decision 7)', async () => {
    const res = await three.request({
      method: 'DELETE',
      url: `/api/v1/contacts/${liId}/keepers/${ids.three}`,
    });
    expect(res.statusCode).toBe(200);
    expect((await three.get('/api/v1/contacts')).json().total).toBe(0);
    expect((await one.get(`/api/v1/contacts/${liId}`)).json().keeperCount).toBe(2);
    const again = await three.request({
      method: 'DELETE',
      url: `/api/v1/contacts/${liId}/keepers/${ids.three}`,
    });
    expect(again.statusCode).toBe(404);
    const other = await three.request({
      method: 'DELETE',
      url: `/api/v1/contacts/${liId}/keepers/${ids.one}`,
    });
    expect(other.statusCode).toBe(403);
  });
});

describe('contacts Excel import', () => {
  async function filledTemplate(rows: string[][]) {
    const res = await one.get('/api/v1/imports/contacts/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    rows.forEach((r, i) => {
      ws.getRow(3 + i).values = r;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  function upload(client: Client, file: Buffer, commit: boolean, cadre?: string) {
    const boundary = '----lianxin-test';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return client.request({
      method: 'POST',
      url: `/api/v1/imports/contacts?commit=${commit}${cadre ? `&cadre=${cadre}` : ''}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  }

  // 姓名, 身份, 领域, 学习工作单位, 类别, 结对, 手机号码, 身份证号码, 微信号, QQ号, 微博
  const rowA = [
    '赵青',
    '普通青年',
    '农村',
    '某村',
    '留守儿童、困难青年',
    '是',
    '13700000001',
    '',
    'zq-wx',
    '',
    '',
  ];
  const rowB = ['钱团', '基层团干部', '学校', '某中学', '', '否', '13700000002', '', '', '12345', ''];

  it('rejects a sheet with one bad phone whole, naming row, column and reason; then commits a clean one', async () => {
    const bad = await filledTemplate([rowA, ['孙某', '普通青年', '', '', '', '', '1370000', '', '', '', '']]);
    const res = await upload(two, bad, true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, committed: false, created: 0 });
    expect(res.json().errors).toMatchObject([{ row: 4, column: '手机号码' }]);
    expect(res.json().errors[0].reason).toContain('11');
    expect(
      await ctx.p.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.name, '赵青') }),
    ).toBeUndefined();

    const dupOfExisting = await upload(
      two,
      await filledTemplate([[...rowA.slice(0, 6), '13900001111', '', '', '', '']]),
      true,
    );
    expect(dupOfExisting.json().ok).toBe(false);
    expect(dupOfExisting.json().errors[0].reason).toContain(liId);

    const clean = await filledTemplate([rowA, rowB]);
    const preview = await upload(two, clean, false);
    expect(preview.json()).toMatchObject({ ok: true, committed: false, rows: 2 });
    expect((await two.get('/api/v1/contacts')).json().total).toBe(1);
    const committed = await upload(two, clean, true);
    expect(committed.json()).toMatchObject({ ok: true, committed: true, created: 2 });
    const list = (await two.get('/api/v1/contacts?q=赵')).json();
    expect(list.items).toMatchObject([
      { name: '赵青', field: 'rural', tags: ['left_behind_child', 'needy'], key: true },
    ]);
    expect(JSON.stringify(await ctx.p.db.query.auditLog.findMany())).not.toContain('13700000001');
  });

  it('imports for another cadre only within the caller’s subtree', async () => {
    const file = await filledTemplate([['周某', '普通青年', '', '', '', '', '', '', '', '', '']]);
    expect((await upload(outsider, file, true, ids.one)).statusCode).toBe(403);
    const res = await upload(admin, file, true, ids.ptGrass);
    expect(res.json()).toMatchObject({ ok: true, created: 1 });
    expect((await admin.get(`/api/v1/contacts?cadre=${ids.ptGrass}`)).json().progress).toMatchObject({
      count: 1,
      target: 10,
    });
  });
});
