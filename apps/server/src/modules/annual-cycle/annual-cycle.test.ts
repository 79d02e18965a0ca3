import { drawSpotCheckSample } from '@lianxin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contactKeepers, contactPoints, contacts, orgPresets } from '../../platform/db/schema.ts';
import {
  type Client,
  createTestContext,
  makeAccount,
  makeCadre,
  makeOrg,
  signedIn,
  type TestContext,
} from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';
import { annualCycleFacts } from './annual-cycle.facts.ts';

const DAY = 86_400_000;
let ctx: TestContext;
let admin: Client; // county A's organization admin
let otherAdmin: Client; // county B's admin
let cadre: Client;
let peer: Client;
const county: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const { p } = ctx;
  const world = await cityWithTwoCounties(ctx);
  await p.db.insert(orgPresets).values({ orgId: 'city', preset: 'baoji-2018-close-contact' });
  ({ adminA: admin, adminB: otherAdmin, cadreA1: cadre, cadreA2: peer } = world.clients);
  // county A grows to ten cadres, for the quotas (3 优 of 10), and a second point each for A1 and A2
  county.push(world.cadres.A1, world.cadres.A2);
  for (let i = 2; i < 10; i++) county.push((await makeCadre(p, { orgId: 'cA', name: `干部${i}号` })).id);
  for (const g of ['gA2', 'gA3']) await makeOrg(p, { id: g, level: 'grassroots', parent: 'cA' });
  await p.db.insert(contactPoints).values([
    { id: 'pA1b', cadreId: world.cadres.A1, orgId: 'gA2', fromDate: '2025-01-01' },
    { id: 'pA2', cadreId: world.cadres.A2, orgId: 'gA3', fromDate: '2025-01-01' },
  ]);
});
afterAll(() => ctx.close());

const plan = {
  lecture: '3月、6月、9月、12月到联系点宣讲团十八大精神',
  talk: '与联系点团干部每季度谈心',
  research: '非公企业青年思想状况调研',
  work: '帮助联系点规范团员发展；建立青年之家',
  pointIds: ['pA1', 'pA1b'],
};

async function auditActions(action: string) {
  const rows = await ctx.p.db.select().from(auditLog);
  return rows.filter((r) => r.action === action);
}

