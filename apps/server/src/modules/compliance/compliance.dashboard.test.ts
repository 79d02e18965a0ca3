import type { TComplianceCadres, TComplianceResult, TDashboard } from '@lianxin/contracts';
import { dashboardFigures, headline, monthEnds } from '@lianxin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { key, sorted, withBoundaryLedger } from './compliance.fixture.ts';

// The dashboard routes against a fresh full evaluation (GET /compliance) of the same subtree,
// aggregated by the same domain functions in the test: the server's figures must be those.

let ctx: TestContext;
let sys: Client;
let adminBj: Client;
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  ({ sys, adminBj } = await withBoundaryLedger(ctx));
}, 120_000);
afterAll(() => ctx.close());

async function get<T>(client: Client, url: string): Promise<T> {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as T;
}

async function fresh(client: Client, org: string, asOf: string) {
  const q = `year=2026&asOf=${asOf}&org=${org}`;
  const { results } = await get<{ results: TComplianceResult[] }>(client, `/api/v1/compliance?${q}`);
  const roster = await get<TComplianceCadres>(client, `/api/v1/compliance/cadres?org=${org}`);
  return { q, results, roster };
}

const bare = ({ evidence: _e, detail: _d, ...r }: TComplianceResult) => r;

describe.each([
  { org: 'o-sx', asOf: '2026-06-30' },
  { org: 'o-bj', asOf: '2026-12-31' },
])('the dashboard of $org as of $asOf', ({ org, asOf }) => {
  it('gives the figures of a fresh full evaluation of the subtree', async () => {
    const { q, results, roster } = await fresh(sys, org, asOf);
    expect(results.length).toBeGreaterThan(10);
    const expected = dashboardFigures(results, {
      order: [null, ...roster.branches.map((b) => b.id)],
      of: new Map(roster.items.map((c) => [c.id, c.branchId])),
    });
    const all = await get<TDashboard>(sys, `/api/v1/compliance/dashboard?${q}&laggardPageSize=200`);
    expect([all.asOf, all.org.id]).toEqual([asOf, org]);
    expect([all.counts, all.rate]).toEqual([expected.counts, expected.rate]);
    expect(all.rules).toEqual(expected.rules);
    expect(all.branches.map(({ name: _, ...b }) => b)).toEqual(expected.branches);
    expect(all.branches.some((b) => b.id !== null)).toBe(true);
    expect(all.laggards.items.map(({ cadre, ...rest }) => ({ cadre: cadre.id, ...rest }))).toEqual(
      expected.laggards,
    );
    expect(sorted(all.coverage)).toEqual(
      sorted(results.filter((r) => r.rule === 'cyl2014.province_coverage')),
    );
    // a page of laggards is that slice of the whole order, named
    const second = await get<TDashboard>(
      sys,
      `/api/v1/compliance/dashboard?${q}&laggardPage=2&laggardPageSize=2`,
    );
    expect(second.laggards.total).toBe(expected.laggards.length);
    expect(second.laggards.items.map((l) => l.cadre.id)).toEqual(
      expected.laggards.slice(2, 4).map((l) => l.cadre),
    );
    const names = new Map(roster.items.map((c) => [c.id, c.name]));
    for (const l of second.laggards.items) expect(l.cadre.name).toBe(names.get(l.cadre.id));
    // the organization's own cadres only (本级), as 年底考核 shows them
    const own = await get<TDashboard>(sys, `/api/v1/compliance/dashboard?${q}&laggardsOwn=true`);
    const ownIds = new Set(roster.items.filter((c) => c.branchId === null).map((c) => c.id));
    expect(ownIds.size).toBeGreaterThan(0);
    expect(own.laggards.items.map((l) => l.cadre.id)).toEqual(
      expected.laggards.filter((l) => ownIds.has(l.cadre)).map((l) => l.cadre),
    );
    expect(own.counts).toEqual(expected.counts);
  }, 120_000);

  it('draws the trend of each month’s end in one call', async () => {
    const { q } = await fresh(sys, org, asOf);
    const trend = await get<{ months: { asOf: string }[] }>(sys, `/api/v1/compliance/trend?${q}`);
    const days = monthEnds(2026, asOf);
    expect(trend.months.map((m) => m.asOf)).toEqual(days);
    for (const day of [days[0] as string, days[days.length - 1] as string]) {
      const { results } = await fresh(sys, org, day);
      expect(trend.months.find((m) => m.asOf === day)).toEqual({ asOf: day, ...headline(results) });
    }
  }, 120_000);

  it('pages one rule’s and one cadre’s results, count-only, each result once', async () => {
    const { q, results } = await fresh(sys, org, asOf);
    const rule = results.find((r) => r.cadre !== null)?.rule as string;
    const cadre = results.find((r) => r.cadre !== null)?.cadre as string;
    for (const [filter, want] of [
      [`rule=${rule}`, results.filter((r) => r.rule === rule)],
      [`cadre=${cadre}`, results.filter((r) => r.cadre === cadre)],
    ] as const) {
      const got: TComplianceResult[] = [];
      for (let page = 1; (page - 1) * 4 < want.length; page++) {
        const answer = await get<{ items: TComplianceResult[]; total: number; cadres: { id: string }[] }>(
          sys,
          `/api/v1/compliance/results?${q}&${filter}&page=${page}&pageSize=4`,
        );
        expect(answer.total).toBe(want.length);
        for (const r of answer.items) if (r.cadre) expect(answer.cadres.map((c) => c.id)).toContain(r.cadre);
        got.push(...answer.items);
      }
      expect(got.map(bare).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        want.map(bare).sort((a, b) => key(a).localeCompare(key(b))),
      );
      expect(got.some((r) => r.cadre !== null && (r.evidence?.length ?? 0) > 0)).toBe(false);
    }
  }, 120_000);
});

describe('the dashboard routes keep to the caller’s scope', () => {
  it('answers a county admin their subtree and refuses an organization outside it', async () => {
    expect((await adminBj.get('/api/v1/compliance/dashboard?year=2026&org=o-sx')).statusCode).toBe(403);
    expect((await adminBj.get('/api/v1/compliance/trend?year=2026&org=o-xa')).statusCode).toBe(403);
    expect(
      (await adminBj.get('/api/v1/compliance/results?year=2026&org=o-sx&rule=baoji2018.lectures')).statusCode,
    ).toBe(403);
    const own = await get<TDashboard>(adminBj, '/api/v1/compliance/dashboard?year=2026&asOf=2026-06-30');
    expect(own.org.id).toBe('o-bj');
  });
});
