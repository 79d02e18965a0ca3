import type { TCadreInput, TRole } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { contactKeepers, contactPoints, contacts, organizations } from '../platform/db/schema.ts';
import { type Client, makeAccount, makeCadre, makeOrg, signedIn, type TestContext } from './index.ts';

/** Who acts in the shared world: each an account of its own. */
export const roles = [
  'sys',
  'province',
  'city',
  'adminA',
  'leaderA',
  'cadreA1',
  'cadreA2',
  'adminB',
  'cadreB',
] as const;
export type Role = (typeof roles)[number];

/**
 * One world for access tests: a province with a city of two counties (A and B), each with a
 * grassroots organization and cadres; cadre A1 holds a point in A, keeps a youth there and
 * logged a talk with them. Every role is signed in.
 */
export async function cityWithTwoCounties(ctx: TestContext) {
  const { p } = ctx;
  for (const [id, level, parent] of [
    ['central', 'central', null],
    ['prov', 'province', 'central'],
    ['city', 'prefecture', 'prov'],
    ['cA', 'county', 'city'],
    ['cB', 'county', 'city'],
    ['gA', 'grassroots', 'cA'],
    ['gB', 'grassroots', 'cB'],
  ] as const)
    await makeOrg(p, { id, level, parent, name: `组织${id}` });
  const cadre = async (orgId: string, name: string) => (await makeCadre(p, { orgId, name })).id;
  const cadres = { A1: await cadre('cA', '甲一'), A2: await cadre('cA', '甲二'), B: await cadre('cB', '乙') };
  const accounts: Record<Role, [TRole, string | null, string | null]> = {
    sys: ['system_admin', null, null],
    province: ['org_admin', 'prov', null],
    city: ['org_admin', 'city', null],
    adminA: ['org_admin', 'cA', null],
    leaderA: ['leader', 'cA', null],
    cadreA1: ['cadre', 'cA', cadres.A1],
    cadreA2: ['cadre', 'cA', cadres.A2],
    adminB: ['org_admin', 'cB', null],
    cadreB: ['cadre', 'cB', cadres.B],
  };
  const accountIds = {} as Record<Role, string>;
  for (const [name, [role, scopeOrgId, cadreId]] of Object.entries(accounts) as [
    Role,
    (typeof accounts)[Role],
  ][])
    accountIds[name] = await makeAccount(p, { username: name, role, scopeOrgId, cadreId });
  await p.db
    .insert(contactPoints)
    .values({ id: 'pA1', cadreId: cadres.A1, orgId: 'gA', fromDate: '2026-01-01' });
  await p.db.insert(contacts).values({ id: 'yA', name: '甲县青年', role: 'youth' });
  await p.db.insert(contactKeepers).values({ contactId: 'yA', cadreId: cadres.A1 });
  const clients = {} as Record<Role, Client>;
  for (const role of roles) clients[role] = await signedIn(ctx, role);
  const talk = await clients.cadreA1.post('/api/v1/activities', {
    type: 'talk',
    date: '2026-02-10',
    mode: 'face_to_face',
    point: 'pA1',
    contacts: ['yA'],
  });
  if (talk.statusCode !== 201) throw new Error(`scenario talk: ${talk.statusCode} ${talk.body}`);
  return { cadres, accountIds, clients, activityId: talk.json().activity.id as string };
}

export type World = Awaited<ReturnType<typeof cityWithTwoCounties>>;

