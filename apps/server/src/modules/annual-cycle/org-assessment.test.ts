import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, makeOrg, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, type World } from '../../testing/scenario.ts';

// 下级组织考核 (seed 003 三.2): the city grades its counties under the cadres' quotas (优 ≤ 30%,
// 良 ≤ 50% of those assessed, rounding down), with each county's figures beside it.
let ctx: TestContext;
let world: World;
const counties = ['cA', 'cB', 'cC', 'cD'];
beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithTwoCounties(ctx);
  for (const id of ['cC', 'cD'])
    await makeOrg(ctx.p, { id, level: 'county', parent: 'city', name: `组织${id}` });
}, 180_000);
afterAll(() => ctx.close());

describe('grades for lower organizations', () => {
  let id: string;

  it('starts with the open lower organizations and the figures of the level’s bulletin', async () => {
    const { city } = world.clients;
    const res = await city.post('/api/v1/annual/2026/org-assessments', { orgId: 'city' });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    id = a.id;
    expect(a.entries.map((e: { orgId: string }) => e.orgId).sort()).toEqual(counties);
    expect(a.quota).toEqual({ assessed: 4, excellent: 1, good: 2 });
    expect(a.entries.find((e: { orgId: string }) => e.orgId === 'cA')).toEqual({
      orgId: 'cA',
      name: '组织cA',
      grade: null,
    });
    // the figures beside each organization are read apart, as the level's bulletin counts them
    const bulletin = (
      await city.get('/api/v1/organizations/city/bulletin?period=half&year=2026&index=1')
    ).json();
    const rowA = bulletin.rows.find((r: { orgId: string }) => r.orgId === 'cA');
    const figures = (await city.get(`/api/v1/org-assessments/${id}/figures`)).json();
    expect(figures.items.map((f: { orgId: string }) => f.orgId).sort()).toEqual(counties);
    const figuresA = figures.items.find((f: { orgId: string }) => f.orgId === 'cA');
    expect(figuresA).toMatchObject({ cadres: 2, rate: rowA.rate });
    expect((await city.post('/api/v1/annual/2026/org-assessments', { orgId: 'city' })).statusCode).toBe(409);
  });

  it('refuses grades over the quota, saying by how many, and keeps the others', async () => {
    const { city } = world.clients;
    const over = await city.put(`/api/v1/org-assessments/${id}/grades`, {
      grades: [
        { orgId: 'cA', grade: 'excellent' },
        { orgId: 'cB', grade: 'excellent' },
      ],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.messageZh).toContain('超出名额 1 人');
    const a = (await city.get(`/api/v1/org-assessments/${id}`)).json();
    expect(a.entries.every((e: { grade: string | null }) => e.grade === null)).toBe(true);
  });

  it('publishes only when every organization is graded, then locks the grades', async () => {
    const { city, adminA, cadreA1 } = world.clients;
    const put = (grades: { orgId: string; grade: string }[]) =>
      city.put(`/api/v1/org-assessments/${id}/grades`, { grades });
    const saved = await put([{ orgId: 'cA', grade: 'excellent' }]);
    expect(saved.statusCode).toBe(200);
    // a grade saved answers the grading as stored, without the subtree's figures
    expect(saved.json().entries.find((e: { orgId: string }) => e.orgId === 'cA')).toEqual({
      orgId: 'cA',
      name: '组织cA',
      grade: 'excellent',
    });
    const early = await city.post(`/api/v1/org-assessments/${id}/publish`);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.messageZh).toBe('尚有 3 个下级组织未评定等次');
    expect(
      (
        await put([
          { orgId: 'cB', grade: 'good' },
          { orgId: 'cC', grade: 'good' },
          { orgId: 'cD', grade: 'fair' },
        ])
      ).statusCode,
    ).toBe(200);
    // a graded county's admin reads nothing of the draft, not even its own grade
    const gradeOfA = () => adminA.get('/api/v1/annual/2026/org-grade?org=cA');
    expect((await gradeOfA()).statusCode).toBe(403);
    const published = await city.post(`/api/v1/org-assessments/${id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect((await put([{ orgId: 'cD', grade: 'poor' }])).statusCode).toBe(423);
    expect(
      (await city.put(`/api/v1/org-assessments/${id}/grades`, { grades: [{ orgId: 'gA', grade: 'good' }] }))
        .statusCode,
    ).toBe(423);
    // a county does not grade its peers, and a cadre reads nothing of it
    expect((await adminA.get(`/api/v1/org-assessments/${id}`)).statusCode).toBe(403);
    expect((await cadreA1.get(`/api/v1/org-assessments/${id}`)).statusCode).toBe(403);
  });

  it('lets a graded county’s admins read their own published grade, and nobody else’s', async () => {
    const { city, adminA, adminB, leaderA, cadreA1 } = world.clients;
    const own = await adminA.get('/api/v1/annual/2026/org-grade?org=cA');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      assessmentId: id,
      year: 2026,
      gradedBy: { id: 'city', name: '组织city' },
      orgId: 'cA',
      status: 'published',
      grade: 'excellent',
    });
    expect(own.json().publishedAt).toBeTruthy();
    // a sibling's entry, another county's admin, the county's leader and cadres: refused
    expect((await adminA.get('/api/v1/annual/2026/org-grade?org=cB')).statusCode).toBe(403);
    expect((await adminB.get('/api/v1/annual/2026/org-grade?org=cA')).statusCode).toBe(403);
    expect((await leaderA.get('/api/v1/annual/2026/org-grade?org=cA')).statusCode).toBe(403);
    expect((await cadreA1.get('/api/v1/annual/2026/org-grade?org=cA')).statusCode).toBe(403);
    // the grading level reads every entry; a year without a grading has none
    expect((await city.get('/api/v1/annual/2026/org-grade?org=cB')).json().grade).toBe('good');
    expect((await adminA.get('/api/v1/annual/2025/org-grade?org=cA')).statusCode).toBe(404);
  });

  it('refuses an organization outside those assessed and a level with nothing below it', async () => {
    const { adminA, city } = world.clients;
    const a = (await adminA.post('/api/v1/annual/2026/org-assessments', { orgId: 'cA' })).json();
    const outside = await adminA.put(`/api/v1/org-assessments/${a.id}/grades`, {
      grades: [{ orgId: 'gB', grade: 'good' }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([{ path: 'grades', message: 'gB' }]);
    const empty = await city.post('/api/v1/annual/2026/org-assessments', { orgId: 'gA' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.messageZh).toBe('该组织没有可考核的下级组织');
  });
});
