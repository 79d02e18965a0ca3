import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactKeepers, contacts } from '../../platform/db/schema.ts';
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
let me: Client;
let colleague: Client;
let admin: Client;
let meId: string;
let pointId: string;
let visitId: string;

beforeAll(async () => {
  // demo mode: admins act without enrolling TOTP first
  ctx = await createTestContext({ demo: true });
  const { p } = ctx;
  await makeOrg(p, { id: 'central', level: 'central' });
  await makeOrg(p, { id: 'cA', level: 'county', parent: 'central' });
  await makeOrg(p, { id: 'gA', level: 'grassroots', parent: 'cA', field: 'school' });
  await makeOrg(p, { id: 'gB', level: 'grassroots', parent: 'cA', field: 'rural' });
  await makeCadre(p, { orgId: 'gA', name: '支部书记' });
  meId = (await makeCadre(p, { orgId: 'cA', name: '本人' })).id;
  const colleagueId = (await makeCadre(p, { orgId: 'cA', name: '同事' })).id;
  await makeAccount(p, { username: 'me', role: 'cadre', scopeOrgId: 'cA', cadreId: meId });
  await makeAccount(p, { username: 'colleague', role: 'cadre', scopeOrgId: 'cA', cadreId: colleagueId });
  await makeAccount(p, { username: 'admin-a', role: 'org_admin', scopeOrgId: 'cA' });
  await p.db.insert(contacts).values({ id: 'y1', name: '王同学', role: 'youth', field: 'school' });
  await p.db.insert(contactKeepers).values({ contactId: 'y1', cadreId: meId, key: true });
  me = await signedIn(ctx, 'me');
  colleague = await signedIn(ctx, 'colleague');
  admin = await signedIn(ctx, 'admin-a');
  pointId = (
    await admin.post('/api/v1/contact-points', { cadreId: meId, orgId: 'gA', from: '2026-01-01' })
  ).json().id;
  visitId = (
    await me.post('/api/v1/activities', {
      type: 'visit',
      point: pointId,
      start: '2026-02-02',
      end: '2026-02-08',
      travelDays: 1,
      contacts: ['y1'],
    })
  ).json().activity.id;
});
afterAll(() => ctx.close());

const records = (c: Client, ids: string[]) => c.post('/api/v1/compliance/records', { ids });

describe('compliance records: the records behind a number', () => {
  it('a cadre reads the summaries of their own evidence, each of its kind, in the order asked', async () => {
    const res = await records(me, [visitId, 'y1', pointId, meId]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((r: { kind: string }) => r.kind)).toEqual([
      'activity',
      'contact',
      'point',
      'cadre',
    ]);
    expect(body.items[0].activity.onSiteDays).toBe(6);
    expect(body.items[1].contact.name).toBe('王同学');
    expect(body.items[2].point.orgName).toBeTruthy();
    expect(body.items[3].cadre.name).toBe('本人');
    expect(body.withheld).toEqual([]);
  });

  it('another cadre gets none of them: each id withheld, the refusals audited', async () => {
    const res = await records(colleague, [visitId, 'y1', 'cA']);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], withheld: [visitId, 'y1', 'cA'] });
    const denied = await ctx.p.db.query.auditLog.findMany({
      where: (a, { and, eq }) => and(eq(a.actor, 'colleague'), eq(a.result, 'denied')),
    });
    expect(denied.map((d) => d.objectId)).toEqual(expect.arrayContaining([visitId, 'y1', 'cA']));
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
    expect(body.branches.map((b: { id: string }) => b.id).sort()).toEqual(['gA', 'gB']);
    const branchOf = Object.fromEntries(
      body.items.map((c: { name: string; branchId: string | null }) => [c.name, c.branchId]),
    );
    expect(branchOf).toEqual({ 本人: null, 同事: null, 支部书记: 'gA' });
  });

  it('a branch asked for gives only its own cadres; a cadre may not list a subtree', async () => {
    const branch = await admin.get('/api/v1/compliance/cadres?org=gA');
    expect(branch.json().items.map((c: { name: string }) => c.name)).toEqual(['支部书记']);
    expect((await me.get('/api/v1/compliance/cadres?org=cA')).statusCode).toBe(403);
  });
});