/** A PNG upload (multipart) on an activity, as the phone sends it. */
export function uploadPhoto(
  client: Client,
  activityId: string,
  png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]),
) {
  const boundary = '----lianxin-scenario';
  return client.request({
    method: 'POST',
    url: `/api/v1/activities/${activityId}/attachments`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="照片.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

/**
 * The shared world with one of every kind of object in county A, made through the API as their
 * owners would: a problem, an attachment, a keeper request, a filed task list and research report,
 * a recommendation, an assessment with a spot check, a grading of the county's lower organizations, an exemption, a published "8+4" posting
 * program with its group, a leave and a commendation on A1's record. Spare objects (gA2, pA2, yA2) are there to be closed, ended
 * or removed.
 */
export async function cityWithEveryObject(ctx: TestContext) {
  const world = await cityWithTwoCounties(ctx);
  const { clients, cadres } = world;
  await makeOrg(ctx.p, { id: 'gA2', level: 'grassroots', parent: 'cA', name: '组织gA2' });
  const { adminA, cadreA1, cadreA2 } = clients;
  const spare = await created(
    await adminA.post('/api/v1/contact-points', { cadreId: cadres.A1, orgId: 'gA2', from: '2026-01-01' }),
    'spare point',
  );
  const yA2 = await created(
    await cadreA1.post('/api/v1/contacts', { name: '甲县青年二', role: 'youth', phone: '13800000001' }),
    'second youth',
  );
  const problem = await created(
    await cadreA1.post('/api/v1/activities', {
      type: 'problem',
      date: '2026-02-11',
      status: 'open',
      title: '就业信息少',
      point: 'pA1',
      contacts: ['yA'],
    }),
    'problem',
  );
  const spareActivity = await created(
    await cadreA1.post('/api/v1/activities', { type: 'online', date: '2026-02-12', channel: 'wechat' }),
    'spare activity',
  );
  const attachment = await created(await uploadPhoto(cadreA1, world.activityId), 'attachment');
  const spareAttachment = await created(await uploadPhoto(cadreA1, world.activityId), 'spare attachment');
  const keeperRequest = await created(
    await cadreA2.post('/api/v1/keeper-requests', { phone: '13800000001', note: '同一村' }),
    'keeper request',
  );
  await created(
    await cadreA1.request({
      method: 'PUT',
      url: `/api/v1/annual/2026/cadres/${cadres.A1}/task-list`,
      payload: {
        lecture: '讲团课一次',
        talk: '谈心十人',
        research: '青年就业',
        work: '办实事一件',
        pointIds: ['pA1'],
      },
    }),
    'task list',
  );
  const report = await created(
    await cadreA1.post(`/api/v1/annual/2026/cadres/${cadres.A1}/research/report`, {
      title: '甲县青年就业调研',
      text: '调研正文',
      date: '2026-03-01',
    }),
    'research report',
  );
  const recommendation = await created(
    await adminA.post('/api/v1/annual/2026/recommendations', {
      orgId: 'cA',
      activityId: report.report.activityId,
    }),
    'recommendation',
  );
  const assessment = await created(
    await adminA.post('/api/v1/annual/2026/assessments', { orgId: 'cA', sampleSize: 1 }),
    'assessment',
  );
  const orgAssessment = await created(
    await adminA.post('/api/v1/annual/2026/org-assessments', { orgId: 'cA' }),
    'grading of lower organizations',
  );
  const spotCheck = await created(
    await adminA.post(`/api/v1/assessments/${assessment.id}/spot-checks`, { cadreId: cadres.A1 }),
    'spot check',
  );
  const exemption = await created(
    await adminA.post('/api/v1/exemptions', {
      rule: 'baoji2018.lectures',
      cadre: cadres.A1,
      from: '2026-01-01',
      to: '2026-12-31',
      requestedBy: 'cA',
      reason: '病假',
    }),
    'exemption',
  );
  const program = await created(
    await adminA.post('/api/v1/posting-programs', {
      name: '2026 年“8+4”',
      kind: 'mz2016',
      orgId: 'cA',
      organIds: ['cA'],
      batches: ['2026-01-05'].map((start, i) => ({
        name: `第${i + 1}批`,
        start,
      })),
    }),
    'posting program',
  );
  const plan = await created(await adminA.post(`/api/v1/posting-programs/${program.id}/plan`), 'plan');
  await created(await adminA.post(`/api/v1/posting-plans/${plan.id}/publish`), 'publish');
  const postingA1 = (await cadreA1.get('/api/v1/postings')).json().items[0];
  const group = (await adminA.get(`/api/v1/posting-groups/${postingA1.groupId}`)).json();
  // the planner picks the leader among the group's cadres by their (random) ids
  const groupLeader: Role = group.leaderCadreId === cadres.A2 ? 'cadreA2' : 'cadreA1';
  // A2 shares A1's group or not, as the planner chose
  const memberIds = (group.members as { cadreId: string }[]).map((m) => m.cadreId);
  const groupMembers = (['cadreA1', 'cadreA2'] as const).filter((r) =>
    memberIds.includes(cadres[r === 'cadreA1' ? 'A1' : 'A2']),
  );
  const leave = await created(
    await cadreA1.post(`/api/v1/postings/${postingA1.id}/leaves`, {
      reason: '家中老人住院',
      from: '2026-02-02',
      to: '2026-02-03',
    }),
    'leave',
  );
  const conduct = (title: string) =>
    adminA.post(`/api/v1/cadres/${cadres.A1}/conduct-records`, {
      kind: 'commendation',
      title,
      decidedOn: '2026-05-04',
      issuedBy: '共青团某市委',
    });
  const conductRecord = await created(await conduct('优秀共青团干部'), 'conduct record');
  const spareConductRecord = await created(await conduct('优秀团干部（重复录入）'), 'spare conduct record');
  const youthsSide = await withTheYouthsSide(ctx, world);
  const ruleInputs = await withRuleInputs(world);
  return {
    ...world,
    ...youthsSide,
    ...ruleInputs,
    spare: {
      point: spare.id as string,
      contact: yA2.id as string,
      activity: spareActivity.activity.id as string,
      conductRecord: spareConductRecord.id as string,
    },
    conductRecordId: conductRecord.id as string,
    problemId: problem.activity.id as string,
    attachmentId: attachment.id as string,
    spareAttachmentId: spareAttachment.id as string,
    keeperRequestId: keeperRequest.id as string,
    reportId: report.report.activityId as string,
    recommendationId: recommendation.id as string,
    assessmentId: assessment.id as string,
    orgAssessmentId: orgAssessment.id as string,
    spotCheckId: spotCheck[0].id as string,
    exemptionId: exemption.id as string,
    programId: program.id as string,
    planId: plan.id as string,
    posting: postingA1 as { id: string; groupId?: string | null },
    leaveId: leave.id as string,
    groupLeader,
    groupMembers: groupMembers as Role[],
  };
}

async function created(res: Awaited<ReturnType<Client['post']>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`scenario ${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * County A's public card (on) with a youth's problem left on it, an open day with one sign-up, and
 * a 典型案例 of A1 naming the youth in the log, published by county A's admin without the name.
 */
export async function withTheYouthsSide(
  ctx: TestContext,
  world: Awaited<ReturnType<typeof cityWithTwoCounties>>,
) {
  const { adminA, cadreA1 } = world.clients;
  const card = await created(
    await cadreA1.put(`/api/v1/cadres/${world.cadres.A1}/card`, { enabled: true, post: '团县委副书记' }),
    'card',
  );
  const cardToken = (card.url as string).split('/c/')[1] as string;
  const visitor = (method: 'GET' | 'POST', url: string, payload?: object) =>
    ctx.app.inject({ method, url, payload, remoteAddress: '203.0.113.50' });
  const left = await visitor('POST', `/api/public/cards/${cardToken}/messages`, {
    kind: 'problem',
    text: '村口路灯坏了',
    phone: '13812345678',
  });
  if (left.statusCode !== 201) throw new Error(`scenario card message: ${left.statusCode} ${left.body}`);
  const problems = (await cadreA1.get(`/api/v1/problems?cadre=${world.cadres.A1}`)).json().items as {
    id: string;
    origin?: string | null;
  }[];
  const cardProblemId = problems.find((x) => x.origin === 'card')?.id as string;
  const cardMessage = (await cadreA1.get(`/api/v1/problems/${cardProblemId}/card-message`)).json();
  const openDay = await created(
    await adminA.post('/api/v1/open-days', {
      orgId: 'cA',
      theme: '青年开放日',
      heldOn: '2026-03-20',
      place: '团县委',
    }),
    'open day',
  );
  const signedUp = await visitor('POST', `/api/public/open-days/${openDay.id}/signups`, {
    name: '李青',
    phone: '13800138000',
    unit: '甲县中学',
    consent: true,
  });
  if (signedUp.statusCode !== 201)
    throw new Error(`scenario sign-up: ${signedUp.statusCode} ${signedUp.body}`);
  const roster = (await adminA.get(`/api/v1/open-days/${openDay.id}/roster`)).json();
  const theCase = await created(
    await cadreA1.post('/api/v1/activities', {
      type: 'case',
      date: '2026-02-15',
      title: '返乡青年创业帮扶',
      point: 'pA1',
      contacts: ['yA'],
      note: '甲县青年返乡开网店，团县委帮他对接了电商培训。',
    }),
    'case',
  );
  await created(
    await adminA.put(`/api/v1/cases/${theCase.activity.id}/publication`, {
      title: '返乡青年创业帮扶',
      body: '一名返乡青年开网店，团县委帮他对接了电商培训。',
    }),
    'published case',
  );
  return {
    caseId: theCase.activity.id as string,
    cardId: card.id as string,
    cardToken,
    cardCode: left.json().code as string,
    cardProblemId,
    cardMessageId: cardMessage.id as string,
    openDayId: openDay.id as string,
    signupId: roster.signups[0].id as string,
  };
}

/** County A's inputs of the rules: a secretary term, a half-year report, a point proposal, a 明白帐 entry, a year-end summary, an import job. */
async function withRuleInputs(world: Awaited<ReturnType<typeof cityWithTwoCounties>>) {
  const { adminA, cadreA1 } = world.clients;
  const post = await created(
    await adminA.post('/api/v1/organizations/cA/secretary-post/terms', {
      holderName: '王书记',
      from: '2024-06-01',
    }),
    'secretary term',
  );
  const report = await created(
    await adminA.put('/api/v1/organizations/cA/half-year-reports/2026/1', { body: '上半年工作情况' }),
    'half-year report',
  );
  const proposal = await created(
    await adminA.post('/api/v1/point-proposals', {
      proposedBy: 'cA',
      to: 'city',
      org: 'gA',
      category: 'improve',
    }),
    'point proposal',
  );
  await created(
    await cadreA1.put('/api/v1/contact-points/pA1/fact-book', {
      section: 'situation',
      text: '村里青年多在外务工',
    }),
    'fact book',
  );
  await created(
    await cadreA1.put(`/api/v1/annual/2026/cadres/${world.cadres.A1}/year-summary`, { text: '一年来的工作' }),
    'year summary',
  );
  const job = await created(
    await adminA.post('/api/v1/ledger/imports', (await adminA.get('/api/v1/ledger?org=cA')).json()),
    'import job',
  );
  // the job re-imports county A's ledger, the year's sections with it: it ends before the world is
  // handed over, or it would write back what it was given over a test's later changes
  while ((await adminA.get(`/api/v1/ledger/imports/${job.id}`)).json().status === 'running')
    await new Promise((r) => setTimeout(r, 50));
  return {
    secretaryTermId: post.terms[0].id as string,
    halfYearReportId: report.id as string,
    proposalId: proposal.id as string,
    importJobId: job.id as string,
  };
}

// ---- Steps on top of the shared world: each adds one thing a test file needs ----

/** Real division codes on the world's units (陕西, 宝鸡 and two of its districts), for the checks of codes. */
export async function withDivisionCodes(ctx: TestContext) {
  const codes = { prov: '610000', city: '610300', cA: '610302', cB: '610303' };
  for (const [id, divisionCode] of Object.entries(codes))
    await ctx.p.db.update(organizations).set({ divisionCode }).where(eq(organizations.id, id));
  return codes;
}

/** A youth recorded through the API by the given cadre, who alone keeps them; answers the contact's id. */
export async function withContactOf(world: World, keeper: Role, name = '另一位青年') {
  const res = await world.clients[keeper].post('/api/v1/contacts', { name, role: 'youth' });
  return (await created(res, `contact of ${keeper}`)).id as string;
}

/** One more cadre in the world, with a cadre account of that username, signed in. */
export async function withCadre(
  ctx: TestContext,
  o: { username: string; orgId: string; name?: string; employment?: TCadreInput['employment'] },
) {
  const { username, orgId, name = username, employment = 'full_time' } = o;
  const id = (await makeCadre(ctx.p, { orgId, name, employment })).id;
  await makeAccount(ctx.p, { username, role: 'cadre', scopeOrgId: orgId, cadreId: id });
  return { id, client: await signedIn(ctx, username) };
}

/**
 * A third county of the same city, for tests that need an admin and a cadre over neither A nor B:
 * county C with a rural branch gC, cadre C, and accounts adminC and cadreC, signed in.
 */
export async function withThirdCounty(ctx: TestContext) {
  await makeOrg(ctx.p, { id: 'cC', level: 'county', parent: 'city' });
  await makeOrg(ctx.p, { id: 'gC', level: 'grassroots', parent: 'cC', field: 'rural' });
  const C = (await makeCadre(ctx.p, { orgId: 'cC', name: '丙' })).id;
  await makeAccount(ctx.p, { username: 'adminC', role: 'org_admin', scopeOrgId: 'cC' });
  await makeAccount(ctx.p, { username: 'cadreC', role: 'cadre', scopeOrgId: 'cC', cadreId: C });
  return { cadreC: C, adminC: await signedIn(ctx, 'adminC'), cadreClient: await signedIn(ctx, 'cadreC') };
}

/**
 * County A staffed for its own "8+4" (decision 12): eight full-time cadres (A1, A2 and six more,
 * none of 正处 rank), a part-time member the postings leave out, and six more rural grassroots
 * organizations (gA-r1..gA-r6) to be posted to. Returns the eight, A1 and A2 first.
 */
export async function withCountyAStaff(ctx: TestContext, world: World) {
  for (let i = 1; i <= 6; i++)
    await makeOrg(ctx.p, { id: `gA-r${i}`, level: 'grassroots', parent: 'cA', field: 'rural' });
  const staff = [world.cadres.A1, world.cadres.A2];
  for (let i = 2; i < 8; i++)
    staff.push((await makeCadre(ctx.p, { orgId: 'cA', name: `县干部${i}`, grassrootsYears: 3 })).id);
  await makeCadre(ctx.p, { orgId: 'cA', name: '兼职委员', employment: 'part_time' });
  return staff;
}

/**
 * The organs above the city as a "常态化下沉" program sees them: a 处级 leader at the centre
 * (centralLeader) and two province cadres (provMember1, provMember2), each signed in, and an
 * admin of the centre (central); the city's counties are where they are posted.
 */
export async function withPostingOrgans(ctx: TestContext) {
  const { p } = ctx;
  const cadre = async (orgId: string, name: string, more: Partial<TCadreInput>) =>
    (await makeCadre(p, { orgId, name, ...more })).id;
  const ids = {
    leader: await cadre('central', '牵头人', { rank: 'division', grassrootsYears: 5 }),
    member1: await cadre('prov', '组员甲', { grassrootsYears: 1 }),
    member2: await cadre('prov', '组员乙', { grassrootsYears: 3 }),
  };
  await makeAccount(p, { username: 'central', role: 'org_admin', scopeOrgId: 'central' });
  await makeAccount(p, {
    username: 'centralLeader',
    role: 'cadre',
    scopeOrgId: 'central',
    cadreId: ids.leader,
  });
  await makeAccount(p, { username: 'provMember1', role: 'cadre', scopeOrgId: 'prov', cadreId: ids.member1 });
  await makeAccount(p, { username: 'provMember2', role: 'cadre', scopeOrgId: 'prov', cadreId: ids.member2 });
  const clients = {
    central: await signedIn(ctx, 'central'),
    leader: await signedIn(ctx, 'centralLeader'),
    member1: await signedIn(ctx, 'provMember1'),
    member2: await signedIn(ctx, 'provMember2'),
  };
  return { cadres: ids, clients };
}
