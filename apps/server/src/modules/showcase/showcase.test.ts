import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema.ts';
import { createTestContext, type TestContext, visitor } from '../../testing/index.ts';
import { cityWithTwoCounties, withTheYouthsSide } from '../../testing/scenario.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof cityWithTwoCounties>>;
let caseId: string;
let draftId: string;

const showcaseOf = async (org: string) => {
  const res = await visitor(ctx).get(`/api/public/showcase/${org}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const shownIds = async (org: string) =>
  ((await showcaseOf(org)).json().items as { id: string }[]).map((c) => c.id);

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  ({ caseId } = await withTheYouthsSide(ctx, world));
  // a second case of A1, written with the youth's name and phone, not published yet
  const res = await world.clients.cadreA1.post('/api/v1/activities', {
    type: 'case',
    date: '2026-02-20',
    title: '甲县青年就业帮扶',
    point: 'pA1',
    contacts: ['yA'],
    note: '甲县青年（13912345678）找到了工作。',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  draftId = res.json().activity.id;
});
afterAll(() => ctx.close());

describe('典型案例 on the showcase', () => {
  it('shows the published case on the public showcase of its organization and those above, not beside', async () => {
    for (const org of ['gA', 'cA', 'city', 'prov']) expect(await shownIds(org)).toEqual([caseId]);
    expect(await shownIds('cB')).toEqual([]);
    const [item] = (await showcaseOf('cA')).json().items;
    expect(item).toMatchObject({
      title: '返乡青年创业帮扶',
      orgId: 'gA',
      orgName: '组织gA',
      date: '2026-02-15',
    });
    expect((await visitor(ctx).get('/api/public/showcase/nowhere')).statusCode).toBe(404);
  });

  it('shows a case only once it is published, and no more once it is taken down', async () => {
    expect(await shownIds('cA')).not.toContain(draftId);
    const put = await world.clients.adminA.put(`/api/v1/cases/${draftId}/publication`, {
      title: '就业帮扶',
      body: '一名青年找到了工作。',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await shownIds('cA')).toEqual([draftId, caseId]);
    const del = await world.clients.adminA.request({
      method: 'DELETE',
      url: `/api/v1/cases/${draftId}/publication`,
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(await shownIds('cA')).toEqual([caseId]);
    const again = await world.clients.adminA.request({
      method: 'DELETE',
      url: `/api/v1/cases/${draftId}/publication`,
    });
    expect(again.statusCode).toBe(404);
    const audited = await ctx.p.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'showcase_case'), eq(auditLog.objectId, draftId)));
    expect(audited.map((a) => a.action)).toEqual(['case.publish', 'case.unpublish']);
  });

  it('is published by an admin over the author only: not by the cadre, not by another county', async () => {
    const body = { title: '就业帮扶', body: '一名青年找到了工作。' };
    for (const who of ['cadreA1', 'cadreA2', 'leaderA', 'adminB'] as const) {
      const res = await world.clients[who].put(`/api/v1/cases/${draftId}/publication`, body);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
    }
    const takeDown = await world.clients.cadreA1.request({
      method: 'DELETE',
      url: `/api/v1/cases/${caseId}/publication`,
    });
    expect(takeDown.statusCode).toBe(403);
    // an activity of another type is no case
    const talk = await world.clients.adminA.put(`/api/v1/cases/${world.activityId}/publication`, body);
    expect(talk.statusCode).toBe(404);
  });

  it("refuses a youth's name, phone or ID number in the published words, and suggests words without them", async () => {
    const refused = await world.clients.adminA.put(`/api/v1/cases/${draftId}/publication`, {
      title: '甲县青年就业帮扶',
      body: '联系电话 13912345678，身份证 610302200801011234。',
    });
    expect(refused.statusCode).toBe(400);
    const details = refused.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['title', 'body']);
    expect(details[1]?.message).toContain('手机号、身份证号');
    // the refusal does not repeat the name (the admin may see it masked)
    expect(refused.body).not.toContain('甲县青年');

    const list = await world.clients.adminA.get('/api/v1/cases?org=cA');
    expect(list.statusCode).toBe(200);
    const draft = list.json().items.find((c: { id: string }) => c.id === draftId);
    expect(draft).toMatchObject({
      title: '甲县青年就业帮扶',
      suggested: { title: '甲某就业帮扶', body: '甲某（***********）找到了工作。' },
      published: null,
      canPublish: true,
    });
    const ok = await world.clients.adminA.put(`/api/v1/cases/${draftId}/publication`, draft.suggested);
    expect(ok.statusCode, ok.body).toBe(200);
    for (const org of ['cA', 'city']) {
      const page = (await showcaseOf(org)).body;
      for (const leak of ['甲县青年', '13912345678', '13812345678', 'yA', world.cadres.A1])
        expect(page).not.toContain(leak);
    }
  });

  it('lists in the app the cases each reader reads in the log, and who may publish them', async () => {
    const ids = async (who: keyof typeof world.clients) =>
      (
        (await world.clients[who].get('/api/v1/cases?org=cA')).json().items as {
          id: string;
          canPublish: boolean;
        }[]
      ).map((c) => [c.id, c.canPublish]);
    expect(await ids('cadreA1')).toEqual([
      [draftId, false],
      [caseId, false],
    ]);
    expect(await ids('city')).toEqual([
      [draftId, true],
      [caseId, true],
    ]);
    expect(await ids('cadreA2')).toEqual([]);
    expect(await ids('adminB')).toEqual([]);
  });

  it('serves the showcase page at /s/<org>, a real 404 for an unknown organization', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/s/cA' });
    expect([200, 503]).toContain(page.statusCode);
    const unknown = await ctx.app.inject({ method: 'GET', url: '/s/nowhere' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('该组织不存在');
  });
});
