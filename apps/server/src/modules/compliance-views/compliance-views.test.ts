import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestContext, makeCadre, makeOrg, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: World;
let me: Client;
let colleague: Client;
let admin: Client;
let visitId: string;

beforeAll(async () => {
  // demo mode: admins act without enrolling TOTP first
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  // a branch secretary under gA, and a second branch of county A with no cadre
  await makeCadre(ctx.p, { orgId: 'gA', name: '支部书记' });
  await makeOrg(ctx.p, { id: 'gA2', level: 'grassroots', parent: 'cA' });
  ({ cadreA1: me, cadreA2: colleague, adminA: admin } = world.clients);
  visitId = (
    await me.post('/api/v1/activities', {
      type: 'visit',
      point: 'pA1',
      start: '2026-02-02',
      end: '2026-02-08',
      travelDays: 1,
      contacts: ['yA'],
    })
  ).json().activity.id;
});
afterAll(() => ctx.close());

const records = (c: Client, ids: string[]) => c.post('/api/v1/compliance/records', { ids });

describe('compliance records: the records behind a number', () => {
  it('a cadre reads the summaries of their own evidence, each of its kind, in the order asked', async () => {
    const res = await records(me, [visitId, 'yA', 'pA1', world.cadres.A1]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((r: { kind: string }) => r.kind)).toEqual([
      'activity',
      'contact',
      'point',
      'cadre',
    ]);
    expect(body.items[0].activity.onSiteDays).toBe(6);
    expect(body.items[1].contact.name).toBe('甲县青年');
    expect(body.items[2].point.orgName).toBeTruthy();
    expect(body.items[3].cadre.name).toBe('甲一');
    expect(body.withheld).toEqual([]);
  });

  it('another cadre gets none of them: each id withheld, the refusals audited', async () => {
    const res = await records(colleague, [visitId, 'yA', 'cA']);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], withheld: [visitId, 'yA', 'cA'] });
    const denied = await ctx.p.db.query.auditLog.findMany({
      where: (a, { and, eq }) => and(eq(a.actor, 'cadreA2'), eq(a.result, 'denied')),
    });
    expect(denied.map((d) => d.objectId)).toEqual(expect.arrayContaining([visitId, 'yA', 'cA']));
  });

  it('an admin reads organizations with their parent, for the coverage tree; unknown ids are withheld', async () => {
    const res = await records(admin, ['gA', 'ghost']);
    const body = res.json();
    expect(body.items).toEqual([
      {
        id: 'gA',
        kind: 'organization',
        organization: expect.objectContaining({ level: 'grassroots', parentId: 'cA' }),
      },
    ]);
    expect(body.items[0].organization.parentName).toBeTruthy();
    expect(body.withheld).toEqual(['ghost']);
  });

  it('more than 200 ids are refused, naming the field', async () => {
    const res = await records(
      admin,
      Array.from({ length: 201 }, (_, i) => `x${i}`),
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('ids');
  });
});

describe('compliance cadres: names of the subjects, per branch', () => {
  it('lists the subtree with the branch each cadre sits under, and every branch by name', async () => {
    const res = await admin.get('/api/v1/compliance/cadres');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.org.id).toBe('cA');
    expect(body.branches.map((b: { id: string }) => b.id).sort()).toEqual(['gA', 'gA2']);
    const branchOf = Object.fromEntries(
      body.items.map((c: { name: string; branchId: string | null }) => [c.name, c.branchId]),
    );
    expect(branchOf).toEqual({ 甲一: null, 甲二: null, 支部书记: 'gA' });
  });

  it('a branch asked for gives only its own cadres; a cadre may not list a subtree', async () => {
    const branch = await admin.get('/api/v1/compliance/cadres?org=gA');
    expect(branch.json().items.map((c: { name: string }) => c.name)).toEqual(['支部书记']);
    expect((await me.get('/api/v1/compliance/cadres?org=cA')).statusCode).toBe(403);
  });
});
