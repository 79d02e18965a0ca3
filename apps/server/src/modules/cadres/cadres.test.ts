import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: World;
let selfId: string;
let otherId: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  selfId = world.cadres.A1;
  otherId = world.cadres.A2;
  // A1's mobile, as their admin would enter it: the duplicate below is matched against it
  const withMobile = await world.clients.adminA.patch(`/api/v1/cadres/${selfId}`, { mobile: '13800001111' });
  if (withMobile.statusCode !== 200) throw new Error(withMobile.body);
});
afterAll(() => ctx.close());

describe('cadres', () => {
  it('a cadre sees only their own record', async () => {
    expect((await world.clients.cadreA1.get(`/api/v1/cadres/${selfId}`)).statusCode).toBe(200);
    expect((await world.clients.cadreA1.get(`/api/v1/cadres/${otherId}`)).statusCode).toBe(403);
    const list = (await world.clients.cadreA1.get('/api/v1/cadres')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([selfId]);
    expect(
      (await world.clients.cadreA1.patch(`/api/v1/cadres/${selfId}`, { name: '自己改名' })).statusCode,
    ).toBe(403);
  });

  it('an admin lists the subtree only, with mobiles masked', async () => {
    const list = (await world.clients.adminA.get('/api/v1/cadres?org=cA')).json();
    expect(list.total).toBe(2);
    expect(list.items.find((c: { id: string }) => c.id === selfId).mobileMasked).toBe('138****1111');
    expect(JSON.stringify(list)).not.toContain('13800001111');
    expect((await world.clients.adminA.get('/api/v1/cadres?org=cB')).statusCode).toBe(403);
  });

  it('stores personal data encrypted and keeps it out of the audit log', async () => {
    const created = await world.clients.adminA.post('/api/v1/cadres', {
      name: '新干部',
      orgId: 'cA',
      rank: 'deputy_division',
      employment: 'seconded',
      grassrootsYears: 1,
      mobile: '13912345678',
      idNumber: '11010519491231002X',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      mobileMasked: '139****5678',
      idNumberMasked: '110105********002X',
    });
    const row = await ctx.p.db.query.cadres.findFirst({ where: (c, { eq }) => eq(c.id, created.json().id) });
    expect(row?.mobileEnc?.toString('latin1')).not.toContain('13912345678');
    expect(ctx.p.cipher.decrypt(row!.mobileEnc!)).toBe('13912345678');
    const audit = await ctx.p.db.query.auditLog.findMany({
      where: (a, { eq }) => eq(a.objectId, created.json().id),
    });
    expect(JSON.stringify(audit)).not.toContain('13912345678');
    expect(JSON.stringify(audit)).not.toContain('11010519491231002X');
  });

  it('matches people by mobile instead of duplicating them (decision 1)', async () => {
    const dup = await world.clients.adminA.post('/api/v1/cadres', {
      name: '重复录入',
      orgId: 'cA',
      rank: 'staff',
      employment: 'part_time',
      mobile: '138 0000 1111',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.messageZh).toContain(selfId);
  });

  it('names every invalid field', async () => {
    const bad = await world.clients.adminA.post('/api/v1/cadres', {
      name: '',
      orgId: 'cA',
      rank: 'boss',
      employment: 'full_time',
      mobile: '12345',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .join(' ');
    expect(paths).toContain('name');
    expect(paths).toContain('rank');
    expect(paths).toContain('mobile');
  });
});
