import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';

// 操作日志 names each object in Chinese (issue 13): no "account · <UUID>", a youth masked.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;

beforeAll(async () => {
  // demo: admins are not made to enrol TOTP first
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  const entries: [string, string][] = [
    ['account', world.accountIds.cadreA1],
    ['contact', 'yA'],
    ['contact_point', 'pA1'],
    ['activity', world.activityId],
    ['organization', 'gA'],
    ['cadre', world.cadres.B],
    ['account', 'gone'],
  ];
  for (const [objectType, objectId] of entries)
    await ctx.p.audit.record(ctx.p.db, { actor: 'sys', action: 'test.name', objectType, objectId });
});
afterAll(() => ctx.close());

describe('GET /audit', () => {
  it('names every object by its Chinese name, batched per page, a youth masked', async () => {
    const res = await world.clients.sys.get('/api/v1/audit?page=1&pageSize=20');
    expect(res.statusCode, res.body).toBe(200);
    const named = new Map<string, string | null>(
      res
        .json()
        .items.filter((r: { action: string }) => r.action === 'test.name')
        .map((r: { objectType: string; objectId: string; objectName: string | null }) => [
          `${r.objectType}:${r.objectId}`,
          r.objectName,
        ]),
    );
    expect(named.get(`account:${world.accountIds.cadreA1}`)).toBe('甲一（cadreA1）');
    expect(named.get('contact:yA')).toBe('甲***');
    expect(named.get('contact_point:pA1')).toBe('甲一 · 组织gA');
    expect(named.get(`activity:${world.activityId}`)).toBe('甲一 · 谈心谈话 · 2026-02-10');
    expect(named.get('organization:gA')).toBe('组织gA');
    expect(named.get(`cadre:${world.cadres.B}`)).toBe('乙');
    // an object since gone keeps its kind alone
    expect(named.get('account:gone')).toBeNull();
  });

  it('is refused to an org admin', async () => {
    expect((await world.clients.adminA.get('/api/v1/audit')).statusCode).toBe(403);
  });
});
