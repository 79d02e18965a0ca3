import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type Role, roles } from '../../testing/scenario.ts';
import { objectActions } from './types.ts';

// Role × object type × action over the routes that read and write each object, in one world
// (testing/scenario.ts): every cell is either answered or refused with a 403 that is audited.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
});
afterAll(() => ctx.close());

const above: Role[] = ['sys', 'province', 'city'];
const adminsOfA: Role[] = [...above, 'adminA'];
const readersOfA: Role[] = [...adminsOfA, 'leaderA'];

type Cell = {
  type: keyof typeof objectActions;
  action: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: () => string;
  body?: () => unknown;
  allowed: Role[];
};

const cells: Cell[] = [
  {
    type: 'organization',
    action: 'read',
    method: 'GET',
    url: () => '/api/v1/organizations/cA',
    allowed: readersOfA,
  },
  {
    type: 'organization',
    action: 'write',
    method: 'PATCH',
    url: () => '/api/v1/organizations/gA',
    body: () => ({ name: '组织gA' }),
    allowed: adminsOfA,
  },
  {
    type: 'cadre',
    action: 'read',
    method: 'GET',
    url: () => `/api/v1/cadres/${world.cadres.A1}`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  {
    type: 'cadre',
    action: 'write',
    method: 'PATCH',
    url: () => `/api/v1/cadres/${world.cadres.A1}`,
    body: () => ({ name: '甲一' }),
    allowed: adminsOfA,
  },
  {
    type: 'account',
    action: 'write',
    method: 'PATCH',
    url: () => `/api/v1/accounts/${world.accountIds.cadreA2}`,
    body: () => ({ unlock: true }),
    allowed: adminsOfA,
  },
  {
    type: 'contact',
    action: 'read',
    method: 'GET',
    url: () => '/api/v1/contacts/yA',
    allowed: [...readersOfA, 'cadreA1'],
  },
  {
    type: 'contact',
    action: 'write',
    method: 'PATCH',
    url: () => '/api/v1/contacts/yA',
    body: () => ({ unit: '某单位' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  {
    type: 'contact',
    action: 'reveal',
    method: 'POST',
    url: () => '/api/v1/contacts/yA/reveal',
    body: () => ({ reason: '核对信息' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  {
    type: 'contact',
    action: 'keep',
    method: 'POST',
    url: () => '/api/v1/contacts/yA/keepers',
    body: () => ({ cadreId: world.cadres.A1, key: false }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  {
    type: 'contact_point',
    action: 'read',
    method: 'GET',
    url: () => '/api/v1/contact-points/pA1/ledger',
    allowed: [...readersOfA, 'cadreA1'],
  },
  {
    type: 'activity',
    action: 'read',
    method: 'GET',
    url: () => `/api/v1/activities/${world.activityId}`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  {
    type: 'activity',
    action: 'write',
    method: 'PATCH',
    url: () => `/api/v1/activities/${world.activityId}`,
    body: () => ({ note: '补记' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
];

describe('access matrix', () => {
  it('names only object types and actions of the closed list', () => {
    for (const c of cells) expect(objectActions[c.type] as readonly string[]).toContain(c.action);
  });

  for (const c of cells) {
    it(`${c.type} · ${c.action}: ${c.allowed.join(', ')}`, async () => {
      for (const role of roles) {
        const deniedBefore = await denialsOf(role);
        const res = await world.clients[role].request({
          method: c.method,
          url: c.url(),
          payload: c.body?.() as Record<string, unknown> | undefined,
        });
        if (c.allowed.includes(role)) {
          expect([200, 201], `${role} ${c.method} ${c.url()}: ${res.body}`).toContain(res.statusCode);
        } else {
          expect(res.statusCode, `${role} ${c.method} ${c.url()}: ${res.body}`).toBe(403);
          expect(await denialsOf(role), `${role}: refusal audited`).toBe(deniedBefore + 1);
        }
      }
    });
  }
});

async function denialsOf(actor: string) {
  const rows = await ctx.p.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.actor, actor) });
  return rows.filter((r) => r.result === 'denied').length;
}
