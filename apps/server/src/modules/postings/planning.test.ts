import type { TPostingPlanView } from '@lianxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema.ts';
import {
  type Client,
  createTestContext,
  makeAccount,
  makeCadre,
  makeOrg,
  signedIn,
  type TestContext,
} from '../../testing/index.ts';

// A world of its own, not the shared city: a national program needs two provinces with division
// codes, prefectures of four counties each, and organ cadres of set ranks, probation and employment.
let ctx: TestContext;
let admin: Client; // 团中央组织部
let provinceAdmin: Client; // another province's admin
let withPoint: string;
let inProbation: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const { p } = ctx;
  await makeOrg(p, { id: 'central', level: 'central' });
  await makeOrg(p, { id: 'sx', level: 'province', parent: 'central', divisionCode: '610000' });
  await makeOrg(p, { id: 'gs', level: 'province', parent: 'central', divisionCode: '620000' });
  for (const pref of ['xa', 'bj']) {
    await makeOrg(p, { id: pref, level: 'prefecture', parent: 'sx' });
    for (let i = 1; i <= 4; i++) await makeOrg(p, { id: `${pref}${i}`, level: 'county', parent: pref });
  }
  await makeOrg(p, { id: 'gs1', level: 'county', parent: 'gs' });
  await makeOrg(p, { id: 'g-org', level: 'grassroots', parent: 'xa1' });
  const ranks = ['division', 'division', 'section', 'staff'] as const;
  for (const organ of ['central', 'sx']) {
    for (const [i, rank] of ranks.entries()) {
      const c = await makeCadre(p, { orgId: organ, name: `${organ}干部${i}`, rank, grassrootsYears: i });
      if (organ === 'sx' && i === 1) withPoint = c.id;
    }
  }
  inProbation = (await makeCadre(p, { orgId: 'sx', name: '新录用', probationEndsOn: '2028-01-01' })).id;
  await makeCadre(p, { orgId: 'sx', name: '兼职干部', employment: 'part_time' });
  await makeAccount(p, { username: 'central-admin', role: 'org_admin', scopeOrgId: 'central' });
  await makeAccount(p, { username: 'gs-admin', role: 'org_admin', scopeOrgId: 'gs' });
  admin = await signedIn(ctx, 'central-admin');
  provinceAdmin = await signedIn(ctx, 'gs-admin');
  // a point held before the posting: the posting must leave it alone (decision 11)
  expect(
    (await admin.post('/api/v1/contact-points', { cadreId: withPoint, orgId: 'g-org', from: '2025-01-01' }))
      .statusCode,
  ).toBe(201);
}, 180_000);
afterAll(() => ctx.close());

const hard = (plan: TPostingPlanView) => plan.violations.filter((v) => v.hard);

