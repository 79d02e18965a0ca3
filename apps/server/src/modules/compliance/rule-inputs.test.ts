import type { TComplianceResult, TLedgerDocument } from '@lianxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgPresets } from '../../platform/db/schema.ts';
import {
  type Client,
  createTestContext,
  makeAccount,
  signedIn,
  systemActor,
  type TestContext,
} from '../../testing/index.ts';
import { cityWithTwoCounties } from '../../testing/scenario.ts';
import { exportLedger } from '../ledger/ledger.export.ts';
import { importLedger } from '../ledger/ledger.import.ts';

/**
 * The three rules nothing recorded before (issue 15) — gd2006.registration, cyl2014.secretary_vacancy,
 * mz2016.half_year_report — with their inputs recorded through the API and through an imported
 * ledger, and mz2016.problem_list counting problems followed to the end.
 */

const PRESETS = [
  { orgId: 'city', preset: 'guangdong-2006-contact-points' },
  { orgId: 'city', preset: 'meizhou-2016-direct-contact' },
  { orgId: 'prov', preset: 'cyl-2014-contact-points' },
];

async function results(client: Client, asOf: string) {
  const res = await client.get(`/api/v1/compliance?year=2026&asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results as TComplianceResult[];
}
const find = (rs: TComplianceResult[], rule: string, subject: string) =>
  rs.find((r) => r.rule === rule && (r.org === subject || r.point === subject || r.cadre === subject));

describe('inputs recorded through the API', () => {
  let ctx: TestContext;
  let w: Awaited<ReturnType<typeof cityWithTwoCounties>>;
  beforeAll(async () => {
    ctx = await createTestContext({ demo: true });
    w = await cityWithTwoCounties(ctx);
    await ctx.p.db.insert(orgPresets).values(PRESETS);
  });
  afterAll(() => ctx.close());

  it('a candidate point proposed by a county, approved by the city, is registered and on the 登记表', async () => {
    const { adminA, adminB, city } = w.clients;
    const body = {
      proposedBy: 'cA',
      to: 'city',
      org: 'gA',
      category: 'improve',
      topic: '青年之家',
      reason: '活力不足',
    };
    // only inside the proposer's subtree, and only upwards
    expect((await adminA.post('/api/v1/point-proposals', { ...body, org: 'gB' })).statusCode).toBe(400);
    expect((await adminB.post('/api/v1/point-proposals', body)).statusCode).toBe(403);
    const sent = await adminA.post('/api/v1/point-proposals', body);
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id;
    // the proposer cannot decide its own proposal
    expect(
      (await adminA.post(`/api/v1/point-proposals/${id}/decide`, { decision: 'approve', holderOrgId: 'cA' }))
        .statusCode,
    ).toBe(403);
    const list = (await city.get('/api/v1/point-proposals?org=city')).json();
    expect(list.received.map((r: { id: string }) => r.id)).toEqual([id]);
    const decided = await city.post(`/api/v1/point-proposals/${id}/decide`, {
      decision: 'approve',
      holderOrgId: 'city',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const { point, status } = decided.json();
    expect(status).toBe('approved');
    const pt = await city.get(`/api/v1/contact-points/${point}`);
    expect(pt.json()).toMatchObject({
      orgId: 'gA',
      holderOrgId: 'city',
      category: 'improve',
      topic: '青年之家',
      registeredOn: '2026-03-01',
    });
    expect(find(await results(w.clients.sys, '2026-03-01'), 'gd2006.registration', point)).toMatchObject({
      status: 'met',
      actual: 1,
    });
    // the point held before without registration is not met once its day has passed
    expect(find(await results(w.clients.sys, '2026-03-01'), 'gd2006.registration', 'pA1')?.status).toBe(
      'unmet',
    );
    const form = await city.get('/api/v1/annual/2026/forms/point-registration?org=city');
    expect(form.statusCode).toBe(200);
  });

  it('a secretary leaving opens a vacancy, the next one closes it', async () => {
    const { adminA } = w.clients;
    const start = await adminA.post('/api/v1/organizations/cA/secretary-post/terms', {
      holderName: '王书记',
      from: '2024-06-01',
    });
    expect(start.statusCode, start.body).toBe(200);
    const termId = start.json().terms[0].id;
    const left = await adminA.post(`/api/v1/secretary-terms/${termId}/leave`, { to: '2026-01-10' });
    expect(left.json().vacancies).toEqual([{ from: '2026-01-11', to: null }]);
    expect(find(await results(w.clients.sys, '2026-04-10'), 'cyl2014.secretary_vacancy', 'cA')?.status).toBe(
      'met',
    );
    expect(find(await results(w.clients.sys, '2026-04-11'), 'cyl2014.secretary_vacancy', 'cA')?.status).toBe(
      'unmet',
    );
    const next = await adminA.post('/api/v1/organizations/cA/secretary-post/terms', {
      holderName: '李书记',
      from: '2026-03-01',
    });
    expect(next.json().vacancies).toEqual([{ from: '2026-01-11', to: '2026-02-28' }]);
    expect(find(await results(w.clients.sys, '2026-06-30'), 'cyl2014.secretary_vacancy', 'cA')).toMatchObject(
      { status: 'met', actual: 1 },
    );
    // a post never recorded gives no result (decision 10)
    expect(
      find(await results(w.clients.sys, '2026-06-30'), 'cyl2014.secretary_vacancy', 'cB'),
    ).toBeUndefined();
  });

  it('a county files its half-year report to the city, which reviews it; reminders until then', async () => {
    const { adminA, city } = w.clients;
    const before = (await adminA.get('/api/v1/annual/2026/reminders?days=180')).json();
    expect(before.items.some((r: { kind: string }) => r.kind === 'half_year_report')).toBe(true);
    const url = '/api/v1/organizations/cA/half-year-reports/2026/1';
    expect((await adminA.post(`${url}/submit`)).statusCode).toBe(400);
    expect(
      (await adminA.request({ method: 'PUT', url, payload: { body: '上半年开展联系青年工作情况……' } }))
        .statusCode,
    ).toBe(200);
    const sub = await adminA.post(`${url}/submit`);
    expect(sub.json()).toMatchObject({ status: 'submitted', firstSubmittedOn: '2026-03-01', to: 'city' });
    const after = (await adminA.get('/api/v1/annual/2026/reminders?days=180')).json();
    // the first half is done; the second's deadline lies beyond the window
    expect(after.items.filter((r: { kind: string }) => r.kind === 'half_year_report')).toEqual([]);
    expect(
      (await adminA.post(`/api/v1/half-year-reports/${sub.json().id}/review`, { decision: 'accept' }))
        .statusCode,
    ).toBe(403);
    const slots = (await city.get('/api/v1/organizations/city/half-year-reports/2026')).json();
    expect(
      slots.items.map((s: { org: string; half: number; state: string }) => `${s.org}/${s.half}:${s.state}`),
    ).toEqual(['cA/1:on_time', 'cA/2:pending', 'cB/1:pending', 'cB/2:pending']);
    const ok = await city.post(`/api/v1/half-year-reports/${sub.json().id}/review`, { decision: 'accept' });
    expect(ok.json().status).toBe('accepted');
    const rs = await results(w.clients.sys, '2026-07-01');
    expect(find(rs, 'mz2016.half_year_report', 'cA')).toMatchObject({
      actual: 1,
      required: 2,
      status: 'in_progress',
    });
    expect(find(rs, 'mz2016.half_year_report', 'cB')?.status).toBe('unmet');
  });

  it('a problem passed up is queued there, answered, and the reply shows on its contact', async () => {
    const { cadreA1, city, adminA } = w.clients;
    const raised = await cadreA1.post('/api/v1/activities', {
      type: 'problem',
      date: '2026-02-20',
      status: 'open',
      title: '青年就业信息少',
      point: 'pA1',
      contacts: ['yA'],
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json().activity.id;
    expect(find(await results(w.clients.sys, '2026-12-31'), 'mz2016.problem_list', w.cadres.A1)?.status).toBe(
      'unmet',
    );
    const passed = await cadreA1.post(`/api/v1/problems/${id}/pass`, {
      to: 'committee',
      org: 'city',
      on: '2026-02-25',
      dueOn: '2026-02-28',
    });
    expect(passed.json()).toMatchObject({ status: 'escalated', passedTo: 'committee' });
    const queue = (await city.get('/api/v1/problems/queue?org=city')).json();
    expect(queue.waiting.map((q: { id: string }) => q.id)).toEqual([id]);
    expect(queue.overdue.map((q: { id: string }) => q.id)).toEqual([id]);
    // the county admin over the author may record the answer too; an admin of another county may not
    expect(
      (await w.clients.adminB.post(`/api/v1/problems/${id}/answer`, { text: 'x', on: '2026-02-27' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await adminA.post(`/api/v1/problems/${id}/answer`, { text: '已转', on: '2026-02-26' })).statusCode,
    ).toBe(200);
    expect(
      (
        await city.post(`/api/v1/problems/${id}/answer`, {
          text: '已协调就业服务中心每月推送岗位',
          on: '2026-02-27',
        })
      ).statusCode,
    ).toBe(200);
    expect((await city.get('/api/v1/problems/queue?org=city')).json().waiting).toEqual([]);
    const reply = await cadreA1.post(`/api/v1/problems/${id}/reply`, {
      text: '已告知岗位推送渠道',
      on: '2026-02-28',
    });
    expect(reply.json()).toMatchObject({ status: 'resolved', reply: '已告知岗位推送渠道' });
    const timeline = (await cadreA1.get('/api/v1/activities?contact=yA')).json();
    expect(timeline.items.find((a: { id: string }) => a.id === id)).toMatchObject({
      reply: '已告知岗位推送渠道',
    });
    expect(find(await results(w.clients.sys, '2026-12-31'), 'mz2016.problem_list', w.cadres.A1)?.status).toBe(
      'met',
    );
  });
});

/** The same inputs in a ledger: a province's own document, with no parent above it. */
function provinceLedger(): TLedgerDocument {
  return {
    format: 'lianxin-ledger/1',
    organizations: [
      { id: 'o-sx', name: '共青团陕西省委', level: 'province', divisionCode: '610000' },
      { id: 'o-bj', name: '共青团宝鸡市委', level: 'prefecture', parent: 'o-sx', divisionCode: '610300' },
      {
        id: 'o-wb',
        name: '共青团渭滨区委',
        level: 'county',
        parent: 'o-bj',
        divisionCode: '610302',
        secretaryVacancies: [{ from: '2026-01-11', to: '2026-02-28' }],
      },
      {
        id: 'o-jt',
        name: '共青团金台区委',
        level: 'county',
        parent: 'o-bj',
        divisionCode: '610303',
        secretaryVacancies: [{ from: '2026-02-01', to: null }],
      },
      { id: 'o-g1', name: '某公司团支部', level: 'grassroots', parent: 'o-wb', field: 'enterprise' },
    ],
    cadres: [
      { id: 'c1', name: '张某', org: 'o-bj', rank: 'section', employment: 'full_time', grassrootsYears: 1 },
    ],
    presets: [
      { org: 'o-bj', preset: 'guangdong-2006-contact-points' },
      { org: 'o-bj', preset: 'meizhou-2016-direct-contact' },
      { org: 'o-sx', preset: 'cyl-2014-contact-points' },
    ],
    contactPoints: [
      { id: 'p1', cadre: 'c1', org: 'o-g1', from: '2026-01-05', to: null, registeredOn: '2026-02-20' },
      { id: 'p2', holderOrg: 'o-bj', org: 'o-wb', from: '2026-01-05', to: null },
    ],
    contacts: [{ id: 'y1', name: '李某', role: 'youth', field: 'enterprise', of: ['c1'] }],
    activities: [
      {
        id: 'a1',
        cadre: 'c1',
        type: 'problem',
        date: '2026-03-01',
        status: 'resolved',
        point: 'p1',
        contacts: ['y1'],
        passedTo: 'two_sessions',
        passedToUnit: '市政协提案第12号',
        passedOn: '2026-03-05',
        answer: '已纳入办理',
        answeredOn: '2026-05-01',
        reply: '已回复',
        repliedOn: '2026-05-03',
      },
    ],
    filings: [
      { id: 'h1', kind: 'half_year_report', org: 'o-wb', date: '2026-06-28' },
      { id: 'h2', kind: 'half_year_report', org: 'o-wb', date: '2026-12-20' },
      { id: 'h3', kind: 'half_year_report', org: 'o-jt', date: '2026-07-05' },
    ],
  };
}

describe('inputs through an imported ledger', () => {
  let ctx: TestContext;
  let sys: Client;
  beforeAll(async () => {
    ctx = await createTestContext({ demo: true });
    await makeAccount(ctx.p, { username: 'sys', role: 'system_admin' });
    sys = await signedIn(ctx, 'sys');
  });
  afterAll(() => ctx.close());

  it('imports a province-rooted ledger as it is, and evaluates the three rules on it', async () => {
    const res = await sys.post('/api/v1/ledger', provinceLedger());
    expect(res.statusCode, res.body).toBe(200);
    const rs = await results(sys, '2026-12-31');
    expect(find(rs, 'gd2006.registration', 'p1')).toMatchObject({ status: 'met', actual: 1 });
    expect(find(rs, 'gd2006.registration', 'p2')).toMatchObject({ status: 'unmet', actual: 0 });
    expect(find(rs, 'cyl2014.secretary_vacancy', 'o-wb')).toMatchObject({ status: 'met', actual: 1 });
    expect(find(rs, 'cyl2014.secretary_vacancy', 'o-jt')?.status).toBe('unmet');
    expect(find(rs, 'mz2016.half_year_report', 'o-wb')).toMatchObject({ status: 'met', actual: 2 });
    expect(find(rs, 'mz2016.half_year_report', 'o-jt')?.status).toBe('unmet');
    expect(find(rs, 'mz2016.problem_list', 'c1')?.status).toBe('met');
    // re-importing changes nothing
    const again = await sys.post('/api/v1/ledger', provinceLedger());
    expect(Object.values(again.json().created).every((n) => n === 0)).toBe(true);
    expect(Object.values(again.json().updated).every((n) => n === 0)).toBe(true);
  });

  it('export → import into an empty database → export is byte-identical, the optional parts kept', async () => {
    const first = JSON.stringify(await exportLedger(ctx.p, systemActor));
    expect(JSON.parse(first).filings).toHaveLength(3);
    const other = await createTestContext();
    try {
      await importLedger(other.p, systemActor, JSON.parse(first));
      const second = JSON.stringify(await exportLedger(other.p, systemActor));
      expect(second).toBe(first);
      const doc = JSON.parse(second) as TLedgerDocument;
      expect(doc.organizations.find((o) => o.id === 'o-jt')?.secretaryVacancies).toEqual([
        { from: '2026-02-01', to: null },
      ]);
      expect(doc.organizations[0]).toMatchObject({ id: 'o-sx', level: 'province' });
      expect(doc.organizations[0]?.parent).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
