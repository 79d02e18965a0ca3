import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityContacts, attachments, contacts, orgPresets } from '../../platform/db/schema.ts';
import {
  type Client,
  createTestContext,
  makeAccount,
  makeCadre,
  signedIn,
  type TestContext,
} from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';
import { annualCycleFacts } from './annual-cycle.facts.ts';

const DAY = 86_400_000;
let ctx: TestContext;
let admin: Client; // county A
let cityAdmin: Client; // the city, over the county and its own departments
let cadre: Client;
let peer: Client;
let c0: string;
let c1: string;
let d0: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const { p } = ctx;
  const world = await cityWithTwoCounties(ctx);
  await p.db.insert(orgPresets).values({ orgId: 'city', preset: 'baoji-2018-close-contact' });
  ({ A1: c0, A2: c1 } = world.cadres);
  ({ adminA: admin, city: cityAdmin, cadreA1: cadre, cadreA2: peer } = world.clients);
  // besides the world: a cadre of the city's own organization department, and a league cadre met
  d0 = (await makeCadre(p, { orgId: 'city', department: '组织部', name: '赵部员' })).id;
  await makeAccount(p, { username: 'dept0', role: 'cadre', scopeOrgId: 'city', cadreId: d0 });
  await p.db.insert(contacts).values({ id: 'k1', name: '团干甲', role: 'league_cadre' });
});
afterAll(() => ctx.close());

async function log(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/activities', body);
  if (res.statusCode >= 300) throw new Error(res.body);
  return res.json().activity?.id ?? res.json().id;
}

