import { idNumberCheckChar } from '@lianxin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

// The four holes of issue 11 and the minors' rules, each as its own regression test, against the
// shared world (a city with two counties), with county B's cadre given a point and a youth there.

let ctx: TestContext;
let sys: Client;
let adminA: Client;
let adminB: Client;
let cadreA: Client;
const ids = { cadreA: '', cadreB: '' };

const withCheck = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
// the test clock stands at 2026-03-01: born 2015 is under 14
const CHILD_ID = withCheck('61030220150615123');

const ledger = (parts: Record<string, unknown[]>) => ({
  format: 'lianxin-ledger/1',
  organizations: [],
  cadres: [],
  presets: [],
  contactPoints: [],
  contacts: [],
  activities: [],
  ...parts,
});

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const { cadres, clients } = await cityWithTwoCounties(ctx);
  ids.cadreA = cadres.A1;
  ids.cadreB = cadres.B;
  ({ sys, adminA, adminB, cadreA1: cadreA } = clients);
  const world = await sys.post(
    '/api/v1/ledger',
    ledger({
      contactPoints: [{ id: 'pB', cadre: ids.cadreB, org: 'gB', from: '2025-01-01', to: '2025-12-31' }],
      contacts: [{ id: 'yB', name: '乙县青年', role: 'youth', of: [ids.cadreB] }],
      activities: [
        {
          id: 'aB',
          cadre: ids.cadreB,
          type: 'talk',
          date: '2025-06-01',
          point: 'pB',
          contacts: ['yB'],
          mode: 'face_to_face',
        },
      ],
    }),
  );
  expect(world.statusCode, world.body).toBe(200);
  const phone = await adminB.patch('/api/v1/contacts/yB', { phone: '13911112222' });
  expect(phone.statusCode, phone.body).toBe(200);
});
afterAll(() => ctx.close());

const denials = async (actor: string) =>
  (await ctx.p.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.actor, actor) })).filter(
    (a) => a.result === 'denied',
  );

describe('issue 11 holes', () => {
  it('1: a cadre cannot make themselves keeper of a person on file elsewhere, nor learn who it is', async () => {
    const dup = await cadreA.post('/api/v1/contacts', { name: '某', role: 'youth', phone: '13911112222' });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).not.toContain('yB');
    expect(dup.body).not.toContain('乙');
    expect((await cadreA.post('/api/v1/contacts/yB/keepers', {})).statusCode).toBe(403);
    expect((await cadreA.post('/api/v1/contacts/yB/reveal', { reason: '核实身份' })).statusCode).toBe(403);
    expect((await cadreA.patch('/api/v1/contacts/yB', { name: '改' })).statusCode).toBe(403);
    // an admin of one county cannot add keepers to another county's person either
    const viaAdmin = await adminA.post('/api/v1/contacts/yB/keepers', { cadreId: ids.cadreA });
    expect(viaAdmin.statusCode).toBe(403);
  });

  it('2: an admin cannot bind an account to a cadre of another county', async () => {
    const res = await adminA.post('/api/v1/accounts', {
      username: 'bound-elsewhere',
      password: 'Bound-else-2026!',
      role: 'org_admin',
      scopeOrgId: 'cA',
      cadreId: ids.cadreB,
    });
    expect(res.statusCode).toBe(403);
    expect(
      await ctx.p.db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.username, 'bound-elsewhere') }),
    ).toBeUndefined();
    expect((await denials('adminA')).some((d) => d.objectType === 'cadre' && d.objectId === ids.cadreB)).toBe(
      true,
    );
  });

  it('3: a ledger import cannot change or take over a contact kept only in another county', async () => {
    const renamed = await adminA.post(
      '/api/v1/ledger',
      ledger({ contacts: [{ id: 'yB', name: '改名', role: 'youth', of: [ids.cadreB] }] }),
    );
    expect(renamed.statusCode).toBe(403);
    const takenOver = await adminA.post(
      '/api/v1/ledger',
      ledger({ contacts: [{ id: 'yB', name: '乙县青年', role: 'youth', of: [ids.cadreB, ids.cadreA] }] }),
    );
    expect(takenOver.statusCode).toBe(403);
    const keepers = await ctx.p.db.query.contactKeepers.findMany({
      where: (k, { eq }) => eq(k.contactId, 'yB'),
    });
    expect(keepers.map((k) => k.cadreId)).toEqual([ids.cadreB]);
    const row = await ctx.p.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.id, 'yB') });
    expect(row?.name).toBe('乙县青年');
  });

  it("4: a ledger import cannot hang its own point from another county's point as its successor", async () => {
    const res = await adminA.post(
      '/api/v1/ledger',
      ledger({
        contactPoints: [
          { id: 'pA', cadre: ids.cadreA, org: 'gB', from: '2026-01-01', to: null, predecessor: 'pB' },
        ],
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(
      await ctx.p.db.query.contactPoints.findFirst({ where: (c, { eq }) => eq(c.id, 'pA') }),
    ).toBeUndefined();
    expect((await cadreA.get('/api/v1/contact-points/pB/ledger')).statusCode).toBe(403);
    expect((await cadreA.post('/api/v1/contacts/yB/reveal', { reason: '接任' })).statusCode).toBe(403);
  });
});

describe('minors (decision 27)', () => {
  it("stores an under-14's phone or ID number only with a guardian's consent on record", async () => {
    const refused = await cadreA.post('/api/v1/contacts', {
      name: '小明',
      role: 'youth',
      idNumber: CHILD_ID,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject([{ path: 'guardianConsent' }]);
    expect(
      await ctx.p.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.name, '小明') }),
    ).toBeUndefined();
    const consent = { guardian: '王父', relation: '父亲', on: '2026-02-28', method: 'written' };
    const saved = await cadreA.post('/api/v1/contacts', {
      name: '小明',
      role: 'youth',
      idNumber: CHILD_ID,
      phone: '13822223333',
      guardianConsent: consent,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({
      minor: true,
      under14: true,
      guardianConsent: { relation: '父亲', on: '2026-02-28', method: 'written' },
    });
    expect(saved.body).not.toContain('王父');
    const id = saved.json().id;

    const revealed = await cadreA.post(`/api/v1/contacts/${id}/reveal`, { reason: '家访联系' });
    expect(revealed.json()).toMatchObject({ phone: '13822223333', guardian: '王父' });
    const log = await adminA.get('/api/v1/contacts/minor-access?org=cA');
    expect(log.statusCode).toBe(200);
    expect(log.json().items).toMatchObject([
      { actor: 'cadreA1', contactId: id, contactName: '小*', reason: '家访联系' },
    ]);
    expect(log.body).not.toContain('13822223333');
    // another county's admin does not see it; a cadre may not read the log at all
    expect((await adminB.get('/api/v1/contacts/minor-access?org=cB')).json().items).toEqual([]);
    expect((await adminB.get('/api/v1/contacts/minor-access?org=cA')).statusCode).toBe(403);
    expect((await cadreA.get('/api/v1/contacts/minor-access?org=cA')).statusCode).toBe(403);
  });
});