describe('posting programs and their plans', () => {
  let programId: string;
  let plan: TPostingPlanView;

  it('an admin creates a program of two batches in the seed’s windows', async () => {
    const wrongMonth = await admin.post('/api/v1/posting-programs', {
      name: '常态化下沉基层',
      kind: 'cyl2015',
      orgId: 'central',
      organIds: ['central', 'sx'],
      batches: [{ name: '第一批', start: '2026-10-01' }],
    });
    expect(wrongMonth.statusCode).toBe(400);
    expect(wrongMonth.json().error.details[0].path).toBe('batches.0.start');

    const res = await admin.post('/api/v1/posting-programs', {
      name: '常态化下沉基层',
      kind: 'cyl2015',
      orgId: 'central',
      organIds: ['central', 'sx'],
      batches: [
        { name: '第一批', start: '2026-09-01' },
        { name: '第二批', start: '2027-03-01' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'cyl2015', plan: null });
    expect(res.json().batches.map((b: { start: string }) => b.start)).toEqual(['2026-09-01', '2027-03-01']);
    programId = res.json().id;
  });

  it('lists the organ cadres with their months and open batches, without part-time cadres', async () => {
    const res = await admin.get(`/api/v1/posting-programs/${programId}/cadres`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string; months: number; openBatches: string[] }[];
    expect(items).toHaveLength(9);
    expect(items.some((c) => c.name === '兼职干部')).toBe(false);
    expect(items.find((c) => c.id === inProbation)?.openBatches).toEqual([]);
    expect(items.find((c) => c.name === 'sx干部1')?.months).toBe(6);
    expect(items.find((c) => c.name === 'sx干部2')?.months).toBe(4);
  });

  it('another province’s admin may neither read nor plan the program', async () => {
    expect((await provinceAdmin.get(`/api/v1/posting-programs/${programId}`)).statusCode).toBe(403);
    expect((await provinceAdmin.post(`/api/v1/posting-programs/${programId}/plan`)).statusCode).toBe(403);
  });

  it('generates a draft without hard violations, explaining who stays home', async () => {
    const res = await admin.post(`/api/v1/posting-programs/${programId}/plan`);
    expect(res.statusCode).toBe(201);
    plan = res.json();
    expect(plan.status).toBe('draft');
    expect(hard(plan)).toEqual([]);
    expect(plan.rows).toHaveLength(8);
    expect(plan.unassigned.map((u) => u.cadre)).toEqual([inProbation]);
    expect(plan.unassigned[0]?.reason).toContain('试用期');
    for (const g of plan.groups) {
      expect(g.members.length).toBeGreaterThanOrEqual(3);
      expect(g.members.length).toBeLessThanOrEqual(4);
      expect(plan.rows.find((r) => r.cadre === g.leader)?.rank).toBe('division');
    }
    // provincial cadres stay in their province; names come with the ids
    expect(plan.rows.every((r) => r.countyName.startsWith('组织'))).toBe(true);
  });

  it('a cadre moved by hand brings the violation back at once; publishing waits until it is gone', async () => {
    const row = plan.rows.find((r) => !r.leader);
    const other = plan.rows.find((r) => r.batch !== row?.batch);
    if (!row || !other) throw new Error('the plan has two batches with members');
    const moved = await admin.patch(`/api/v1/posting-plans/${plan.id}/cadres/${row.cadre}`, {
      batch: other.batch,
      group: other.group,
    });
    expect(moved.statusCode).toBe(200);
    const broken = moved.json() as TPostingPlanView;
    expect(hard(broken).length).toBeGreaterThan(0);
    expect(hard(broken).some((v) => v.subject === row.cadre || v.subject === row.group)).toBe(true);

    const refused = await admin.post(`/api/v1/posting-plans/${plan.id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.length).toBeGreaterThan(0);

    const back = await admin.patch(`/api/v1/posting-plans/${plan.id}/cadres/${row.cadre}`, {
      batch: row.batch,
      group: row.group,
    });
    expect(hard(back.json())).toEqual([]);

    const unknown = await admin.patch(`/api/v1/posting-plans/${plan.id}/cadres/${row.cadre}`, {
      county: 'nowhere',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('county');
  });

  it('publishing creates the postings and makes each county a contact point from the start', async () => {
    const res = await admin.post(`/api/v1/posting-plans/${plan.id}/publish`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('published');

    const postings = (await admin.get(`/api/v1/postings?program=${programId}`)).json().items as {
      cadreId: string;
      orgId: string;
      from: string;
      to: string;
      months: number;
      pointId: string;
      groupId: string;
      leader: boolean;
    }[];
    expect(postings).toHaveLength(8);
    const mine = postings.find((x) => x.cadreId === withPoint);
    if (!mine) throw new Error('the cadre is posted');
    expect(mine.months).toBe(6);
    expect(mine.to).toBe(mine.from.startsWith('2026') ? '2027-02-28' : '2027-08-31');
    expect(postings.filter((x) => x.leader)).toHaveLength(new Set(postings.map((x) => x.groupId)).size);

    const points = (await admin.get(`/api/v1/contact-points?cadre=${withPoint}`)).json().items as {
      id: string;
      orgId: string;
      from: string;
      to: string | null;
    }[];
    expect(points.find((pt) => pt.id === mine.pointId)).toMatchObject({ orgId: mine.orgId, from: mine.from });
    expect(points.find((pt) => pt.orgId === 'g-org')).toMatchObject({ from: '2025-01-01', to: null });

    const again = await admin.patch(`/api/v1/posting-plans/${plan.id}/cadres/${mine.cadreId}`, { months: 4 });
    expect(again.statusCode).toBe(409);
    expect((await admin.post(`/api/v1/posting-programs/${programId}/plan`)).statusCode).toBe(409);
  });

  it('writes every change to the audit log', async () => {
    const actions = (await ctx.p.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    for (const a of [
      'posting_program.create',
      'posting_plan.generate',
      'posting_plan.move',
      'posting_plan.publish',
    ])
      expect(actions).toContain(a);
  });
});
