import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TConductRecord } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema.ts';
import { docxText } from '../../testing/documents.ts';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: World;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-conduct-'));
const url = () => `/api/v1/cadres/${world.cadres.A1}/conduct-records`;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
});
afterAll(() => ctx.close());

describe('表彰与处理 on a cadre (seeds 002, 003, 004)', () => {
  it('an admin over the cadre records a commendation and a disciplinary decision; the cadre reads both', async () => {
    const { adminA, city, cadreA1 } = world.clients;
    const praised = await city.post(url(), {
      kind: 'commendation',
      title: '优秀共青团干部',
      decidedOn: '2026-05-04',
      issuedBy: '共青团某市委',
      documentNo: '某团发〔2026〕12号',
      reason: '深入联系点，推动建立非公企业团组织',
    });
    expect(praised.statusCode, praised.body).toBe(201);
    const earlier = await adminA.post(url(), {
      kind: 'discipline',
      title: '通报批评',
      decidedOn: '2025-11-20',
      issuedBy: '共青团某县委',
      reason: '工作日志长期未记录',
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    const own = (await cadreA1.get(url())).json().items as TConductRecord[];
    // in the order decided
    expect(own.map((r) => [r.kind, r.title, r.recordedBy])).toEqual([
      ['discipline', '通报批评', 'adminA'],
      ['commendation', '优秀共青团干部', 'city'],
    ]);
    expect(own[1]).toMatchObject({ documentNo: '某团发〔2026〕12号', issuedBy: '共青团某市委' });
  });

  it('nobody else records them: the cadre, a peer and the other county are refused; a title is required', async () => {
    const body = { kind: 'commendation', title: '自评优秀', decidedOn: '2026-05-04', issuedBy: '本人' };
    for (const client of [world.clients.cadreA1, world.clients.leaderA, world.clients.adminB])
      expect((await client.post(url(), body)).statusCode).toBe(403);
    expect((await world.clients.cadreB.get(url())).statusCode).toBe(403);
    const bad = await world.clients.adminA.post(url(), { ...body, title: '' });
    expect(bad.statusCode).toBe(400);
  });

  it('each record is audited under the cadre', async () => {
    const rows = await ctx.p.db.select().from(auditLog).where(eq(auditLog.objectId, world.cadres.A1));
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('conduct.commendation');
    expect(actions).toContain('conduct.discipline');
  });

  it('an admin over the cadre corrects a record and withdraws one entered wrongly; the audit keeps both as they were', async () => {
    const { adminA, adminB, cadreA1, leaderA } = world.clients;
    const entered = await adminA.post(url(), {
      kind: 'discipline',
      title: '诫勉谈话',
      decidedOn: '2026-03-02',
      issuedBy: '共青团某县委',
      documentNo: '错号',
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const id = entered.json().id as string;
    const corrected = {
      kind: 'discipline',
      title: '诫勉谈话',
      decidedOn: '2026-03-02',
      issuedBy: '共青团某县委',
      documentNo: '某团发〔2026〕3号',
      reason: '联系点工作长期未开展',
    };
    // others may not, and a record of another cadre is not found through a cadre one may write
    for (const client of [cadreA1, leaderA, adminB]) {
      expect((await client.put(`${url()}/${id}`, corrected)).statusCode).toBe(403);
      expect((await client.request({ method: 'DELETE', url: `${url()}/${id}` })).statusCode).toBe(403);
    }
    const elsewhere = `/api/v1/cadres/${world.cadres.B}/conduct-records/${id}`;
    expect((await adminB.put(elsewhere, corrected)).statusCode).toBe(404);
    expect((await adminB.request({ method: 'DELETE', url: elsewhere })).statusCode).toBe(404);
    expect((await adminA.put(`${url()}/${id}`, { ...corrected, issuedBy: '' })).statusCode).toBe(400);

    const put = await adminA.put(`${url()}/${id}`, corrected);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ id, documentNo: '某团发〔2026〕3号', recordedBy: 'adminA' });
    const listed = (await cadreA1.get(url())).json().items as TConductRecord[];
    expect(listed.find((r) => r.id === id)).toMatchObject({ reason: '联系点工作长期未开展' });

    const gone = await adminA.request({ method: 'DELETE', url: `${url()}/${id}` });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(((await cadreA1.get(url())).json().items as TConductRecord[]).map((r) => r.id)).not.toContain(id);
    expect((await adminA.request({ method: 'DELETE', url: `${url()}/${id}` })).statusCode).toBe(404);

    const audited = await ctx.p.db.select().from(auditLog).where(eq(auditLog.objectId, world.cadres.A1));
    const correction = audited.find((r) => r.action === 'conduct.correct');
    expect(correction?.before).toMatchObject({ id, documentNo: '错号' });
    expect(correction?.after).toMatchObject({ id, documentNo: '某团发〔2026〕3号' });
    expect(audited.find((r) => r.action === 'conduct.withdraw')?.before).toMatchObject({
      id,
      reason: '联系点工作长期未开展',
    });
  });

  it("the year's records are printed in the cadre's annual archive", async () => {
    const res = await world.clients.adminA.get(`/api/v1/annual/2026/forms/archive/${world.cadres.A1}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const text = docxText(tmp, res.rawPayload);
    expect(text).toContain('六、表彰与处理');
    expect(text).toContain('优秀共青团干部');
    expect(text).toContain('共青团某市委 某团发〔2026〕12号');
    // decided in 2025: that year's archive, not this one
    expect(text).not.toContain('通报批评');
  });
});
