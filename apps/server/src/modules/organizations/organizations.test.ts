import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World, withDivisionCodes } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: World;
let adminA: Client; // 组织部 of county A

beforeAll(async () => {
  ctx = await createTestContext({ demo: true }); // demo: admins need no TOTP enrolment here
  world = await cityWithTwoCounties(ctx);
  await withDivisionCodes(ctx);
  adminA = world.clients.adminA;
});
afterAll(() => ctx.close());

describe('organization scope', () => {
  it('an org admin sees its own subtree as its root, with children', async () => {
    const roots = await adminA.get('/api/v1/organizations');
    expect(roots.statusCode).toBe(200);
    expect(roots.json().items.map((o: { id: string }) => o.id)).toEqual(['cA']);
    const children = await adminA.get('/api/v1/organizations?parent=cA');
    expect(children.json().items.map((o: { id: string }) => o.id)).toEqual(['gA']);
  });

  it('an org admin of county A can neither read nor change county B, and the refusal is audited', async () => {
    expect((await adminA.get('/api/v1/organizations/cB')).statusCode).toBe(403);
    expect((await adminA.get('/api/v1/organizations?parent=cB')).statusCode).toBe(403);
    expect((await adminA.patch('/api/v1/organizations/gB', { name: '改名测试' })).statusCode).toBe(403);
    const create = await adminA.post('/api/v1/organizations', {
      name: '新团支部',
      level: 'grassroots',
      parentId: 'cB',
      field: 'rural',
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.messageZh).toContain('无权');
    const search = await adminA.get(`/api/v1/organizations?q=${encodeURIComponent('组织cB')}`);
    expect(search.json().items).toEqual([]);
    const denials = await ctx.p.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.result, 'denied') });
    expect(denials.filter((d) => d.actor === 'adminA').map((d) => d.objectId)).toEqual(
      expect.arrayContaining(['cB', 'gB']),
    );
  });

  it('a leader reads the subtree but changes nothing', async () => {
    const leader = world.clients.leaderA;
    expect((await leader.get('/api/v1/organizations/gA')).statusCode).toBe(200);
    expect((await leader.patch('/api/v1/organizations/gA', { name: '领导改名' })).statusCode).toBe(403);
  });

  it('a cadre reads no organization directly', async () => {
    expect((await world.clients.cadreA1.get('/api/v1/organizations/cA')).statusCode).toBe(403);
  });

  it('an unauthenticated request gets 401, a mutation without the CSRF token 403', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/organizations' });
    expect(res.statusCode).toBe(401);
    const csrf = adminA.csrf;
    adminA.csrf = '';
    const res2 = await adminA.post('/api/v1/organizations', {
      name: '无令牌',
      level: 'grassroots',
      parentId: 'cA',
      field: 'school',
    });
    adminA.csrf = csrf;
    expect(res2.statusCode).toBe(403);
    expect(res2.json().error.code).toBe('csrf');
  });
});

describe('organization changes', () => {
  it('creates, renames and moves inside the subtree, with the audit trail', async () => {
    const res = await adminA.post('/api/v1/organizations', {
      name: '共青团某公司委员会',
      level: 'grassroots',
      parentId: 'cA',
      field: 'enterprise',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const branch = await adminA.post('/api/v1/organizations', {
      name: '某公司一车间团支部',
      level: 'grassroots',
      parentId: id,
      field: 'enterprise',
    });
    expect(branch.statusCode).toBe(201);
    const moved = await adminA.patch(`/api/v1/organizations/${id}`, {
      parentId: 'gA',
      name: '共青团某集团委员会',
    });
    expect(moved.statusCode).toBe(200);
    const detail = (await adminA.get(`/api/v1/organizations/${branch.json().id}`)).json();
    expect(detail.path.map((o: { id: string }) => o.id)).toEqual([
      'central',
      'prov',
      'city',
      'cA',
      'gA',
      id,
      branch.json().id,
    ]);
    const audit = await ctx.p.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.objectId, id) });
    expect(audit.map((a) => a.action)).toEqual(['organization.create', 'organization.move']);
    expect(audit[1]?.before).toMatchObject({ name: '共青团某公司委员会', parentId: 'cA' });
  });

  it('refuses to move an organization under its own descendant', async () => {
    const res = await adminA.patch('/api/v1/organizations/cA', { parentId: 'gA' });
    expect([400, 403]).toContain(res.statusCode);
    const cycle = await world.clients.sys.patch('/api/v1/organizations/city', { parentId: 'gA' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.messageZh).toContain('下级');
  });

  it('refuses a level that cannot sit under the parent, and a division code taken at the same level', async () => {
    const wrongLevel = await adminA.post('/api/v1/organizations', {
      name: '错误的县委',
      level: 'county',
      parentId: 'gA',
    });
    expect(wrongLevel.statusCode).toBe(400);
    const taken = await world.clients.sys.post('/api/v1/organizations', {
      name: '重复县委',
      level: 'county',
      parentId: 'city',
      divisionCode: '610303',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.messageZh).toContain('cB');
  });

  it('closes only an organization with no open children and no active cadres', async () => {
    const busy = await adminA.post('/api/v1/organizations/gA/close', { closedOn: '2026-03-01' });
    expect(busy.statusCode).toBe(409);
    const leaf = (
      await adminA.post('/api/v1/organizations', {
        name: '待撤销团支部',
        level: 'grassroots',
        parentId: 'cA',
        field: 'other',
      })
    ).json();
    const closed = await adminA.post(`/api/v1/organizations/${leaf.id}/close`, { closedOn: '2026-03-01' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedOn).toBe('2026-03-01');
    const listed = (await adminA.get('/api/v1/organizations?parent=cA'))
      .json()
      .items.map((o: { id: string }) => o.id);
    expect(listed).not.toContain(leaf.id);
  });
});

describe('the tree’s children listing', () => {
  const create = async (name: string, parentId: string) =>
    (
      await adminA.post('/api/v1/organizations', { name, level: 'grassroots', parentId, field: 'other' })
    ).json();
  const children = async (query: string) =>
    (await adminA.get(`/api/v1/organizations?${query}`)).json().items as { id: string; childCount: number }[];

  it('lists the open children in order with their open children counted, the closed ones on request', async () => {
    const parent = await create('树形上级团委', 'cA');
    const second = await create('2号团支部', parent.id);
    const first = await create('1号团支部', parent.id);
    const closed = await create('3号团支部', parent.id);
    await adminA.post(`/api/v1/organizations/${closed.id}/close`, { closedOn: '2026-03-01' });

    expect(await children(`parent=${parent.id}`)).toEqual([first, second]);
    expect((await children(`parent=${parent.id}&includeClosed=true`)).map((o) => o.id)).toEqual([
      first.id,
      second.id,
      closed.id,
    ]);
    expect((await children('parent=cA')).find((o) => o.id === parent.id)?.childCount).toBe(2);
  });

  it('answers no children for a leaf and 404 for an organization that does not exist', async () => {
    const leaf = await create('树形末级团支部', 'cA');
    expect(await children(`parent=${leaf.id}`)).toEqual([]);
    const unknown = await adminA.get('/api/v1/organizations?parent=nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.messageZh).toContain('组织');
  });
});
