import type { TPostingPlanView, TProgramSuggestion } from '@lianxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.service.ts';

// Issue 13: on the demo's own data, a program created with its defaults plans with no hard
// violation and is published; every message names things in Chinese and says what mends it.

let ctx: TestContext;
const DAY = 86_400_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

async function admin(username: string) {
  const c = new Client(ctx.app);
  expect((await c.login(username, DEMO_PASSWORD)).statusCode).toBe(200);
  return c;
}

/** The defaults offered at `org`, created as they come, planned. */
async function planWithDefaults(c: Client, org: string) {
  const offered = (await c.get(`/api/v1/posting-programs/suggestions?org=${org}`)).json();
  expect(offered.items).toHaveLength(1);
  const s: TProgramSuggestion = offered.items[0];
  const created = await c.post('/api/v1/posting-programs', {
    name: s.name,
    kind: s.kind,
    orgId: org,
    organIds: [org],
    batches: s.batches,
  });
  expect(created.statusCode, created.body).toBe(201);
  const plan = await c.post(`/api/v1/posting-programs/${created.json().id}/plan`);
  expect(plan.statusCode, plan.body).toBe(201);
  return { suggestion: s, programId: created.json().id as string, plan: plan.json() as TPostingPlanView };
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  await seedDemo(ctx.p);
  // the demo's today: 2026-12-05, when the first window of 2026 is past
  ctx.clock.advance(279 * DAY);
}, 180_000);
afterAll(() => ctx.close());

describe('postings on the demo data, as created by default', () => {
  it('a province admin’s 常态化下沉基层 starts after today and is published as planned', async () => {
    const sx = await admin('sx-admin');
    const { suggestion, plan } = await planWithDefaults(sx, 'div-610000');
    expect(suggestion.kind).toBe('cyl2015');
    expect(suggestion.batches).toEqual([{ name: '第1批', start: '2027-03-01' }]);
    expect(plan.violations.filter((v) => v.hard)).toEqual([]);
    expect(plan.rows).toHaveLength(suggestion.staff);
    const published = await sx.post(`/api/v1/posting-plans/${plan.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
  });

  it('a county admin’s "8+4" is published, and the part-time cadres are listed as left out with why', async () => {
    const wb = await admin('wb-admin');
    const { suggestion, plan } = await planWithDefaults(wb, 'div-610302');
    expect(suggestion.kind).toBe('mz2016');
    expect(suggestion.staff).toBe(3);
    expect(plan.violations.filter((v) => v.hard)).toEqual([]);
    expect(plan.rows.length + plan.unassigned.length).toBe(3);
    expect(plan.leftOut).toHaveLength(3);
    for (const l of plan.leftOut) expect(l.reason).toContain('兼职团干部不是机关在编干部');
    expect((await wb.post(`/api/v1/posting-plans/${plan.id}/publish`)).statusCode).toBe(200);
  });

  it('offers a prefecture no kind of program', async () => {
    const bj = await admin('bj-admin');
    expect((await bj.get('/api/v1/posting-programs/suggestions?org=div-610300')).json().items).toEqual([]);
    // and an organization outside the admin's scope is refused
    expect((await bj.get('/api/v1/posting-programs/suggestions?org=div-610000')).statusCode).toBe(403);
  });

  it('names every thing in a violation by its Chinese name and says what mends it', async () => {
    const sx = await admin('sx-admin');
    const starts = ['2027-03-01', '2027-09-01', '2028-03-01', '2028-09-01'];
    const created = await sx.post('/api/v1/posting-programs', {
      name: '四批试排',
      kind: 'cyl2015',
      orgId: 'div-610000',
      organIds: ['div-610000'],
      batches: starts.map((start, i) => ({ name: `第${i + 1}批`, start })),
    });
    const plan: TPostingPlanView = (
      await sx.post(`/api/v1/posting-programs/${created.json().id}/plan`)
    ).json();
    const hard = plan.violations.filter((v) => v.hard);
    expect(hard.length).toBeGreaterThan(0);
    for (const v of plan.violations) {
      expect(v.message).not.toMatch(UUID);
      expect(v.message).not.toMatch(/\b(610000|central|g\d+)\b|div-/);
      expect(v.fix.length).toBeGreaterThan(4);
    }
    expect(hard.map((v) => v.message).join('\n')).toMatch(/第\d批（20\d\d-\d\d-01）|共青团陕西省委|第\d组/);
    const refused = await sx.post(`/api/v1/posting-plans/${plan.id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).not.toMatch(UUID);
  });
});
