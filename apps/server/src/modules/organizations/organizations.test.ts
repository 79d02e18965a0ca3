import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestContext,
  makeAccount,
  makeCadre,
  makeOrg,
  signedIn,
  type TestContext,
} from '../../testing/index.ts';

let ctx: TestContext;
let adminA: Client; // 组织部 of county A
let leader: Client;
let cadre: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true }); // demo: admins need no TOTP enrolment here
  const { p } = ctx;
  await makeOrg(p, { id: 'central', level: 'central' });
  await makeOrg(p, { id: 'prov', level: 'province', parent: 'central', divisionCode: '610000' });
  await makeOrg(p, { id: 'pref', level: 'prefecture', parent: 'prov', divisionCode: '610300' });
  await makeOrg(p, {
    id: 'cA',
    name: '共青团甲县委',
    level: 'county',
    parent: 'pref',
    divisionCode: '610302',
  });
  await makeOrg(p, {
    id: 'cB',
    name: '共青团乙县委',
    level: 'county',
    parent: 'pref',
    divisionCode: '610303',
  });
  await makeOrg(p, { id: 'gA', level: 'grassroots', parent: 'cA', field: 'school' });
  await makeOrg(p, { id: 'gB', level: 'grassroots', parent: 'cB', field: 'rural' });
  const c = await makeCadre(p, { orgId: 'cA', name: '王某某' });
  await makeAccount(p, { username: 'admin-a', role: 'org_admin', scopeOrgId: 'cA' });
  await makeAccount(p, { username: 'leader-pref', role: 'leader', scopeOrgId: 'pref' });
  await makeAccount(p, { username: 'cadre-a', role: 'cadre', scopeOrgId: 'cA', cadreId: c.id });
  adminA = await signedIn(ctx, 'admin-a');
  leader = await signedIn(ctx, 'leader-pref');
  cadre = await signedIn(ctx, 'cadre-a');
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
    const search = await adminA.get(`/api/v1/organizations?q=${encodeURIComponent('乙县')}`);
    expect(search.json().items).toEqual([]);
    const denials = await ctx.p.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.result, 'denied') });
    expect(denials.filter((d) => d.actor === 'admin-a').map((d) => d.objectId)).toEqual(
      expect.arrayContaining(['cB', 'gB']),
    );
  });

  it('a leader reads the subtree but changes nothing', async () => {
    expect((await leader.get('/api/v1/organizations/gB')).statusCode).toBe(200);
    expect((await leader.patch('/api/v1/organizations/gB', { name: '领导改名' })).statusCode).toBe(403);
  });

  it('a cadre reads no organization directly', async () => {
    expect((await cadre.get('/api/v1/organizations/cA')).statusCode).toBe(403);
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
      'pref',
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
    const sys = await makeAccount(ctx.p, { username: 'sys', role: 'system_admin' });
    expect(sys).toBeTruthy();
    const admin = await signedIn(ctx, 'sys');
    const cycle = await admin.patch('/api/v1/organizations/pref', { parentId: 'gA' });
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
    const admin = await signedIn(ctx, 'sys');
    const taken = await admin.post('/api/v1/organizations', {
      name: '重复县委',
      level: 'county',
      parentId: 'pref',
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
