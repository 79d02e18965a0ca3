import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, inkShare, renderPdf } from '../../testing/documents.ts';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bulletin-'));
const q = '?period=quarter&year=2026&index=1';

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  ctx.clock.advance(40 * 86_400_000); // 2026-04-10: the first quarter is over
  world = await cityWithTwoCounties(ctx);
  // the city adopts seed 004's rules: the adopting level of the bulletins below
  const adopted = await world.clients.city.post('/api/v1/organizations/city/presets', {
    preset: 'meizhou-2016-direct-contact',
  });
  if (adopted.statusCode !== 200) throw new Error(adopted.body);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('bulletins (通报)', () => {
  it("reports the lower organizations' pass rates and coverage, with no ranking unless switched on", async () => {
    const res = await world.clients.city.get(`/api/v1/organizations/city/bulletin${q}`);
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({ label: '2026年第一季度', asOf: '2026-03-31', final: true });
    expect(b.rows.map((r: { orgId: string }) => r.orgId)).toEqual(['cA', 'cB']);
    const a = b.rows[0];
    expect(a.cadres).toBe(2);
    expect(a.counts.total).toBeGreaterThan(0);
    expect(a.rate).toBe(a.counts.met / (a.counts.met + a.counts.unmet + a.counts.in_progress));
    // gA is held as a contact point, cA itself is not: 1 of 2
    expect(a.coverage).toEqual({ covered: 1, total: 2, rate: 0.5 });
    expect(b.rows.every((r: { rank?: number }) => r.rank === undefined)).toBe(true);
    expect(b.cadreRanking).toBeUndefined();
    expect(b.rules.map((r: { rule: string }) => r.rule)).toContain('mz2016.one_plus_100');
  });

  it('ranks organizations, and cadres, only where the adopting level switched it on', async () => {
    const notAdopting = await world.clients.adminA.request({
      method: 'PUT',
      url: '/api/v1/organizations/cA/bulletin-settings',
      payload: { rankOrgs: true, rankCadres: true },
    });
    expect(notAdopting.statusCode).toBe(400);
    const set = await world.clients.city.request({
      method: 'PUT',
      url: '/api/v1/organizations/city/bulletin-settings',
      payload: { rankOrgs: true, rankCadres: false },
    });
    expect(set.json()).toMatchObject({ rankOrgs: true, rankCadres: false, setAt: 'city' });
    const b = (await world.clients.city.get(`/api/v1/organizations/city/bulletin${q}`)).json();
    expect(b.rows.map((r: { rank?: number }) => typeof r.rank)).toEqual(['number', 'number']);
    expect(b.cadreRanking).toBeUndefined();
    // the county below inherits the city's switches
    const below = (await world.clients.adminA.get('/api/v1/organizations/cA/bulletin-settings')).json();
    expect(below).toMatchObject({ rankOrgs: true, setAt: 'city' });
    await world.clients.city.request({
      method: 'PUT',
      url: '/api/v1/organizations/city/bulletin-settings',
      payload: { rankOrgs: true, rankCadres: true },
    });
    const withCadres = (await world.clients.city.get(`/api/v1/organizations/city/bulletin${q}`)).json();
    expect(withCadres.cadreRanking.map((c: { name: string }) => c.name).sort()).toEqual([
      '乙',
      '甲一',
      '甲二',
    ]);
  });

  it("is read by the level's own cadres, not by another level's", async () => {
    expect((await world.clients.cadreA1.get(`/api/v1/organizations/cA/bulletin${q}`)).statusCode).toBe(200);
    expect((await world.clients.cadreA1.get(`/api/v1/organizations/city/bulletin${q}`)).statusCode).toBe(403);
    expect((await world.clients.adminB.get(`/api/v1/organizations/cA/bulletin${q}`)).statusCode).toBe(403);
    expect(
      (await world.clients.city.get('/api/v1/organizations/city/bulletin?period=half&year=2026&index=3'))
        .statusCode,
    ).toBe(400);
    expect(
      (await world.clients.city.get('/api/v1/organizations/city/bulletin?period=month&year=2026&index=6'))
        .statusCode,
    ).toBe(400);
  });

  it('prints as a .docx with the same figures, rendered with ink on an A4 page', async () => {
    const res = await world.clients.city.get(`/api/v1/organizations/city/bulletin.docx${q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('2026年第一季度工作通报.docx'));
    const text = docxText(tmp, res.rawPayload);
    expect(text).toContain('组织city2026年第一季度工作通报');
    expect(text).toContain('下级组织达标与覆盖情况');
    expect(text).toContain('组织cA');
    expect(text).toContain('50%（1/2）');
    expect(text).toContain('团干部达标排名');
    const file = path.join(tmp, 'bulletin.docx');
    fs.writeFileSync(file, res.rawPayload);
    const pdf = renderPdf(tmp, file);
    expect(execFileSync('pdffonts', [pdf]).toString()).toMatch(/CJK/);
    expect(inkShare(tmp, pdf)).toBeGreaterThan(0.005);
    if (process.env.LIANXIN_KEEP_RENDER) fs.copyFileSync(pdf, process.env.LIANXIN_KEEP_RENDER);
  });
});
