import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardRatings, contactKeepers } from '../../platform/db/schema.ts';
import { createTestContext, type TestContext, visitor } from '../../testing/index.ts';
import { cityWithTwoCounties, withTheYouthsSide } from '../../testing/scenario.ts';

// The shared world, with these records added (the clock stands at 2026-03-01):
//   A1 keeps yA (the world's; talked with on 02-10), y1 (online 02-12), y2 (online 01-15, lecture 02-14)
//   A2 keeps yA too (talk 02-20) and z1 (nothing logged); B keeps nobody
//   ratings on A1's card: 3 (02-25), then 5 and 4 today (03-01)
let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;

const engagement = async (org: string, month: number) => {
  const res = await world.clients.city.get(
    `/api/v1/organizations/${org}/engagement?year=2026&month=${month}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  const { cardId, cardToken } = await withTheYouthsSide(ctx, world);
  const { cadreA1, cadreA2 } = world.clients;
  const ok = async (res: { statusCode: number; body: string; json: () => { id?: string } }) => {
    if (res.statusCode >= 300) throw new Error(res.body);
    return res.json();
  };
  const contact = async (client: typeof cadreA1, name: string) =>
    (await ok(await client.post('/api/v1/contacts', { name, role: 'youth' }))).id as string;
  const y1 = await contact(cadreA1, '青年一');
  const y2 = await contact(cadreA1, '青年二');
  await contact(cadreA2, '青年三');
  await ctx.p.db.insert(contactKeepers).values({ contactId: 'yA', cadreId: world.cadres.A2 });
  for (const [client, entry] of [
    [cadreA1, { type: 'online', date: '2026-02-12', channel: 'wechat', contacts: [y1] }],
    [cadreA1, { type: 'online', date: '2026-01-15', channel: 'qq', contacts: [y2] }],
    [cadreA1, { type: 'lecture', date: '2026-02-14', audience: 30, contacts: [y2] }],
    [cadreA2, { type: 'talk', date: '2026-02-20', mode: 'phone', contacts: ['yA'] }],
  ] as const)
    await ok(await client.post('/api/v1/activities', entry));
  await ctx.p.db.insert(cardRatings).values({
    id: crypto.randomUUID(),
    cardId,
    cadreId: world.cadres.A1,
    score: 3,
    ratedOn: '2026-02-25',
  });
  for (const score of [5, 4])
    await ok(
      await visitor(ctx, `198.51.100.${score}`).post(`/api/public/cards/${cardToken}/ratings`, { score }),
    );
});
afterAll(() => ctx.close());

describe('活跃度 and 满意度', () => {
  it("counts each cadre's kept contacts reached online or by talk in the month", async () => {
    const feb = await engagement('cA', 2);
    const byName = Object.fromEntries(
      (feb.cadres as { cadreName: string; activeness: unknown }[]).map((c) => [c.cadreName, c.activeness]),
    );
    expect(byName).toEqual({
      甲一: { contacts: 3, reached: 2, share: 0.667 },
      甲二: { contacts: 2, reached: 1, share: 0.5 },
    });
    const jan = await engagement('cA', 1);
    expect(jan.cadres.map((c: { activeness: unknown }) => c.activeness)).toEqual([
      { contacts: 3, reached: 1, share: 0.333 },
      { contacts: 2, reached: 0, share: 0 },
    ]);
  });

  it("counts an organization's youths once however many of its cadres keep them", async () => {
    expect((await engagement('cA', 2)).activeness).toEqual({ contacts: 4, reached: 2, share: 0.5 });
    expect((await engagement('city', 2)).activeness).toEqual({ contacts: 4, reached: 2, share: 0.5 });
    expect((await engagement('cA', 1)).activeness).toEqual({ contacts: 4, reached: 1, share: 0.25 });
    const b = await engagement('cB', 2);
    expect(b.activeness).toEqual({ contacts: 0, reached: 0, share: null });
    expect(b.cadres[0].activeness.share).toBeNull();
  });

  it('takes 满意度 per organization from the ratings on its cadres’ cards, in the month and the year', async () => {
    const march = await engagement('city', 3);
    expect(march.satisfaction).toEqual({ ratings: 2, average: 4.5 });
    expect(march.satisfactionYear).toEqual({ ratings: 3, average: 4 });
    const feb = await engagement('cA', 2);
    expect(feb.satisfaction).toEqual({ ratings: 1, average: 3 });
    expect(feb.cadres[0].satisfactionYear).toEqual({ ratings: 1, average: 3 });
    expect((await engagement('cB', 3)).satisfaction).toEqual({ ratings: 0, average: null });
  });

  it('is read by those who read the organization', async () => {
    const url = '/api/v1/organizations/cA/engagement?year=2026&month=2';
    expect((await world.clients.adminB.get(url)).statusCode).toBe(403);
    expect((await world.clients.cadreA1.get(url)).statusCode).toBe(403);
    expect((await world.clients.leaderA.get(url)).statusCode).toBe(200);
    expect((await world.clients.adminA.get(`${url.slice(0, -7)}month=13`)).statusCode).toBe(400);
  });

  it("puts the cadre's months and year in the assessment's material pack", async () => {
    const { adminA } = world.clients;
    const assessment = await adminA.post('/api/v1/annual/2026/assessments', { orgId: 'cA', sampleSize: 1 });
    expect(assessment.statusCode, assessment.body).toBe(201);
    const pack = await adminA.get(
      `/api/v1/assessments/${assessment.json().id}/cadres/${world.cadres.A1}/pack`,
    );
    expect(pack.statusCode, pack.body).toBe(200);
    expect(pack.json().engagement).toEqual({
      months: [
        { month: 1, contacts: 3, reached: 1, share: 0.333 },
        { month: 2, contacts: 3, reached: 2, share: 0.667 },
        { month: 3, contacts: 3, reached: 0, share: 0 },
      ],
      satisfaction: { ratings: 3, average: 4 },
    });
  });
});