describe('mid-year self-check (半年自查)', () => {
  const url = () => `/api/v1/annual/2026/cadres/${c0}/self-check`;

  it('drafts the figures from the work log against the targets in force', async () => {
    await log(cadre, { type: 'lecture', date: '2026-01-10', audience: 30, point: 'pA1' });
    await log(cadre, { type: 'lecture', date: '2026-02-10', audience: 20, point: 'pA1' });
    await log(cadre, {
      type: 'visit',
      start: '2026-02-02',
      end: '2026-02-06',
      travelDays: 1,
      point: 'pA1',
      contacts: [],
    });
    const talk = await log(cadre, {
      type: 'talk',
      date: '2026-02-12',
      mode: 'face_to_face',
      point: 'pA1',
      attendees: 2,
    });
    await ctx.p.db.insert(activityContacts).values([
      { activityId: talk, contactId: 'yA' },
      { activityId: talk, contactId: 'k1' },
    ]);
    await log(cadre, { type: 'case', date: '2026-02-20', title: '青年之家建设经验' });
    const res = await cadre.get(`${url()}/draft`);
    expect(res.statusCode).toBe(200);
    const figures = Object.fromEntries(
      res
        .json()
        .figures.map((f: { type: string; done: number; required: number | null }) => [
          f.type,
          [f.done, f.required],
        ]),
    );
    expect(figures).toMatchObject({
      lecture: [2, 4],
      visit: [1, 10],
      grassroots_days: [4, 60],
      youths_met: [1, 100],
      league_cadres: [1, 20],
      talk: [2, null], // with the world's talk of 10 February
    });
    expect(res.json().notable.map((n: { title: string }) => n.title)).toEqual(['青年之家建设经验']);
    expect(res.json().text).toContain('理论宣讲（集中宣讲、主题团课）次数：2（全年要求不少于 4）');
    expect((await peer.get(`${url()}/draft`)).statusCode).toBe(403);
  });

  it('the cadre edits the words; the figures come from the log and freeze at submission', async () => {
    const saved = await cadre.request({
      method: 'PUT',
      url: url(),
      payload: { text: '上半年完成宣讲2次。', figures: [] },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().content.text).toBe('上半年完成宣讲2次。');
    expect(saved.json().content.figures.find((f: { type: string }) => f.type === 'lecture').done).toBe(2);
    expect(saved.json()).toMatchObject({ due: '2026-06-30', state: 'pending', status: 'draft' });
    expect((await cadre.post(`${url()}/submit`)).statusCode).toBe(200);
    await log(cadre, { type: 'lecture', date: '2026-02-27', audience: 10, point: 'pA1' });
    const submitted = (await admin.get(url())).json();
    expect(submitted).toMatchObject({
      status: 'submitted',
      state: 'on_time',
      firstSubmittedOn: '2026-03-01',
    });
    expect(submitted.content.figures.find((f: { type: string }) => f.type === 'lecture').done).toBe(2);
  });
});

describe('research (调查研究) and recommendations', () => {
  let report0: string;
  let report1: string;
  let reportD: string;

  it('a report is logged as a research_report activity; one after 31 October is late', async () => {
    const res = await cadre.post(`/api/v1/annual/2026/cadres/${c0}/research/report`, {
      title: '非公企业青年思想状况调查',
      text: '调研发现……',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      due: '2026-10-31',
      state: 'on_time',
      report: { title: '非公企业青年思想状况调查', text: '调研发现……' },
    });
    report0 = res.json().report.activityId;
    // no record is dated after today: the late report is logged in November, then the clock goes back
    const ahead = Date.parse('2026-11-06T02:00:00Z') - ctx.clock.now().getTime();
    ctx.clock.advance(ahead);
    const late = await (await signedIn(ctx, 'cadreA2')).post(
      `/api/v1/annual/2026/cadres/${c1}/research/report`,
      { title: '农村青年就业', text: '', date: '2026-11-05' },
    );
    ctx.clock.advance(-ahead);
    expect(late.json().state).toBe('late');
    report1 = late.json().report.activityId;
    const none = await admin.get(`/api/v1/annual/2025/cadres/${c0}/research`);
    expect(none.json()).toMatchObject({ state: 'missing', report: null });
    const byOther = await peer.post(`/api/v1/annual/2026/cadres/${c0}/research/report`, {
      title: 'x',
      text: '',
    });
    expect(byOther.statusCode).toBe(403);
    const dept = await signedIn(ctx, 'dept0');
    reportD = (
      await dept.post(`/api/v1/annual/2026/cadres/${d0}/research/report`, { title: '机关调研', text: '' })
    ).json().report.activityId;
  });

  it("counts the files attached to the report's activity, and only those", async () => {
    const file = { mime: 'application/pdf', size: 1, sha256: 'x', createdBy: 'test' };
    await ctx.p.db.insert(attachments).values([
      { id: 'att-report0', activityId: report0, fileName: '调研报告.pdf', ...file },
      { id: 'att-report1', activityId: report1, fileName: '农村青年就业.pdf', ...file },
    ]);
    const res = await cadre.get(`/api/v1/annual/2026/cadres/${c0}/research`);
    expect(res.json().report.attachmentCount).toBe(1);
  });

  it('counties recommend reports of their cadres, departments their own; each unit is counted against its floor', async () => {
    const rec = (client: Client, body: object) => client.post('/api/v1/annual/2026/recommendations', body);
    expect((await rec(admin, { orgId: 'cA', activityId: report0 })).statusCode).toBe(201);
    expect((await rec(admin, { orgId: 'cA', activityId: report0 })).statusCode).toBe(409);
    // a report of another unit's cadre is not the county's to recommend
    expect((await rec(admin, { orgId: 'cA', activityId: reportD })).statusCode).toBe(400);
    expect(
      (await rec(cityAdmin, { orgId: 'city', department: '组织部', activityId: report1 })).statusCode,
    ).toBe(400);
    expect(
      (await rec(cityAdmin, { orgId: 'city', department: '组织部', activityId: reportD })).statusCode,
    ).toBe(201);
    expect((await rec(peer, { orgId: 'cA', activityId: report1 })).statusCode).toBe(403);
    const list = (await cityAdmin.get('/api/v1/annual/2026/recommendations?org=city')).json();
    expect(list.units).toEqual(
      expect.arrayContaining([
        { orgId: 'cA', department: null, count: 1, required: 2 },
        { orgId: 'city', department: '组织部', count: 1, required: 1 },
      ]),
    );
    const scored = await cityAdmin.request({
      method: 'PUT',
      url: `/api/v1/annual/recommendations/${list.items[0].id}/score`,
      payload: { score: 92 },
    });
    expect(scored.json().score).toBe(92);
  });
});

describe('reminders (提醒)', () => {
  it('a cadre sees their own milestones still open within the window, and the overdue ones', async () => {
    const res = await cadre.get('/api/v1/annual/2026/reminders?asOf=2026-06-10&days=30');
    // the task list is missing (never filed); the self-check is done; the research report is logged
    expect(res.json().items.map((i: { kind: string; state: string }) => [i.kind, i.state])).toEqual([
      ['task_list', 'missing'],
    ]);
    const autumn = (await peer.get('/api/v1/annual/2026/reminders?asOf=2026-10-10&days=30')).json();
    expect(autumn.items.map((i: { kind: string; daysLeft: number }) => [i.kind, i.daysLeft])).toEqual([
      ['task_list', -252],
      ['midyear_report', -102],
    ]);
  });

  it('an admin sees the organization’s milestones and who has not filed', async () => {
    ctx.clock.advance(100 * DAY); // 2026-06-09 in China; the old session has lapsed
    const later = await signedIn(ctx, 'adminA');
    const res = (await later.get('/api/v1/annual/2026/reminders?days=30')).json();
    expect(res.asOf).toBe('2026-06-09');
    const byKind = Object.fromEntries(res.items.map((i: { kind: string }) => [i.kind, i]));
    expect(byKind.midyear_summary).toMatchObject({ state: 'pending', daysLeft: 21 });
    expect(byKind.midyear_report.cadres).toEqual([{ id: c1, name: '甲二' }]);
    expect(byKind.task_list.cadres.map((c: { id: string }) => c.id).sort()).toEqual([c0, c1].sort());
  });
});

describe('the annual cycle as compliance facts', () => {
  it('maps filings and recommendations onto the engine’s Filing kinds, dated and cut at asOf', async () => {
    const facts = await annualCycleFacts(ctx.p.db, { year: 2026, asOf: '2026-12-31', scopePath: null });
    expect(facts.cadreFilings.get(c0)).toEqual([
      expect.objectContaining({ kind: 'midyear_report', date: '2026-03-01' }),
    ]);
    expect(facts.orgFilings.get('cA')).toEqual([expect.objectContaining({ kind: 'report_recommendation' })]);
    expect(facts.orgFilings.get('city')).toEqual([
      expect.objectContaining({ kind: 'report_recommendation', department: '组织部' }),
    ]);
    const before = await annualCycleFacts(ctx.p.db, { year: 2026, asOf: '2026-02-28', scopePath: null });
    expect(before.cadreFilings.size).toBe(0);
    expect(before.orgFilings.size).toBe(0);
  });
});