describe('task list (任务清单)', () => {
  const url = (cadreId: string, year = 2026) => `/api/v1/annual/${year}/cadres/${cadreId}/task-list`;

  it('a cadre files their plan with up to four of their own points, and nobody else may', async () => {
    const theirs = await cadre.request({
      method: 'PUT',
      url: url(county[0] as string),
      payload: { ...plan, pointIds: ['pA2'] },
    });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().error.details[0].path).toBe('pointIds.0');
    const five = await cadre.request({
      method: 'PUT',
      url: url(county[0] as string),
      payload: { ...plan, pointIds: ['pA1', 'pA1b', 'pA1', 'pA1b', 'pA1'] },
    });
    expect(five.statusCode).toBe(400);
    const forOther = await peer.request({ method: 'PUT', url: url(county[0] as string), payload: plan });
    expect(forOther.statusCode).toBe(403);
    const byAdmin = await admin.request({ method: 'PUT', url: url(county[0] as string), payload: plan });
    expect(byAdmin.statusCode).toBe(403);

    const saved = await cadre.request({ method: 'PUT', url: url(county[0] as string), payload: plan });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      status: 'draft',
      due: '2026-01-31',
      state: 'missing',
      content: plan,
    });
  });

  it('a filing after 31 January is late; one before it on time', async () => {
    expect((await cadre.post(`${url(county[0] as string)}/submit`)).statusCode).toBe(200);
    const late = await cadre.get(url(county[0] as string));
    expect(late.json()).toMatchObject({ status: 'submitted', firstSubmittedOn: '2026-03-01', state: 'late' });

    ctx.clock.advance(-40 * DAY); // 2026-01-20
    await peer.request({
      method: 'PUT',
      url: url(county[1] as string),
      payload: { ...plan, pointIds: ['pA2'] },
    });
    await peer.post(`${url(county[1] as string)}/submit`);
    ctx.clock.advance(40 * DAY);
    expect((await peer.get(url(county[1] as string))).json().state).toBe('on_time');
  });

  it('the filings reach the compliance answer: baoji2018.task_list_filed met on time, unmet late', async () => {
    const res = await admin.get('/api/v1/compliance?year=2026&asOf=2026-12-31');
    const filed = (cadreId: string | undefined) =>
      res
        .json()
        .results.find(
          (r: { rule: string; cadre: string }) =>
            r.rule === 'baoji2018.task_list_filed' && r.cadre === cadreId,
        );
    expect(filed(county[1])).toMatchObject({ status: 'met' });
    expect(filed(county[0])).toMatchObject({ status: 'unmet' });
  });

  it('the organization admin sees who filed late and who has not filed', async () => {
    const res = await admin.get('/api/v1/annual/2026/filings?org=cA&kind=task_list');
    expect(res.statusCode).toBe(200);
    const states = Object.fromEntries(
      res.json().items.map((i: { cadreId: string; state: string }) => [i.cadreId, i.state]),
    );
    expect(states[county[0] as string]).toBe('late');
    expect(states[county[1] as string]).toBe('on_time');
    expect(states[county[2] as string]).toBe('missing');
    expect(res.json().items).toHaveLength(10);
    expect((await otherAdmin.get('/api/v1/annual/2026/filings?org=cA&kind=task_list')).statusCode).toBe(403);
  });

  it('the admin returns it with comments, the cadre corrects and resubmits, the admin accepts', async () => {
    const target = url(county[0] as string);
    expect((await cadre.post(`${target}/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await otherAdmin.post(`${target}/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await admin.post(`${target}/review`, { decision: 'return' })).statusCode).toBe(400);
    expect(
      (await admin.post(`${target}/review`, { decision: 'return', comment: '宣讲时间请细化到月' }))
        .statusCode,
    ).toBe(200);
    expect((await cadre.get(target)).json()).toMatchObject({
      status: 'returned',
      reviewComment: '宣讲时间请细化到月',
    });
    await cadre.request({
      method: 'PUT',
      url: target,
      payload: { ...plan, lecture: '3月12日、6月18日宣讲' },
    });
    await cadre.post(`${target}/submit`);
    expect((await admin.post(`${target}/review`, { decision: 'accept' })).statusCode).toBe(200);
    const accepted = (await cadre.get(target)).json();
    // the first submission still dates the filing: a return does not move it
    expect(accepted).toMatchObject({
      status: 'accepted',
      firstSubmittedOn: '2026-03-01',
      reviewedBy: 'adminA',
    });
    const edit = await cadre.request({ method: 'PUT', url: target, payload: plan });
    expect(edit.statusCode).toBe(409);
    expect((await auditActions('task_list.accept')).length).toBe(1);
  });
});

