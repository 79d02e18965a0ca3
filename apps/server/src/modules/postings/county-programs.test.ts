import type { TCreateActivityRequest, TFourPlusOne, TPostingPlanView } from '@lianxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestContext, systemActor, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, withCountyAStaff } from '../../testing/scenario.ts';
import { createActivity } from '../activities/activities.service.ts';

let ctx: TestContext;
let countyAdmin: Client;
let otherAdmin: Client;
let staff0: Client;
let staff: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const world = await cityWithTwoCounties(ctx);
  staff = await withCountyAStaff(ctx, world);
  ({ adminA: countyAdmin, adminB: otherAdmin, cadreA1: staff0 } = world.clients);
}, 180_000);
afterAll(() => ctx.close());

describe('"8+4" inside a county (decision 12)', () => {
  it('plans a quarter of the staff per batch, in groups of 2 to 3, at the county’s grassroots organizations', async () => {
    const notACounty = await countyAdmin.post('/api/v1/posting-programs', {
      name: '8+4',
      kind: 'mz2016',
      orgId: 'cA',
      organIds: ['cA', 'gA-r1'],
      batches: [{ name: '一', start: '2026-01-05' }],
    });
    expect(notACounty.statusCode).toBe(400);

    const program = await countyAdmin.post('/api/v1/posting-programs', {
      name: '2026 年“8+4”',
      kind: 'mz2016',
      orgId: 'cA',
      organIds: ['cA'],
      batches: ['2026-01-05', '2026-04-06', '2026-07-06', '2026-10-05'].map((start, i) => ({
        name: `第${i + 1}批`,
        start,
      })),
    });
    expect(program.statusCode).toBe(201);
    const [b1, b2, b3] = program.json().batches.map((b: { id: string }) => b.id);
    const prefs = `/api/v1/posting-programs/${program.json().id}/cadres/${staff[0]}/preferences`;
    // a cadre states their own wishes; a batch of another program is named back
    const wrong = await staff0.request({ method: 'PUT', url: prefs, payload: { avoidBatches: ['b-x'] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('avoidBatches.0');
    const own = await staff0.request({
      method: 'PUT',
      url: prefs,
      payload: { prefersBatches: [b3], avoidBatches: [b1, b2] },
    });
    expect(own.statusCode).toBe(200);
    // 我的下沉意愿: the cadre finds the program and what they stated, on their phone
    const mine = (await staff0.get('/api/v1/posting-preferences')).json();
    expect(mine.items).toEqual([
      expect.objectContaining({
        programId: program.json().id,
        published: false,
        prefersBatches: [b3],
        avoidBatches: [b1, b2],
      }),
    ]);
    expect(mine.items[0].batches).toHaveLength(4);
    const other = `/api/v1/posting-programs/${program.json().id}/cadres/${staff[1]}/preferences`;
    expect(
      (await staff0.request({ method: 'PUT', url: other, payload: { avoidBatches: [b1] } })).statusCode,
    ).toBe(403);
    const listed = (await countyAdmin.get(`/api/v1/posting-programs/${program.json().id}/cadres`)).json();
    expect(listed.items.find((c: { id: string }) => c.id === staff[0]).openBatches).not.toContain(b1);

    const res = await countyAdmin.post(`/api/v1/posting-programs/${program.json().id}/plan`);
    const plan = res.json() as TPostingPlanView;
    expect(plan.violations.filter((v) => v.hard)).toEqual([]);
    expect(plan.rows).toHaveLength(8);
    // no central cadres inside a county: mixing is no goal here, and any rank may lead
    expect(plan.violations.filter((v) => v.rule === 'mixed-group')).toEqual([]);
    expect(plan.score).not.toHaveProperty('mixedGroups');
    // avoided batches are never used; the preferred one is honoured here, where nothing stands against it
    expect(plan.rows.find((r) => r.cadre === staff[0])?.batch).toBe(b3);
    // the world's gA and the six more
    expect(new Set(plan.rows.map((r) => r.county)).size).toBeLessThanOrEqual(7);
    expect(plan.rows.every((r) => r.county.startsWith('gA'))).toBe(true);
    for (const batch of new Set(plan.rows.map((r) => r.batch)))
      expect(plan.rows.filter((r) => r.batch === batch)).toHaveLength(2);
    for (const g of plan.groups) {
      expect(g.members.length).toBeGreaterThanOrEqual(2);
      expect(g.members.length).toBeLessThanOrEqual(3);
    }
  });
});

describe('"4+1": the weekly grassroots day', () => {
  it('shows per week who was among grassroots youth, and who missed a finished week', async () => {
    const log = (body: Record<string, unknown>) =>
      createActivity(ctx.p, systemActor, body as TCreateActivityRequest);
    await log({ type: 'visit', cadre: staff[0], start: '2026-02-16', end: '2026-02-17', travelDays: 0 });
    await log({ type: 'event', cadre: staff[0], date: '2026-02-25', kind: 'volunteer' });
    await log({ type: 'talk', cadre: staff[1], date: '2026-02-18', mode: 'face_to_face', attendees: 5 });
    await log({ type: 'talk', cadre: staff[1], date: '2026-02-24', mode: 'phone', attendees: 5 });

    // the test clock stands on Sunday 2026-03-01: the week of 23 February is still running
    const res = await countyAdmin.get('/api/v1/four-plus-one?county=cA&weeks=2');
    expect(res.statusCode).toBe(200);
    const view = res.json() as TFourPlusOne;
    expect(view.weeks).toEqual(['2026-02-16', '2026-02-23']);
    expect(view.currentWeek).toBe('2026-02-23');
    expect(view.cadres).toHaveLength(8);
    const row = (id: string | undefined) => view.cadres.find((c) => c.id === id);
    expect(row(staff[0])).toMatchObject({ days: [['2026-02-16', '2026-02-17'], ['2026-02-25']], missed: 0 });
    // a phone call is not a day among youth, but the running week is not missed yet
    expect(row(staff[1])).toMatchObject({ days: [['2026-02-18'], []], missed: 0 });
    expect(row(staff[2])?.missed).toBe(1);

    const earlier = (
      await countyAdmin.get('/api/v1/four-plus-one?county=cA&weeks=2&until=2026-02-22')
    ).json();
    expect(earlier.currentWeek).toBeNull();
    expect(earlier.cadres.find((c: { id: string }) => c.id === staff[1]).missed).toBe(1);

    expect((await otherAdmin.get('/api/v1/four-plus-one?county=cA')).statusCode).toBe(403);
    expect((await countyAdmin.get('/api/v1/four-plus-one?county=gA-r1')).statusCode).toBe(400);
  });
});
