import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestContext, makeOrg, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World, withThirdCounty } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: World;
let cityAdmin: Client; // admin of the cadres' organization (county A)
let countyAdmin: Client; // admin of the point's county committee (county B)
let otherCountyAdmin: Client; // county C: over neither
let pred: Client;
let succ: Client;
let outsider: Client;
let c1: string;
let c2: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  const third = await withThirdCounty(ctx);
  // the point's organization: an enterprise branch of county B
  await makeOrg(ctx.p, { id: 'g1', level: 'grassroots', parent: 'cB', field: 'enterprise' });
  ({ A1: c1, A2: c2 } = world.cadres);
  ({ adminA: cityAdmin, adminB: countyAdmin, cadreA1: pred, cadreA2: succ } = world.clients);
  otherCountyAdmin = third.adminC;
  outsider = third.cadreClient;
});
afterAll(() => ctx.close());

const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  (res.json().error.details ?? []).map((d) => d.path).join(' ');

describe('contact points', () => {
  let p1: string;

  it('an admin over the cadre creates a point at a county or grassroots organization', async () => {
    const res = await cityAdmin.post('/api/v1/contact-points', {
      cadreId: c1,
      orgId: 'g1',
      from: '2025-01-01',
      category: 'improve',
      topic: '非公企业团建',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      cadreId: c1,
      orgId: 'g1',
      from: '2025-01-01',
      to: null,
      category: 'improve',
      orgField: 'enterprise',
    });
    p1 = res.json().id;

    const prefecture = await cityAdmin.post('/api/v1/contact-points', {
      cadreId: c1,
      orgId: 'city',
      from: '2025-01-01',
    });
    expect(prefecture.statusCode).toBe(400);
    expect(paths(prefecture)).toContain('orgId');

    const backwards = await cityAdmin.post('/api/v1/contact-points', {
      cadreId: c1,
      orgId: 'cB',
      from: '2025-05-01',
      to: '2025-04-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards)).toContain('to');

    const twice = await cityAdmin.post('/api/v1/contact-points', {
      cadreId: c1,
      orgId: 'g1',
      from: '2025-06-01',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain(p1);
  });

  it('cadres and admins of other subtrees cannot create points', async () => {
    expect(
      (await pred.post('/api/v1/contact-points', { cadreId: c1, orgId: 'cB', from: '2025-01-01' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await otherCountyAdmin.post('/api/v1/contact-points', {
          cadreId: c1,
          orgId: 'cB',
          from: '2025-01-01',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('rotation hands the ledger and the note to the successor; the predecessor keeps what they wrote', async () => {
    const before = await pred.post('/api/v1/activities', {
      type: 'talk',
      point: p1,
      date: '2025-06-01',
      mode: 'face_to_face',
      contacts: ['yA'],
      note: '谈心：就业困难',
    });
    expect(before.statusCode).toBe(201);

    expect(
      (
        await pred.post(`/api/v1/contact-points/${p1}/rotate`, {
          successorCadreId: c2,
          on: '2026-01-01',
          handoverNote: '自荐',
        })
      ).statusCode,
    ).toBe(403);
    const rotated = await cityAdmin.post(`/api/v1/contact-points/${p1}/rotate`, {
      successorCadreId: c2,
      on: '2026-01-01',
      handoverNote: '企业团支部换届在即，甲县青年需持续跟进',
    });
    expect(rotated.statusCode).toBe(201);
    const { predecessor, successor } = rotated.json();
    expect(predecessor).toMatchObject({ id: p1, to: '2025-12-31', successorId: successor.id });
    expect(successor).toMatchObject({
      cadreId: c2,
      orgId: 'g1',
      from: '2026-01-01',
      to: null,
      predecessorId: p1,
      category: 'improve',
    });
    const p2 = successor.id as string;

    // the predecessor's tenure is over: recording there after it ended is refused
    const late = await pred.post('/api/v1/activities', {
      type: 'leader_meeting',
      point: p1,
      date: '2026-01-05',
    });
    expect(late.statusCode).toBe(400);
    expect(paths(late)).toContain('date');

    // the successor inherits the contacts met at the point
    const after = await succ.post('/api/v1/activities', {
      type: 'visit',
      point: p2,
      start: '2026-02-02',
      end: '2026-02-06',
      travelDays: 1,
      contacts: ['yA'],
    });
    expect(after.statusCode).toBe(201);
    expect(after.json().onSiteDays).toBe(4);

    const succLedger = await succ.get(`/api/v1/contact-points/${p2}/ledger`);
    expect(succLedger.statusCode).toBe(200);
    const sl = succLedger.json();
    expect(sl.tenures.map((t: { id: string }) => t.id)).toEqual([p1, p2]);
    expect(sl.activities.map((a: { activity: { id: string } }) => a.activity.id)).toEqual([
      before.json().activity.id,
      after.json().activity.id,
    ]);
    expect(sl.handovers).toEqual([
      expect.objectContaining({
        fromPointId: p1,
        toPointId: p2,
        on: '2026-01-01',
        note: '企业团支部换届在即，甲县青年需持续跟进',
      }),
    ]);
    // decision 14: the successor inherits the keeping, so sees the name
    expect(sl.activities[0].contacts[0]).toEqual({ id: 'yA', name: '甲县青年', masked: false });
    // asking by the old tenure's id gives the same chain
    expect((await succ.get(`/api/v1/contact-points/${p1}/ledger`)).json().tenures).toHaveLength(2);

    const predLedger = await pred.get(`/api/v1/contact-points/${p1}/ledger`);
    expect(predLedger.statusCode).toBe(200);
    const pl = predLedger.json();
    expect(pl.activities.map((a: { activity: { id: string } }) => a.activity.id)).toEqual([
      before.json().activity.id,
    ]);
    expect(pl.handovers).toHaveLength(1);
    expect((await pred.get(`/api/v1/contact-points/${p2}/ledger`)).statusCode).toBe(403);

    const county = await countyAdmin.get(`/api/v1/contact-points/${p2}/ledger`);
    expect(county.statusCode).toBe(200);
    expect(county.json().activities).toHaveLength(2);
    expect(county.json().handovers).toHaveLength(1);
    // an admin who does not keep the contact sees the name masked
    expect(county.json().activities[0].contacts[0]).toEqual({ id: 'yA', name: '甲***', masked: true });
    expect((await cityAdmin.get(`/api/v1/contact-points/${p2}/ledger`)).statusCode).toBe(200);

    expect((await otherCountyAdmin.get(`/api/v1/contact-points/${p2}/ledger`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/contact-points/${p1}/ledger`)).statusCode).toBe(403);
    const denials = await ctx.p.db.query.auditLog.findMany({
      where: (a, { and, eq }) => and(eq(a.objectId, p2), eq(a.result, 'denied')),
    });
    expect(denials.map((d) => d.actor)).toEqual(expect.arrayContaining(['adminC', 'cadreA1']));

    // a cadre's points, current and past; an organization's contact cadres
    const mine = (await pred.get(`/api/v1/contact-points?cadre=${c1}`)).json();
    expect(mine.items.map((t: { id: string; to: string | null }) => [t.id, t.to])).toEqual([
      [p1, '2025-12-31'],
      ['pA1', null], // the world's point in county A
    ]);
    expect((await outsider.get(`/api/v1/contact-points?cadre=${c1}`)).statusCode).toBe(403);
    const atOrg = (await countyAdmin.get('/api/v1/contact-points?org=g1')).json();
    expect(atOrg.items.map((t: { cadreId: string }) => t.cadreId)).toEqual([c1, c2]);
    // the predecessor sees only their own tenure at the organization
    expect(
      (await pred.get('/api/v1/contact-points?org=g1')).json().items.map((t: { id: string }) => t.id),
    ).toEqual([p1]);
    expect((await outsider.get('/api/v1/contact-points?org=g1')).statusCode).toBe(403);

    // a rotated tenure is not rotated twice, nor ended by hand
    const again = await cityAdmin.post(`/api/v1/contact-points/${p1}/rotate`, {
      successorCadreId: c2,
      on: '2026-06-01',
      handoverNote: '再交一次',
    });
    expect(again.statusCode).toBe(400);
    expect((await cityAdmin.post(`/api/v1/contact-points/${p1}/end`, { to: '2025-10-01' })).statusCode).toBe(
      409,
    );
  });

  it('ends a tenure, never before it began nor before its own records', async () => {
    const created = await cityAdmin.post('/api/v1/contact-points', {
      cadreId: c1,
      orgId: 'cB',
      from: '2026-01-10',
    });
    const id = created.json().id;
    const bad = await cityAdmin.post(`/api/v1/contact-points/${id}/end`, { to: '2026-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toContain('to');
    expect(
      (
        await pred.post('/api/v1/activities', {
          type: 'lecture',
          point: id,
          date: '2026-02-10',
          audience: 30,
        })
      ).statusCode,
    ).toBe(201);
    expect((await cityAdmin.post(`/api/v1/contact-points/${id}/end`, { to: '2026-02-01' })).statusCode).toBe(
      409,
    );
    const ended = await cityAdmin.post(`/api/v1/contact-points/${id}/end`, { to: '2026-02-28' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().to).toBe('2026-02-28');
    expect((await pred.post(`/api/v1/contact-points/${id}/end`, { to: '2026-03-28' })).statusCode).toBe(403);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/contact-points',
        '/api/v1/contact-points/{id}/rotate',
        '/api/v1/contact-points/{id}/ledger',
        '/api/v1/activities',
        '/api/v1/activities/{id}/attachments',
        '/api/v1/attachments/{id}',
        '/api/v1/problems',
      ]),
    );
  });
});

describe('contact points under an organization, at any depth', () => {
  let sAdmin: Client;
  let cityXAdmin: Client;
  const point = async (orgId: string, cadreId: string) => {
    const res = await cityAdmin.post('/api/v1/contact-points', { cadreId, orgId, from: '2026-03-01' });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const under = (c: Client, org: string, query = '') =>
    c.get(`/api/v1/organizations/${org}/contact-points${query}`);
  const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);
  let inS: string[];
  let inT: string;

  beforeAll(async () => {
    // county C's rural branch gC, with a school branch below it
    await makeOrg(ctx.p, { id: 'gC2', level: 'grassroots', parent: 'gC', field: 'school' });
    sAdmin = otherCountyAdmin;
    cityXAdmin = world.clients.city;
    inS = [await point('cC', c1), await point('gC', c2), await point('gC2', c1)];
    inT = await point('gB', c2);
  });

  it('a county admin sees every point under the county, two levels down included, and none of another', async () => {
    const res = await under(sAdmin, 'cC', '?pageSize=50');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(ids(res).sort()).toEqual([...inS].sort());
    expect(res.json().items.map((i: { orgId: string }) => i.orgId)).toEqual(['cC', 'gC', 'gC2']);
    // 领域 comes from the organization record
    expect(res.json().items.map((i: { orgField: string | null }) => i.orgField)).toEqual([
      null,
      'rural',
      'school',
    ]);
    expect(ids(res)).not.toContain(inT);

    const other = await under(sAdmin, 'cB');
    expect(other.statusCode).toBe(403);
    const denied = await ctx.p.db.query.auditLog.findMany({
      where: (a, { and, eq }) => and(eq(a.actor, 'adminC'), eq(a.result, 'denied')),
    });
    expect(denied.map((d) => d.objectId)).toContain('cB');
  });

  it('a city admin sees the grassroots points of all its counties, page by page', async () => {
    const all = await under(cityXAdmin, 'city', '?pageSize=500');
    expect(ids(all)).toEqual(expect.arrayContaining([...inS, inT]));
    const total = all.json().total as number;
    expect(total).toBe(all.json().items.length);

    const paged: string[] = [];
    for (let page = 1; (page - 1) * 2 < total; page++) {
      const res = await under(cityXAdmin, 'city', `?page=${page}&pageSize=2`);
      expect(res.json()).toMatchObject({ total, page, pageSize: 2 });
      paged.push(...ids(res));
    }
    expect(paged).toEqual(ids(all));
  });

  it('refuses cadres and admins outside the subtree', async () => {
    expect((await under(pred, 'cC')).statusCode).toBe(403);
    expect((await under(cityAdmin, 'city')).statusCode).toBe(403);
    expect((await under(sAdmin, 'nowhere')).statusCode).toBe(404);
  });
});