describe('year-end assessment (年底考核)', () => {
  let id: string;
  const grade = (grades: { cadreId: string; grade: string | null }[]) =>
    admin.request({ method: 'PUT', url: `/api/v1/assessments/${id}/grades`, payload: { grades } });

  it('an admin starts the assessment of their unit; another county’s admin may not', async () => {
    expect((await otherAdmin.post('/api/v1/annual/2026/assessments', { orgId: 'cA' })).statusCode).toBe(403);
    const res = await admin.post('/api/v1/annual/2026/assessments', { orgId: 'cA', sampleSize: 3 });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().quota).toEqual({ assessed: 10, excellent: 3, good: 5 });
    expect((await admin.post('/api/v1/annual/2026/assessments', { orgId: 'cA' })).statusCode).toBe(409);
  });

  it('allows 3 优 of 10 and refuses a 4th, saying by how many', async () => {
    const three = await grade(county.slice(0, 3).map((cadreId) => ({ cadreId, grade: 'excellent' })));
    expect(three.statusCode).toBe(200);
    const fourth = await grade([{ cadreId: county[3] as string, grade: 'excellent' }]);
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.messageZh).toContain('超出名额 1 人');
    expect(fourth.json().error.message).toContain('by 1');
    const stored = (await admin.get(`/api/v1/assessments/${id}`)).json();
    expect(stored.entries.filter((e: { grade: string }) => e.grade === 'excellent')).toHaveLength(3);
    // regrading one 优 to 良 frees a place
    expect(
      (
        await grade([
          { cadreId: county[0] as string, grade: 'good' },
          { cadreId: county[3] as string, grade: 'excellent' },
        ])
      ).statusCode,
    ).toBe(200);
  });

  it('draws the spot-check sample from the cadre’s own contacts only, once, and records results', async () => {
    const { p } = ctx;
    // seven more besides the world's yA, kept by A1 too
    const more = Array.from({ length: 7 }, (_, i) => `own${i}`);
    const own = [...more, 'yA'];
    await p.db
      .insert(contacts)
      .values([...more, 'other'].map((cid) => ({ id: cid, name: `青年${cid}`, role: 'youth' })));
    await p.db
      .insert(contactKeepers)
      .values(more.map((contactId) => ({ contactId, cadreId: county[0] as string })));
    await p.db.insert(contactKeepers).values({ contactId: 'other', cadreId: county[1] as string });
    const drawn = await admin.post(`/api/v1/assessments/${id}/spot-checks`, { cadreId: county[0] });
    expect(drawn.statusCode).toBe(200);
    const sample = drawn.json().map((c: { contactId: string }) => c.contactId);
    expect(sample).toHaveLength(3);
    for (const c of sample) expect(own).toContain(c);
    expect(drawn.json()[0].contactName).toMatch(/^[青甲]\*+$/);
    const again = await admin.post(`/api/v1/assessments/${id}/spot-checks`, { cadreId: county[0] });
    expect(again.json().map((c: { contactId: string }) => c.contactId)).toEqual(sample);
    const check = drawn.json()[0].id;
    const recorded = await admin.request({
      method: 'PUT',
      url: `/api/v1/spot-checks/${check}`,
      payload: { confirmed: true, channel: 'phone', note: '本人确认' },
    });
    expect(recorded.json()).toMatchObject({ confirmed: true, channel: 'phone', checkedBy: 'adminA' });
    const [draw] = await auditActions('assessment.spot_check.draw');
    // the recorded seed repeats the draw
    const seed = `${id}/${county[0]}`;
    expect(draw?.after).toMatchObject({ seed });
    expect([...drawSpotCheckSample(own, 3, seed)].sort()).toEqual(sample);
  });

  it('keeps mutual review scores, never one for oneself', async () => {
    const url = `/api/v1/assessments/${id}/reviews`;
    const self = await admin.request({
      method: 'PUT',
      url,
      payload: { reviews: [{ reviewerId: county[1], cadreId: county[1], score: 90 }] },
    });
    expect(self.statusCode).toBe(400);
    const res = await admin.request({
      method: 'PUT',
      url,
      payload: {
        reviews: [
          { reviewerId: county[1], cadreId: county[0], score: 90 },
          { reviewerId: county[2], cadreId: county[0], score: 85 },
        ],
      },
    });
    const entry = res.json().entries.find((e: { cadreId: string }) => e.cadreId === county[0]);
    expect(entry).toMatchObject({ mutualScore: 87.5, reviewCount: 2 });
  });

  it('puts a 差 on the 约谈 list; publishes only when everyone is graded; then locks', async () => {
    const rest = county.slice(4).map((cadreId, i) => ({ cadreId, grade: i === 0 ? 'poor' : 'fair' }));
    expect((await admin.post(`/api/v1/assessments/${id}/publish`)).statusCode).toBe(400);
    expect((await grade(rest)).statusCode).toBe(200);
    const talks = (await admin.get('/api/v1/annual/2026/talks?org=cA')).json().items;
    expect(talks.map((t: { cadreId: string }) => t.cadreId)).toEqual([county[4]]);
    expect((await admin.post(`/api/v1/assessments/${id}/publish`)).json().status).toBe('published');
    const locked = await grade([{ cadreId: county[5] as string, grade: 'good' }]);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.messageZh).toContain('锁定');
    expect(
      (await admin.post(`/api/v1/assessments/${id}/talks`, { cadreId: county[4], heldOn: '2026-12-20' }))
        .statusCode,
    ).toBe(200);
    // published grades and filed task lists reach the compliance engine as facts
    const facts = await annualCycleFacts(ctx.p.db, { year: 2026, asOf: '2026-12-31', scopePath: null });
    const [unit] = facts.assessments;
    expect(unit?.unit).toBe('cA');
    expect(unit?.grades).toHaveLength(10);
    expect(unit?.grades.find((g) => g.cadre === county[4])).toEqual({
      cadre: county[4],
      grade: 'poor',
      talkHeld: true,
    });
    expect(facts.cadreFilings.get(county[0] as string)?.map((f) => f.kind)).toEqual([
      'task_list',
      'research_topic',
    ]);
  });

  it('an unlock needs a reason and is audited; then grades change again', async () => {
    expect((await admin.post(`/api/v1/assessments/${id}/unlock`, {})).statusCode).toBe(400);
    const res = await admin.post(`/api/v1/assessments/${id}/unlock`, { reason: '复核发现等次录入有误' });
    expect(res.json().status).toBe('open');
    const [unlock] = await auditActions('assessment.unlock');
    expect(unlock?.after).toMatchObject({ reason: '复核发现等次录入有误' });
    expect((await grade([{ cadreId: county[5] as string, grade: 'good' }])).statusCode).toBe(200);
  });

  it('applies the quota per department: 7 assessed allow 2 优', async () => {
    const { p } = ctx;
    await makeOrg(p, { id: 'city-organ', level: 'prefecture', parent: 'prov' });
    const dept = [];
    for (let i = 0; i < 7; i++)
      dept.push((await makeCadre(p, { orgId: 'city-organ', department: '组织部', name: `部员${i}号` })).id);
    await makeCadre(p, { orgId: 'city-organ', department: '宣传部', name: '宣传部干部' });
    await makeAccount(p, { username: 'organ-admin', role: 'org_admin', scopeOrgId: 'city-organ' });
    const organAdmin = await signedIn(ctx, 'organ-admin');
    const res = await organAdmin.post('/api/v1/annual/2026/assessments', {
      orgId: 'city-organ',
      department: '组织部',
    });
    expect(res.json().quota).toEqual({ assessed: 7, excellent: 2, good: 3 });
    const url = `/api/v1/assessments/${res.json().id}/grades`;
    const two = dept.slice(0, 2).map((cadreId) => ({ cadreId, grade: 'excellent' }));
    expect((await organAdmin.request({ method: 'PUT', url, payload: { grades: two } })).statusCode).toBe(200);
    const third = await organAdmin.request({
      method: 'PUT',
      url,
      payload: { grades: [{ cadreId: dept[2], grade: 'excellent' }] },
    });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.messageZh).toContain('最多 2 人');
  });

  it('compiles the material pack from the records', async () => {
    const res = await admin.get(`/api/v1/assessments/${id}/cadres/${county[0]}/pack`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      taskList: { status: 'accepted' },
      selfCheck: null,
      mutualScore: 87.5,
    });
    expect(res.json().spotChecks).toHaveLength(3);
    const taskListRule = res
      .json()
      .compliance.find((r: { rule: string }) => r.rule === 'baoji2018.task_list_filed');
    // not filed by 31 January (the filing came on 1 March)
    expect(taskListRule).toMatchObject({ cadre: county[0], status: 'unmet' });
    expect((await otherAdmin.get(`/api/v1/assessments/${id}/cadres/${county[0]}/pack`)).statusCode).toBe(403);
  });
});
