import type {
  TCreateActivityRequest,
  TDeliverable,
  TPosting,
  TPostingGroupPage,
  TReminder,
} from '@lianxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contactKeepers, contacts } from '../../platform/db/schema.ts';
import { type Client, createTestContext, systemActor, type TestContext } from '../../testing/index.ts';
import { cityWithTwoCounties, withPostingOrgans, withThirdCounty } from '../../testing/scenario.ts';
import { createActivity } from '../activities/activities.service.ts';
import { updateFactBook } from '../contact-points/fact-book.service.ts';
import { createOrganization } from '../organizations/organizations.service.ts';

let ctx: TestContext;
let admin: Client;
let leader: Client;
let member: Client;
let outsider: Client;
let otherMember: Client; // in the group, not its leader
let leaderId: string;
let memberId: string;
let group: TPostingGroupPage;
let own: TPosting; // the member's posting
let caseId: string;

const log = (body: Record<string, unknown>) =>
  createActivity(ctx.p, systemActor, body as TCreateActivityRequest);

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const { p } = ctx;
  // posted from the centre and the province to the city's three counties; cadre B is no member
  const world = await cityWithTwoCounties(ctx);
  await withThirdCounty(ctx);
  const organs = await withPostingOrgans(ctx);
  ({ leader: leaderId, member1: memberId } = organs.cadres);
  ({ central: admin, leader, member1: member, member2: otherMember } = organs.clients);
  outsider = world.clients.cadreB;

  const program = await admin.post('/api/v1/posting-programs', {
    name: '常态化下沉基层 2026',
    kind: 'cyl2015',
    orgId: 'central',
    organIds: ['central', 'prov'],
    batches: [{ name: '第一批', start: '2026-03-01' }],
  });
  const plan = await admin.post(`/api/v1/posting-programs/${program.json().id}/plan`);
  expect(plan.json().violations.filter((v: { hard: boolean }) => v.hard)).toEqual([]);
  expect((await admin.post(`/api/v1/posting-plans/${plan.json().id}/publish`)).statusCode).toBe(200);
  own = (await member.get('/api/v1/postings')).json().items[0];

  await p.db.insert(contacts).values([
    { id: 'y1', name: '青年一', role: 'youth' },
    { id: 'y2', name: '青年二', role: 'youth' },
    { id: 'l1', name: '团干部', role: 'league_cadre' },
  ]);
  await p.db
    .insert(contactKeepers)
    .values(['y1', 'y2', 'l1'].map((contactId) => ({ contactId, cadreId: memberId })));
  // the work of the posting is logged once done: the clock stands after it while it is written
  const ahead = Date.parse('2026-06-01T02:00:00Z') - ctx.clock.now().getTime();
  ctx.clock.advance(ahead);
  await log({
    type: 'talk',
    cadre: memberId,
    point: own.pointId,
    date: '2026-03-10',
    mode: 'face_to_face',
    contacts: ['y1', 'l1'],
  });
  await log({
    type: 'event',
    cadre: memberId,
    point: own.pointId,
    date: '2026-03-20',
    kind: 'volunteer',
    contacts: ['y1', 'y2'],
  });
  await log({
    type: 'practical_help',
    cadre: memberId,
    point: own.pointId,
    date: '2026-04-02',
    outcome: '帮助返乡青年申请创业贷款',
  });
  caseId = (await log({ type: 'case', cadre: memberId, date: '2026-05-06', title: '非公企业团建案例' }))
    .activity.id;
  // before the posting: neither the leader's view nor the summary counts it
  await log({
    type: 'talk',
    cadre: memberId,
    date: '2026-02-01',
    mode: 'phone',
    contacts: ['y2'],
    note: '派驻前',
  });
  // 明白帐 written at the posted point and a League branch founded in a non-public firm of the county
  // (by the services: the sessions do not outlive the clock's jump)
  await updateFactBook(ctx.p, systemActor, own.pointId ?? '', {
    section: 'situation',
    text: '全县青年约三万人',
  });
  const found = (name: string) =>
    createOrganization(ctx.p, systemActor, {
      name,
      level: 'grassroots',
      parentId: own.orgId,
      field: 'enterprise',
    });
  await found('某科技公司团支部');
  // founded before the posting: not one of its new organizations
  const before = Date.parse('2026-02-01T02:00:00Z') - ctx.clock.now().getTime();
  ctx.clock.advance(before);
  await found('旧有企业团支部');
  ctx.clock.advance(-before - ahead);
}, 180_000);
afterAll(() => ctx.close());

