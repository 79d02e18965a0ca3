import type { TComplianceResult } from '@lianxin/contracts';
import { ALL_RULES } from '@lianxin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema.ts';
import { type Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { engineOnLedger, key, sorted, withBoundaryLedger } from './compliance.fixture.ts';

// A world of its own, not the shared city: the boundary ledger (compliance.fixture.ts) puts records
// on each rule's edges, and the engine's answer on that ledger is what every figure is checked against.
let ctx: TestContext;
let sys: Client;
let adminBj: Client;
let adminWb: Client;
let leaderBj: Client;
let cadreC3: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  ({ sys, adminBj, adminWb, leaderBj, cadreC3 } = await withBoundaryLedger(ctx));
});
afterAll(() => ctx.close());

async function results(client: Client, query: string): Promise<TComplianceResult[]> {
  const res = await client.get(`/api/v1/compliance?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results;
}

describe('GET /api/v1/compliance', () => {
  it('answers as the interchange says, equal to the engine run on the ledger document itself', async () => {
    const res = await sys.get('/api/v1/compliance?year=2026&asOf=2026-06-30');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect([body.year, body.asOf]).toEqual([2026, '2026-06-30']);
    const ruleIds = new Set(ALL_RULES.map((r) => r.id));
    expect(body.results.every((r: TComplianceResult) => ruleIds.has(r.rule))).toBe(true);
    // subjects are named by the ids the ledger gave them
    expect(body.results).toContainEqual(
      expect.objectContaining({
        rule: 'baoji2018.lectures',
        cadre: 'c1',
        point: null,
        org: null,
        actual: 1,
        required: 4,
      }),
    );
    const expected = engineOnLedger(2026, '2026-06-30');
    expect(expected.length).toBeGreaterThan(20);
    expect(sorted(body.results)).toEqual(sorted(expected));
  });

  it('defaults asOf to today in China time, capped at the year end (decision 9)', async () => {
    const now = ctx.clock.now();
    const chinaDay = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const year = Number(chinaDay.slice(0, 4));
    expect((await sys.get(`/api/v1/compliance?year=${year}`)).json().asOf).toBe(chinaDay);
    expect((await sys.get(`/api/v1/compliance?year=${year - 1}`)).json().asOf).toBe(`${year - 1}-12-31`);
    expect((await sys.get(`/api/v1/compliance?year=${year - 1}&asOf=${year}-02-01`)).json().asOf).toBe(
      `${year - 1}-12-31`,
    );
  });

  it('keeps a county admin to their county and refuses another one', async () => {
    const own = await results(adminWb, 'year=2026&asOf=2026-06-30');
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((r) => r.cadre).filter((c) => c !== null))).toEqual(new Set(['c3']));
    expect(own.every((r) => r.org === null || ['o-wb', 'o-g1'].includes(r.org))).toBe(true);
    const other = await adminWb.get('/api/v1/compliance?year=2026&org=o-jt');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.messageZh).toBeTruthy();
    const subtree = await results(leaderBj, 'year=2026&asOf=2026-06-30&org=o-wb');
    expect(sorted(subtree)).toEqual(sorted(own));
  });

  it('gives a cadre their own results only', async () => {
    const own = await results(cadreC3, 'year=2026&asOf=2026-06-30');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.cadre === 'c3')).toBe(true);
    expect((await cadreC3.get('/api/v1/compliance?year=2026&org=o-bj')).statusCode).toBe(403);
  });

  it('refuses a year that is not one', async () => {
    expect((await sys.get('/api/v1/compliance?year=twenty')).statusCode).toBe(400);
  });
});

describe('preset adoption', () => {
  const adopt = (client: Client, org: string, params: Record<string, Record<string, unknown>>) =>
    client.post(`/api/v1/organizations/${org}/presets`, { preset: 'baoji-2018-close-contact', params });

  it('applies a tightened parameter and refuses a loosened one, bilingually', async () => {
    const tighter = await adopt(adminBj, 'o-bj', { 'baoji2018.lectures': { lectures: 6 } });
    expect(tighter.statusCode, tighter.body).toBe(200);
    const lectures = (await results(adminBj, 'year=2026&asOf=2026-06-30')).find(
      (r) => r.rule === 'baoji2018.lectures' && r.cadre === 'c1',
    );
    expect(lectures?.required).toBe(6);

    const looser = await adopt(adminWb, 'o-wb', { 'baoji2018.lectures': { lectures: 5 } });
    expect(looser.statusCode).toBe(400);
    const error = looser.json().error;
    expect(error.messageZh).toContain('收紧');
    expect(error.message).toContain('tighten');
    expect(error.details).toEqual([
      expect.objectContaining({
        path: 'params.baoji2018.lectures.lectures',
        message: expect.stringContaining('6'),
      }),
    ]);
    // an upper level may not tighten below what a lower level already asks, either
    const above = await sys.post('/api/v1/organizations/o-sx/presets', {
      preset: 'baoji-2018-close-contact',
      params: { 'baoji2018.lectures': { lectures: 8 } },
    });
    expect(above.statusCode).toBe(400);
    const inForce = (await adminWb.get('/api/v1/organizations/o-wb/presets')).json().items;
    expect(inForce).toContainEqual({
      org: 'o-bj',
      preset: 'baoji-2018-close-contact',
      params: { 'baoji2018.lectures': { lectures: 6 } },
    });
  });

  it('refuses a rule of another preset and an organization outside the scope', async () => {
    const wrong = await adopt(adminBj, 'o-bj', { 'cyl2014.min_tenure': { months: 24 } });
    expect(wrong.statusCode).toBe(400);
    expect((await adopt(adminWb, 'o-jt', {})).statusCode).toBe(403);
  });
});

describe('exemptions', () => {
  it('turn a result into exempt once approved by an admin above the requesting organization', async () => {
    const before = await results(adminWb, 'year=2026&asOf=2026-06-30');
    const target = before.find(
      (r) => r.cadre === 'c3' && (r.status === 'unmet' || r.status === 'in_progress'),
    );
    if (!target) throw new Error('the fixture should leave c3 a rule to meet');
    const created = await adminWb.post('/api/v1/exemptions', {
      rule: target.rule,
      cadre: 'c3',
      from: '2026-01-01',
      to: '2026-12-31',
      requestedBy: 'o-wb',
      reason: '边远地区，交通不便',
    });
    expect(created.statusCode, created.body).toBe(201);
    const exemption = created.json();
    expect(exemption.status).toBe('pending');
    const pending = (await results(adminWb, 'year=2026&asOf=2026-06-30')).find((r) => key(r) === key(target));
    expect(pending?.status).toBe(target.status);

    expect((await adminWb.post(`/api/v1/exemptions/${exemption.id}/approve`)).statusCode).toBe(403);
    const approved = await adminBj.post(`/api/v1/exemptions/${exemption.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: 'adminBj' });
    expect((await adminBj.post(`/api/v1/exemptions/${exemption.id}/approve`)).statusCode).toBe(409);

    const after = (await results(cadreC3, 'year=2026&asOf=2026-06-30')).find((r) => key(r) === key(target));
    expect(after).toMatchObject({ status: 'exempt', exemption: exemption.id });
    expect(
      (await adminBj.get('/api/v1/exemptions?status=approved')).json().items.map((e: { id: string }) => e.id),
    ).toEqual([exemption.id]);
    const actions = (await ctx.p.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['exemption.request', 'exemption.approve', 'preset.update']),
    );
  });

  it('refuses a subject outside the requesting organization and an unknown rule', async () => {
    const base = { from: '2026-01-01', to: '2026-12-31', requestedBy: 'o-wb', reason: '理由' };
    expect(
      (await adminWb.post('/api/v1/exemptions', { ...base, rule: 'baoji2018.lectures', cadre: 'c1' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await adminWb.post('/api/v1/exemptions', { ...base, rule: 'baoji2018.nothing', cadre: 'c3' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await cadreC3.post('/api/v1/exemptions', { ...base, rule: 'baoji2018.lectures', cadre: 'c3' }))
        .statusCode,
    ).toBe(403);
  });
});

it('is listed in the OpenAPI document', async () => {
  const openapi = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  expect(Object.keys(openapi.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/compliance',
      '/api/v1/exemptions',
      '/api/v1/organizations/{id}/presets',
    ]),
  );
});

describe('GET /api/v1/compliance/evidence', () => {
  it('answers one subject’s results with the records behind them, as the whole listing does', async () => {
    const res = await sys.get(
      '/api/v1/compliance/evidence?year=2026&asOf=2026-06-30&rule=baoji2018.lectures&cadre=c1',
    );
    expect(res.statusCode, res.body).toBe(200);
    const expected = (await results(sys, 'year=2026&asOf=2026-06-30')).filter(
      (r) => r.rule === 'baoji2018.lectures' && r.cadre === 'c1' && r.point === null,
    );
    expect(res.json().results).toEqual(expected);
    expect(expected[0]?.evidence).toEqual(['lec-1']);
  });

  it('refuses a subtree outside the caller’s scope', async () => {
    const res = await adminWb.get('/api/v1/compliance/evidence?year=2026&org=o-bj&cadre=c1');
    expect(res.statusCode).toBe(403);
  });
});
