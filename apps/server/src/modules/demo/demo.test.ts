import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { DEMO_PASSWORD, seedDemo } from './demo.service.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(() => ctx.close());

describe('demo data', () => {
  it('seeds once: accounts of every role, and a cadre whose work log is there at the first click', async () => {
    const accounts = await seedDemo(ctx.p);
    expect(new Set(accounts.map((a) => a.role))).toEqual(
      new Set(['system_admin', 'org_admin', 'leader', 'cadre']),
    );
    await seedDemo(ctx.p); // a second start changes nothing
    expect(await ctx.p.db.query.accounts.findMany()).toHaveLength(accounts.length);
    const cadre = new Client(ctx.app);
    expect((await cadre.login('cadre01', DEMO_PASSWORD)).statusCode).toBe(200);
    const timeline = (await cadre.get('/api/v1/activities')).json();
    expect(timeline.total).toBeGreaterThanOrEqual(8);
    const contacts = (await cadre.get('/api/v1/contacts')).json();
    expect(contacts.progress).toMatchObject({ count: 14 });
  });

  it('gives the compliance views something real: a cadre meeting and missing rules, a county covered twice', async () => {
    await seedDemo(ctx.p);
    const cadre = new Client(ctx.app);
    await cadre.login('cadre01', DEMO_PASSWORD);
    const mine = (await cadre.get('/api/v1/compliance?year=2026&asOf=2026-11-30')).json().results;
    const status = (rule: string) => mine.find((r: { rule: string }) => r.rule === rule)?.status;
    expect(status('baoji2018.lectures')).toBe('met');
    expect(status('baoji2018.visits')).toBe('in_progress');
    const admin = new Client(ctx.app);
    await admin.login('sx-admin', DEMO_PASSWORD);
    const all = (await admin.get('/api/v1/compliance?year=2026&asOf=2026-11-30')).json().results;
    const coverage = all.find((r: { rule: string }) => r.rule === 'cyl2014.province_coverage');
    expect(coverage.detail.doubly).toEqual(['div-610303']);
    expect(coverage.evidence).toEqual(expect.arrayContaining(['div-610302', 'div-610304', 'div-610102']));
  });
});