describe('during a posting', () => {
  it('the leader sees the group and the members’ posting logs; a member sees the roster only', async () => {
    expect(own).toMatchObject({ cadreId: memberId, months: 6, from: '2026-03-01', to: '2026-08-31' });
    const res = await leader.get(`/api/v1/posting-groups/${own.groupId}`);
    expect(res.statusCode).toBe(200);
    group = res.json();
    expect(group.leaderCadreId).toBe(leaderId);
    expect(group.members.map((m) => m.cadreName).sort()).toEqual(['牵头人', '组员乙', '组员甲'].sort());
    const dates = (group.logs ?? []).map((a) => a.date ?? a.start);
    expect(dates).toContain('2026-03-10');
    expect(dates).not.toContain('2026-02-01');

    const asMember = (await member.get(`/api/v1/posting-groups/${own.groupId}`)).json() as TPostingGroupPage;
    expect(asMember.members).toHaveLength(3);
    expect(asMember.logs).toBeNull();
    expect((await outsider.get(`/api/v1/posting-groups/${own.groupId}`)).statusCode).toBe(403);
  });

  it('leave needs a special cause inside the posting and an admin’s decision, and shows on the group page', async () => {
    const outside = await member.post(`/api/v1/postings/${own.id}/leaves`, {
      reason: '家中老人住院手术',
      from: '2026-09-02',
      to: '2026-09-03',
    });
    expect(outside.statusCode).toBe(400);
    const noCause = await member.post(`/api/v1/postings/${own.id}/leaves`, {
      reason: '',
      from: '2026-04-02',
      to: '2026-04-03',
    });
    expect(noCause.statusCode).toBe(400);

    const asked = await member.post(`/api/v1/postings/${own.id}/leaves`, {
      reason: '家中老人住院手术',
      from: '2026-04-02',
      to: '2026-04-03',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json().status).toBe('pending');
    const leaveId = asked.json().id;

    expect(
      (await member.post(`/api/v1/posting-leaves/${leaveId}/decision`, { approve: true })).statusCode,
    ).toBe(403);
    const approved = await admin.post(`/api/v1/posting-leaves/${leaveId}/decision`, {
      approve: true,
      note: '特殊情况',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'central' });
    expect(
      (await admin.post(`/api/v1/posting-leaves/${leaveId}/decision`, { approve: false })).statusCode,
    ).toBe(409);

    const page = (await leader.get(`/api/v1/posting-groups/${own.groupId}`)).json() as TPostingGroupPage;
    expect(page.leaves).toMatchObject([{ id: leaveId, cadreName: '组员甲', status: 'approved' }]);
  });
});

describe('at the end of a posting', () => {
  it('drafts the personal summary from the log: friends made, practical things done, cases', async () => {
    const res = await member.get(`/api/v1/postings/${own.id}/summary`);
    expect(res.statusCode).toBe(200);
    const draft = res.json();
    expect(draft.status).toBe('new');
    // two distinct youths at the posted county; the league cadre and the pre-posting talk do not count
    expect(draft.figures.friends).toBe(2);
    expect(draft.figures.practical.map((x: { text: string }) => x.text)).toEqual([
      '帮助返乡青年申请创业贷款',
    ]);
    expect(draft.figures.cases.map((x: { text: string }) => x.text)).toEqual(['非公企业团建案例']);
    expect(draft.body).toContain('结识青年朋友 2 人');
    expect(draft.body).toContain('帮助返乡青年申请创业贷款');
  });

  it('the member edits and submits the summary once; nobody else writes it', async () => {
    expect(
      (await leader.post(`/api/v1/postings/${own.id}/summary`, { body: '代写', submit: false })).statusCode,
    ).toBe(403);
    const saved = await member.post(`/api/v1/postings/${own.id}/summary`, { body: '初稿：结识青年 2 人' });
    expect(saved.json()).toMatchObject({ status: 'draft', body: '初稿：结识青年 2 人' });
    const submitted = await member.post(`/api/v1/postings/${own.id}/summary`, { body: '定稿', submit: true });
    expect(submitted.json()).toMatchObject({ status: 'submitted', body: '定稿' });
    expect(submitted.json().submittedAt).not.toBeNull();
    expect((await member.post(`/api/v1/postings/${own.id}/summary`, { body: '再改' })).statusCode).toBe(409);
    expect((await admin.get(`/api/v1/postings/${own.id}/summary`)).json().body).toBe('定稿');
  });

  it('counts the submitted summary as the year’s research, typed once (seed 002 四.2)', async () => {
    const research = await member.get(`/api/v1/annual/2026/cadres/${memberId}/research`);
    expect(research.statusCode, research.body).toBe(200);
    expect(research.json()).toMatchObject({
      report: null,
      posting: { postingId: own.id, from: '2026-03-01', to: '2026-08-31' },
    });
    expect(research.json().state).not.toBe('pending');
    // posted too, but nothing submitted yet: nothing stands for the year's research
    const other = (await otherMember.get('/api/v1/postings')).json().items[0] as TPosting;
    const theirs = await otherMember.get(`/api/v1/annual/2026/cadres/${other.cadreId}/research`);
    expect(theirs.json()).toMatchObject({ report: null, posting: null, state: 'pending' });
    // another year: the posting does not count
    expect((await member.get(`/api/v1/annual/2027/cadres/${memberId}/research`)).json().posting).toBeNull();
  });

  it('reminds the cadre and the sending organ of the posted point’s 2-year rotation (seed 002 四.2)', async () => {
    const rotations = async (client: Client, asOf: string) =>
      ((await client.get(`/api/v1/annual/2028/reminders?asOf=${asOf}`)).json().items as TReminder[]).filter(
        (r) => r.kind === 'point_rotation',
      );
    expect(await rotations(member, '2026-06-01')).toEqual([]);
    const soon = await rotations(member, '2028-02-15');
    expect(soon).toEqual([
      expect.objectContaining({
        due: '2028-03-01',
        daysLeft: 15,
        state: 'pending',
        rule: 'cyl2015.one_county_each',
      }),
    ]);
    expect(soon[0]?.title).toContain('满两年应轮换');
    // the centre's admin sees each of its postings' points, the holder named; once past, overdue
    const late = await rotations(admin, '2028-03-10');
    expect(late.map((r) => r.state)).toEqual(late.map(() => 'missing'));
    expect(late.flatMap((r) => r.cadres?.map((c) => c.id) ?? [])).toContain(leaderId);
    expect(late.flatMap((r) => r.cadres?.map((c) => c.id) ?? [])).toContain(memberId);
  });

  it('the leader submits the group report, drafted from all members’ logs', async () => {
    expect(group.report?.figures.friends).toBe(2);
    expect(
      (await member.post(`/api/v1/posting-groups/${own.groupId}/report`, { body: '小组报告' })).statusCode,
    ).toBe(403);
    const res = await leader.post(`/api/v1/posting-groups/${own.groupId}/report`, {
      body: '小组报告',
      submit: true,
    });
    expect(res.json()).toMatchObject({ kind: 'group', status: 'submitted' });
  });

  it('tracks the six deliverables per cadre, with what the log counts towards them', async () => {
    const res = await member.get(`/api/v1/postings/${own.id}/deliverables`);
    const items = res.json().items as TDeliverable[];
    expect(items.map((i) => i.key)).toEqual([
      'ledger',
      'examples',
      'new_orgs',
      'online',
      'friends',
      'practical',
    ]);
    const item = (key: string) => items.find((i) => i.key === key);
    expect(item('friends')).toMatchObject({ done: true, evidence: 2, evidenceItems: [] });
    expect(item('ledger')).toMatchObject({
      done: true,
      evidence: 1,
      evidenceItems: ['当地基本情况（2026-06-01）'],
    });
    expect(item('new_orgs')).toMatchObject({
      evidence: 1,
      evidenceItems: ['某科技公司团支部（2026-06-01）'],
    });
    expect(item('examples')?.evidenceItems).toEqual(['非公企业团建案例（2026-05-06）']);
    // nothing online in the log: the cadre confirms work kept elsewhere, with a note
    expect(item('online')).toMatchObject({ done: false, evidence: 0 });
    const marked = await member.request({
      method: 'PUT',
      url: `/api/v1/postings/${own.id}/deliverables/online`,
      payload: { done: true, note: '在县团委公众号开设专栏' },
    });
    expect(marked.json().items[3]).toMatchObject({ key: 'online', done: true, marked: true, evidence: 0 });
    const byOutsider = await outsider.request({
      method: 'PUT',
      url: `/api/v1/postings/${own.id}/deliverables/online`,
      payload: { done: false },
    });
    expect(byOutsider.statusCode).toBe(403);
  });

  it('audits leave, reports and deliverables', async () => {
    const actions = (await ctx.p.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    for (const a of [
      'posting_leave.request',
      'posting_leave.decide',
      'posting_report.submit',
      'posting.deliverable',
    ])
      expect(actions).toContain(a);
  });
});

describe('compliance reads the published posting (cyl2015)', () => {
  it('judges friends, cases and leave of the posting through GET /api/v1/compliance', async () => {
    const adopted = await admin.post('/api/v1/organizations/central/presets', {
      preset: 'cyl-2015-sink-to-grassroots',
      params: {},
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const res = await admin.get('/api/v1/compliance?year=2026&asOf=2026-09-30&org=central');
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as {
      rule: string;
      posting?: string;
      status: string;
      actual: number;
      required: number;
      evidence: string[];
    }[];
    const of = (rule: string) => results.find((r) => r.rule === rule && r.posting === own.id);
    // youths named at the posted county inside the posting: y1 and y2 (l1 is a league cadre; 2026-02-01 is before)
    expect(of('cyl2015.friends')).toMatchObject({ status: 'unmet', actual: 2, evidence: ['y1', 'y2'] });
    expect(of('cyl2015.cases')).toMatchObject({ status: 'unmet', actual: 1, evidence: [caseId] });
    // the one leave was approved for a special cause
    expect(of('cyl2015.no_leave')).toMatchObject({ status: 'met', actual: 0 });
    expect(of('cyl2015.reports')?.actual).toBeGreaterThan(0);
  });
});

describe('a member’s single activity (decision 15)', () => {
  const denials = async (id: string) =>
    (await ctx.p.db.select().from(auditLog)).filter((r) => r.action === 'deny.read' && r.objectId === id);
  // y2 appears in the member's log inside the posting (2026-03-20) and before it (2026-02-01)
  const aboutY2 = async (c: Client) =>
    (
      (await c.get('/api/v1/activities?contact=y2')).json().items as {
        id: string;
        date?: string;
        start?: string;
      }[]
    ).map((a) => ({ id: a.id, day: a.date ?? a.start }));

  it('the leader opens one dated inside the posting, is refused and audited for one outside it', async () => {
    const all = await aboutY2(member);
    const inside = all.find((a) => a.day === '2026-03-20');
    const before = all.find((a) => a.day === '2026-02-01');
    if (!inside || !before) throw new Error('the member’s log lacks the activities set up above');
    expect((await leader.get(`/api/v1/activities/${inside.id}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/v1/activities/${before.id}`)).statusCode).toBe(403);
    expect(await denials(before.id)).toHaveLength(1);
    expect(await denials(inside.id)).toHaveLength(0);
  });

  it('lists to the leader only what the member logged inside the posting', async () => {
    const all = await aboutY2(member);
    const listed = await aboutY2(leader);
    expect(listed.map((a) => a.day)).toContain('2026-03-20');
    expect(listed.filter((a) => (a.day ?? '') < own.from || (a.day ?? '') > own.to)).toEqual([]);
    expect(listed.length).toBeLessThan(all.length);
    expect(await aboutY2(otherMember)).toEqual([]);
  });

  it('refuses a member who does not lead the group, and audits it', async () => {
    const inside = (await aboutY2(member)).find((a) => a.day === '2026-03-20');
    if (!inside) throw new Error('the member’s log lacks the activity set up above');
    expect((await otherMember.get(`/api/v1/activities/${inside.id}`)).statusCode).toBe(403);
    expect(await denials(inside.id)).toHaveLength(1);
  });
});
