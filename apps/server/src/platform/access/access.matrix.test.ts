import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/index.ts';
import { operationsOf } from '../../testing/openapi-arbitrary.ts';
import { cityWithEveryObject, type Role, roles } from '../../testing/scenario.ts';
import { type ObjectType, objectActions } from './types.ts';

// Every route of the OpenAPI document, each role of the shared world (testing/scenario.ts): a route
// on an object answers the roles its policy grants and refuses every other one with a 403 that is
// audited; a list shows nothing of county A to county B; the few routes on no object say why.
// A route added without a line here fails the first test: access is decided before it ships.

type World = Awaited<ReturnType<typeof cityWithEveryObject>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A route on one object of county A: who may, and the request that asks. */
interface ObjectRoute {
  type: ObjectType;
  action: string;
  url: (w: World) => string;
  body?: (w: World) => unknown;
  /** multipart: a file the route reads */
  upload?: boolean;
  /**
   * `groupLeader`: the leader of A1's posting group, A1 or A2 as the planner chose;
   * `groupMembers`: the cadres of county A in that group (A1, and A2 when planned with A1)
   */
  allowed: (Role | 'groupLeader' | 'groupMembers')[];
  /** writes are tried by one allowed role only (default: the narrowest, last in `allowed`) */
  tryAs?: Role;
  /**
   * How the others are refused, when not by a 403: `withheld` — a batch read answers what the caller
   * may read and names the rest as withheld; `job` — the job starts (202) and ends refused, audited.
   */
  refusal?: 'withheld' | 'job';
}
/** A list or search: county B's roles see nothing of county A, county A's admin sees it. */
interface ListRoute {
  list: (w: World) => string;
  /** the list shows county A's records to its admin (false where it holds none of the sentinels) */
  showsA?: false;
}
type Route = ObjectRoute | ListRoute | { signedOut: string } | { own: string };

const above: Role[] = ['sys', 'province', 'city'];
const adminsOfA: Role[] = [...above, 'adminA'];
const readersOfA: Role[] = [...adminsOfA, 'leaderA'];
const A1 = (w: World) => w.cadres.A1;
const annual = (w: World) => `/api/v1/annual/2026/cadres/${A1(w)}`;

// In order: reads and writes first, then the routes that close, end or remove (on spare objects).
const routes: Record<string, Route> = {
  'GET /api/v1/health': { signedOut: 'liveness for load balancers' },
  'POST /api/v1/auth/login': { signedOut: 'signs in' },
  'GET /api/v1/auth/session': { own: 'the caller’s session' },
  'POST /api/v1/auth/password': { own: 'the caller’s password' },
  'POST /api/v1/auth/totp/setup': { own: 'the caller’s second factor' },
  'POST /api/v1/auth/totp/enable': { own: 'the caller’s second factor' },
  'POST /api/v1/auth/logout': { own: 'the caller’s session' },
  'GET /api/v1/annual/{year}/reminders': { own: 'the caller’s own deadlines' },
  'GET /api/v1/posting-preferences': { own: 'the caller’s own wishes' },
  'GET /api/v1/imports/{kind}/template': { own: 'an empty spreadsheet' },

  'GET /api/v1/organizations': { list: () => '/api/v1/organizations?parent=cA' },
  'GET /api/v1/organizations/{id}': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/organizations/cA',
    allowed: readersOfA,
  },
  'POST /api/v1/organizations': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations',
    body: () => ({ name: '新建团支部', level: 'grassroots', parentId: 'cA', field: 'rural' }),
    allowed: adminsOfA,
  },
  'PATCH /api/v1/organizations/{id}': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations/gA',
    body: () => ({ name: '组织gA' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/organizations/{id}/contact-points': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/organizations/gA/contact-points',
    allowed: readersOfA,
  },
  'GET /api/v1/organizations/{id}/presets': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/organizations/cA/presets',
    allowed: readersOfA,
  },
  'POST /api/v1/organizations/{id}/presets': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations/cA/presets',
    body: () => ({ preset: 'baoji-2018-close-contact' }),
    allowed: adminsOfA,
  },

  'GET /api/v1/cadres': { list: () => '/api/v1/cadres?org=cA' },
  'POST /api/v1/cadres': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/cadres',
    body: () => ({ name: '新干部', orgId: 'cA', rank: 'section', employment: 'full_time' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/cadres/{id}': {
    type: 'cadre',
    action: 'read',
    url: (w) => `/api/v1/cadres/${A1(w)}`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'PATCH /api/v1/cadres/{id}': {
    type: 'cadre',
    action: 'write',
    url: (w) => `/api/v1/cadres/${A1(w)}`,
    body: () => ({ name: '甲一' }),
    allowed: adminsOfA,
  },

  'GET /api/v1/cadres/{id}/conduct-records': {
    type: 'cadre',
    action: 'read',
    url: (w) => `/api/v1/cadres/${A1(w)}/conduct-records`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'POST /api/v1/cadres/{id}/conduct-records': {
    type: 'cadre',
    action: 'write',
    url: (w) => `/api/v1/cadres/${A1(w)}/conduct-records`,
    body: () => ({
      kind: 'commendation',
      title: '优秀共青团干部',
      decidedOn: '2026-05-04',
      issuedBy: '共青团某市委',
    }),
    allowed: adminsOfA,
  },

  'PUT /api/v1/cadres/{id}/conduct-records/{recordId}': {
    type: 'cadre',
    action: 'write',
    url: (w) => `/api/v1/cadres/${A1(w)}/conduct-records/${w.conductRecordId}`,
    body: () => ({
      kind: 'commendation',
      title: '优秀共青团干部',
      decidedOn: '2026-05-04',
      issuedBy: '共青团某市委',
      documentNo: '某团发〔2026〕12号',
    }),
    allowed: adminsOfA,
  },
  'GET /api/v1/contacts': { list: (w) => `/api/v1/contacts?cadre=${A1(w)}` },
  'POST /api/v1/contacts': {
    type: 'cadre',
    action: 'log',
    url: () => '/api/v1/contacts',
    body: (w) => ({ cadreId: A1(w), name: '新青年', role: 'youth' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/contacts/over-contacted': {
    list: () => '/api/v1/contacts/over-contacted?org=cA',
    showsA: false,
  },
  'GET /api/v1/contacts/minor-access': { list: () => '/api/v1/contacts/minor-access?org=cA', showsA: false },
  'GET /api/v1/contacts/{id}': {
    type: 'contact',
    action: 'read',
    url: () => '/api/v1/contacts/yA',
    allowed: [...readersOfA, 'cadreA1'],
  },
  'PATCH /api/v1/contacts/{id}': {
    type: 'contact',
    action: 'write',
    url: () => '/api/v1/contacts/yA',
    body: () => ({ unit: '某单位' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/contacts/{id}/reveal': {
    type: 'contact',
    action: 'reveal',
    url: () => '/api/v1/contacts/yA/reveal',
    body: () => ({ reason: '核对信息' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/contacts/{id}/keepers': {
    type: 'contact',
    action: 'keep',
    url: () => '/api/v1/contacts/yA/keepers',
    body: (w) => ({ cadreId: A1(w), key: false }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/keeper-requests': {
    type: 'cadre',
    action: 'log',
    url: () => '/api/v1/keeper-requests',
    body: (w) => ({ cadreId: w.cadres.A2, phone: '13800000001' }),
    allowed: [...adminsOfA, 'cadreA2'],
  },
  // decided above (the lists run after the object routes)
  'GET /api/v1/keeper-requests': { list: () => '/api/v1/keeper-requests?org=cA&status=rejected' },
  'POST /api/v1/keeper-requests/{id}/decision': {
    type: 'keeper_request',
    action: 'decide',
    url: (w) => `/api/v1/keeper-requests/${w.keeperRequestId}/decision`,
    body: () => ({ approve: false }),
    allowed: adminsOfA,
  },

  'GET /api/v1/accounts': { list: () => '/api/v1/accounts?org=cA' },
  'POST /api/v1/accounts': {
    type: 'cadre',
    action: 'write',
    url: () => '/api/v1/accounts',
    body: (w) => ({
      username: 'a2-phone',
      role: 'cadre',
      scopeOrgId: 'cA',
      cadreId: w.cadres.A2,
      password: 'Long-pass-2026!',
    }),
    allowed: adminsOfA,
  },
  'PATCH /api/v1/accounts/{id}': {
    type: 'account',
    action: 'write',
    url: (w) => `/api/v1/accounts/${w.accountIds.cadreA2}`,
    body: () => ({ unlock: true }),
    allowed: adminsOfA,
  },
  'POST /api/v1/imports/{kind}': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/imports/cadres?parent=cA',
    upload: true,
    allowed: adminsOfA,
  },
  'GET /api/v1/audit': {
    type: 'audit_log',
    action: 'read',
    url: () => '/api/v1/audit',
    allowed: ['sys'],
  },
  'GET /api/v1/ledger': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/ledger?org=cA',
    allowed: readersOfA,
  },
  'POST /api/v1/ledger': {
    type: 'ledger',
    action: 'import',
    url: () => '/api/v1/ledger',
    body: () => ledgerOfA,
    allowed: adminsOfA,
  },

  'POST /api/v1/contact-points': {
    type: 'cadre',
    action: 'write',
    url: () => '/api/v1/contact-points',
    body: (w) => ({ cadreId: w.cadres.A2, orgId: 'gA', from: '2026-03-01' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/contact-points': { list: (w) => `/api/v1/contact-points?cadre=${A1(w)}` },
  'GET /api/v1/contact-points/{id}': {
    type: 'contact_point',
    action: 'read',
    url: () => '/api/v1/contact-points/pA1',
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/contact-points/{id}/ledger': {
    type: 'contact_point',
    action: 'read',
    url: () => '/api/v1/contact-points/pA1/ledger',
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/forms/point-ledger/{id}': {
    type: 'contact_point',
    action: 'read',
    url: () => '/api/v1/forms/point-ledger/pA1',
    allowed: [...readersOfA, 'cadreA1'],
  },

  'POST /api/v1/activities': {
    type: 'cadre',
    action: 'log',
    url: () => '/api/v1/activities',
    body: (w) => ({ type: 'online', date: '2026-02-27', channel: 'wechat', cadre: A1(w), point: 'pA1' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/activities': { list: (w) => `/api/v1/activities?cadre=${A1(w)}` },
  'GET /api/v1/activities/{id}': {
    type: 'activity',
    action: 'read',
    url: (w) => `/api/v1/activities/${w.activityId}`,
    allowed: [...readersOfA, 'cadreA1', 'groupLeader'],
  },
  'PATCH /api/v1/activities/{id}': {
    type: 'activity',
    action: 'write',
    url: (w) => `/api/v1/activities/${w.activityId}`,
    body: () => ({ note: '补记' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/problems': { list: (w) => `/api/v1/problems?cadre=${A1(w)}` },
  'POST /api/v1/activities/{id}/attachments': {
    type: 'activity',
    action: 'write',
    url: (w) => `/api/v1/activities/${w.activityId}/attachments`,
    upload: true,
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/attachments/{id}': {
    type: 'attachment',
    action: 'read',
    url: (w) => `/api/v1/attachments/${w.attachmentId}`,
    allowed: [...readersOfA, 'cadreA1', 'groupLeader'],
  },

  'GET /api/v1/annual/{year}/cadres/{cadreId}/task-list': {
    type: 'filing',
    action: 'read',
    url: (w) => `${annual(w)}/task-list`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'PUT /api/v1/annual/{year}/cadres/{cadreId}/task-list': {
    type: 'filing',
    action: 'write',
    url: (w) => `${annual(w)}/task-list`,
    body: () => ({
      lecture: '讲团课两次',
      talk: '谈心十人',
      research: '青年就业',
      work: '办实事一件',
      pointIds: ['pA1'],
    }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/annual/{year}/cadres/{cadreId}/task-list/submit': {
    type: 'filing',
    action: 'write',
    url: (w) => `${annual(w)}/task-list/submit`,
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/annual/{year}/cadres/{cadreId}/task-list/review': {
    type: 'filing',
    action: 'review',
    url: (w) => `${annual(w)}/task-list/review`,
    body: () => ({ decision: 'accept' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/annual/{year}/cadres/{cadreId}/self-check/draft': {
    type: 'filing',
    action: 'read',
    url: (w) => `${annual(w)}/self-check/draft`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'PUT /api/v1/annual/{year}/cadres/{cadreId}/self-check': {
    type: 'filing',
    action: 'write',
    url: (w) => `${annual(w)}/self-check`,
    body: () => ({ text: '上半年完成走访三次。' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/annual/{year}/cadres/{cadreId}/self-check': {
    type: 'filing',
    action: 'read',
    url: (w) => `${annual(w)}/self-check`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'POST /api/v1/annual/{year}/cadres/{cadreId}/self-check/submit': {
    type: 'filing',
    action: 'write',
    url: (w) => `${annual(w)}/self-check/submit`,
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/annual/{year}/cadres/{cadreId}/self-check/review': {
    type: 'filing',
    action: 'review',
    url: (w) => `${annual(w)}/self-check/review`,
    body: () => ({ decision: 'return', comment: '请补充' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/annual/{year}/filings': { list: () => '/api/v1/annual/2026/filings?org=cA&kind=task_list' },
  'GET /api/v1/annual/{year}/cadres/{cadreId}/research': {
    type: 'filing',
    action: 'read',
    url: (w) => `${annual(w)}/research`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'POST /api/v1/annual/{year}/cadres/{cadreId}/research/report': {
    type: 'filing',
    action: 'write',
    url: (w) => `${annual(w)}/research/report`,
    body: () => ({ title: '甲县青年就业调研', text: '修改后的正文' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/annual/{year}/recommendations': { list: () => '/api/v1/annual/2026/recommendations?org=cA' },
  'POST /api/v1/annual/{year}/recommendations': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/annual/2026/recommendations',
    body: (w) => ({ orgId: 'cA', activityId: w.reportId }),
    allowed: adminsOfA,
  },
  'PUT /api/v1/annual/recommendations/{id}/score': {
    type: 'report_recommendation',
    action: 'score',
    url: (w) => `/api/v1/annual/recommendations/${w.recommendationId}/score`,
    body: () => ({ score: 90 }),
    allowed: above,
  },
  'GET /api/v1/annual/{year}/assessments': {
    list: () => '/api/v1/annual/2026/assessments?org=cA',
    showsA: false,
  },
  'POST /api/v1/annual/{year}/assessments': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/annual/2026/assessments',
    body: () => ({ orgId: 'cA', department: '组织部' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/annual/{year}/org-assessments': {
    list: () => '/api/v1/annual/2026/org-assessments?org=cA',
    showsA: false,
  },
  'POST /api/v1/annual/{year}/org-assessments': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/annual/2026/org-assessments',
    body: () => ({ orgId: 'cA' }),
    allowed: adminsOfA,
  },
  // the world's grading is cA's, still open: its grassroots organization's entry is read at cA only
  'GET /api/v1/annual/{year}/org-grade': {
    type: 'org_assessment',
    action: 'read_entry',
    url: () => '/api/v1/annual/2026/org-grade?org=gA',
    allowed: readersOfA,
  },
  'GET /api/v1/org-assessments/{id}': {
    type: 'org_assessment',
    action: 'read',
    url: (w) => `/api/v1/org-assessments/${w.orgAssessmentId}`,
    allowed: readersOfA,
  },
  'GET /api/v1/org-assessments/{id}/figures': {
    type: 'org_assessment',
    action: 'read',
    url: (w) => `/api/v1/org-assessments/${w.orgAssessmentId}/figures`,
    allowed: readersOfA,
  },
  'PUT /api/v1/org-assessments/{id}/grades': {
    type: 'org_assessment',
    action: 'write',
    url: (w) => `/api/v1/org-assessments/${w.orgAssessmentId}/grades`,
    body: () => ({ grades: [{ orgId: 'gA', grade: 'good' }] }),
    allowed: adminsOfA,
  },
  'POST /api/v1/org-assessments/{id}/publish': {
    type: 'org_assessment',
    action: 'write',
    url: (w) => `/api/v1/org-assessments/${w.orgAssessmentId}/publish`,
    allowed: adminsOfA,
  },
  'GET /api/v1/assessments/{id}': {
    type: 'assessment',
    action: 'read',
    url: (w) => `/api/v1/assessments/${w.assessmentId}`,
    allowed: readersOfA,
  },
  'PUT /api/v1/assessments/{id}/grades': {
    type: 'assessment',
    action: 'write',
    url: (w) => `/api/v1/assessments/${w.assessmentId}/grades`,
    body: (w) => ({ grades: [{ cadreId: A1(w), grade: 'good' }] }),
    allowed: adminsOfA,
  },
  'PUT /api/v1/assessments/{id}/reviews': {
    type: 'assessment',
    action: 'write',
    url: (w) => `/api/v1/assessments/${w.assessmentId}/reviews`,
    body: (w) => ({ reviews: [{ reviewerId: w.cadres.A2, cadreId: A1(w), score: 90 }] }),
    allowed: adminsOfA,
  },
  'POST /api/v1/assessments/{id}/spot-checks': {
    type: 'assessment',
    action: 'write',
    url: (w) => `/api/v1/assessments/${w.assessmentId}/spot-checks`,
    body: (w) => ({ cadreId: w.cadres.A2 }),
    allowed: adminsOfA,
  },
  'PUT /api/v1/spot-checks/{id}': {
    type: 'assessment',
    action: 'write',
    url: (w) => `/api/v1/spot-checks/${w.spotCheckId}`,
    body: () => ({ confirmed: true, channel: 'phone', note: '电话核实' }),
    allowed: adminsOfA,
  },
  'POST /api/v1/assessments/{id}/talks': {
    type: 'assessment',
    action: 'write',
    url: (w) => `/api/v1/assessments/${w.assessmentId}/talks`,
    body: (w) => ({ cadreId: A1(w), heldOn: '2026-03-03' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/annual/{year}/talks': { list: () => '/api/v1/annual/2026/talks?org=cA', showsA: false },
  'GET /api/v1/assessments/{id}/cadres/{cadreId}/pack': {
    type: 'assessment',
    action: 'read',
    url: (w) => `/api/v1/assessments/${w.assessmentId}/cadres/${A1(w)}/pack`,
    allowed: readersOfA,
  },
  'GET /api/v1/annual/{year}/forms/task-list/{cadreId}': {
    type: 'filing',
    action: 'read',
    url: (w) => `/api/v1/annual/2026/forms/task-list/${A1(w)}`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/annual/{year}/forms/archive/{cadreId}': {
    type: 'cadre',
    action: 'read',
    url: (w) => `/api/v1/annual/2026/forms/archive/${A1(w)}`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/annual/{year}/forms/summary': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/annual/2026/forms/summary?org=cA',
    allowed: readersOfA,
  },
  'GET /api/v1/annual/{year}/forms/point-registration': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/annual/2026/forms/point-registration?org=cA',
    allowed: readersOfA,
  },
  'GET /api/v1/forms/admins': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/forms/admins?org=cA',
    allowed: readersOfA,
  },

  'POST /api/v1/posting-programs': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/posting-programs',
    body: () => ({
      name: '又一期“8+4”',
      kind: 'mz2016',
      orgId: 'cA',
      organIds: ['cA'],
      batches: [{ name: '第1批', start: '2026-09-07' }],
    }),
    allowed: adminsOfA,
    tryAs: 'adminA',
  },
  'GET /api/v1/posting-programs': { list: () => '/api/v1/posting-programs', showsA: false },
  'GET /api/v1/posting-programs/{id}': {
    type: 'posting_program',
    action: 'read',
    url: (w) => `/api/v1/posting-programs/${w.programId}`,
    allowed: readersOfA,
  },
  'GET /api/v1/posting-programs/{id}/cadres': {
    type: 'posting_program',
    action: 'read',
    url: (w) => `/api/v1/posting-programs/${w.programId}/cadres`,
    allowed: readersOfA,
  },
  'GET /api/v1/posting-programs/{id}/targets': {
    type: 'posting_program',
    action: 'read',
    url: (w) => `/api/v1/posting-programs/${w.programId}/targets`,
    allowed: readersOfA,
  },
  'PUT /api/v1/posting-programs/{id}/cadres/{cadre}/preferences': {
    type: 'cadre',
    action: 'log',
    url: (w) => `/api/v1/posting-programs/${w.programId}/cadres/${A1(w)}/preferences`,
    body: () => ({ prefersBatches: [] }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/posting-programs/{id}/plan': {
    type: 'posting_program',
    action: 'read',
    url: (w) => `/api/v1/posting-programs/${w.programId}/plan`,
    allowed: readersOfA,
  },
  'POST /api/v1/posting-programs/{id}/plan': {
    type: 'posting_program',
    action: 'write',
    url: (w) => `/api/v1/posting-programs/${w.programId}/plan`,
    allowed: adminsOfA,
  },
  'PATCH /api/v1/posting-plans/{id}/cadres/{cadre}': {
    type: 'posting_program',
    action: 'write',
    url: (w) => `/api/v1/posting-plans/${w.planId}/cadres/${A1(w)}`,
    body: () => ({ months: 6 }),
    allowed: adminsOfA,
  },
  'POST /api/v1/posting-plans/{id}/publish': {
    type: 'posting_program',
    action: 'write',
    url: (w) => `/api/v1/posting-plans/${w.planId}/publish`,
    allowed: adminsOfA,
  },
  'GET /api/v1/postings': { list: (w) => `/api/v1/postings?program=${w.programId}` },
  'GET /api/v1/postings/{id}': {
    type: 'posting',
    action: 'read',
    url: (w) => `/api/v1/postings/${w.posting.id}`,
    allowed: [...readersOfA, 'cadreA1', 'groupLeader'],
  },
  'GET /api/v1/postings/{id}/leaves': {
    type: 'posting',
    action: 'read',
    url: (w) => `/api/v1/postings/${w.posting.id}/leaves`,
    allowed: [...readersOfA, 'cadreA1', 'groupLeader'],
  },
  'POST /api/v1/postings/{id}/leaves': {
    type: 'posting',
    action: 'act',
    url: (w) => `/api/v1/postings/${w.posting.id}/leaves`,
    body: () => ({ reason: '家中老人住院', from: '2026-03-09', to: '2026-03-10' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/posting-leaves/{id}/decision': {
    type: 'posting',
    action: 'manage',
    url: (w) => `/api/v1/posting-leaves/${w.leaveId}/decision`,
    body: () => ({ approve: true }),
    allowed: adminsOfA,
  },
  'GET /api/v1/postings/{id}/summary': {
    type: 'posting',
    action: 'read',
    url: (w) => `/api/v1/postings/${w.posting.id}/summary`,
    allowed: [...readersOfA, 'cadreA1', 'groupLeader'],
  },
  'POST /api/v1/postings/{id}/summary': {
    type: 'posting',
    action: 'own',
    url: (w) => `/api/v1/postings/${w.posting.id}/summary`,
    body: () => ({ body: '下沉工作总结' }),
    allowed: ['cadreA1'],
  },
  'GET /api/v1/postings/{id}/deliverables': {
    type: 'posting',
    action: 'read',
    url: (w) => `/api/v1/postings/${w.posting.id}/deliverables`,
    allowed: [...readersOfA, 'cadreA1', 'groupLeader'],
  },
  'PUT /api/v1/postings/{id}/deliverables/{key}': {
    type: 'posting',
    action: 'act',
    url: (w) => `/api/v1/postings/${w.posting.id}/deliverables/friends`,
    body: () => ({ done: true }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/posting-groups/{id}': {
    type: 'posting_group',
    action: 'read',
    url: (w) => `/api/v1/posting-groups/${w.posting.groupId}`,
    allowed: [...readersOfA, 'groupMembers'],
  },
  'POST /api/v1/posting-groups/{id}/report': {
    type: 'posting_group',
    action: 'report',
    url: (w) => `/api/v1/posting-groups/${w.posting.groupId}/report`,
    body: () => ({ body: '小组报告' }),
    allowed: ['groupLeader'],
  },
  'GET /api/v1/four-plus-one': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/four-plus-one?county=cA',
    allowed: readersOfA,
  },

  'GET /api/v1/compliance': { list: () => '/api/v1/compliance?year=2026&org=cA' },
  'GET /api/v1/compliance/cadres': { list: () => '/api/v1/compliance/cadres?org=cA' },
  'POST /api/v1/compliance/records': {
    type: 'activity',
    action: 'read',
    url: () => '/api/v1/compliance/records',
    body: (w) => ({ ids: [w.activityId] }),
    allowed: [...readersOfA, 'cadreA1', 'groupLeader'],
    refusal: 'withheld',
  },
  'POST /api/v1/exemptions': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/exemptions',
    body: (w) => ({
      rule: 'baoji2018.lectures',
      cadre: A1(w),
      from: '2026-01-01',
      to: '2026-06-30',
      requestedBy: 'cA',
      reason: '借调省里',
    }),
    allowed: adminsOfA,
  },
  'GET /api/v1/exemptions': { list: () => '/api/v1/exemptions?org=cA' },
  'POST /api/v1/exemptions/{id}/approve': {
    type: 'exemption',
    action: 'approve',
    url: (w) => `/api/v1/exemptions/${w.exemptionId}/approve`,
    allowed: above,
  },
  'POST /api/v1/assessments/{id}/publish': {
    type: 'assessment',
    action: 'write',
    url: (w) => `/api/v1/assessments/${w.assessmentId}/publish`,
    allowed: adminsOfA,
  },
  'POST /api/v1/assessments/{id}/unlock': {
    type: 'assessment',
    action: 'write',
    url: (w) => `/api/v1/assessments/${w.assessmentId}/unlock`,
    body: () => ({ reason: '成绩录入有误' }),
    allowed: adminsOfA,
  },

  // the youths' side (issue 14): public pages are a visitor's, decided by the card and open-day policies
  'GET /api/public/cards/{token}': { signedOut: 'public: a visitor holding the card (cards.test.ts)' },
  'POST /api/public/cards/{token}/messages': { signedOut: 'public: a visitor holding the card' },
  'POST /api/public/cards/{token}/follow': { signedOut: 'public: a visitor holding the card and the code' },
  'POST /api/public/cards/{token}/ratings': { signedOut: 'public: a visitor holding the card' },
  'GET /api/public/showcase/{id}': { signedOut: 'public: published cases only (showcase.test.ts)' },
  'GET /api/v1/cases': { list: () => '/api/v1/cases?org=cA' },
  'PUT /api/v1/cases/{id}/publication': {
    type: 'showcase_case',
    action: 'publish',
    url: (w) => `/api/v1/cases/${w.caseId}/publication`,
    body: () => ({ title: '返乡青年创业帮扶', body: '一名返乡青年开网店。' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/organizations/{id}/engagement': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/organizations/cA/engagement?year=2026&month=2',
    allowed: readersOfA,
  },
  'GET /api/public/open-days/{id}': { signedOut: 'public: an open day announced (open-days.test.ts)' },
  'POST /api/public/open-days/{id}/signups': { signedOut: 'public: sign-up while open' },
  'GET /api/v1/cadres/{id}/card': {
    type: 'card',
    action: 'read',
    url: (w) => `/api/v1/cadres/${A1(w)}/card`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/cadres/{id}/card-feedback': {
    type: 'cadre',
    action: 'read',
    url: (w) => `/api/v1/cadres/${A1(w)}/card-feedback`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'PUT /api/v1/cadres/{id}/card': {
    type: 'card',
    action: 'write',
    url: (w) => `/api/v1/cadres/${A1(w)}/card`,
    body: () => ({ enabled: true, post: '团县委副书记' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/contact-points/{id}/card': {
    type: 'contact_point',
    action: 'read',
    url: () => '/api/v1/contact-points/pA1/card',
    allowed: [...readersOfA, 'cadreA1'],
  },
  'PUT /api/v1/contact-points/{id}/card': {
    type: 'contact_point',
    action: 'write',
    url: () => '/api/v1/contact-points/pA1/card',
    body: () => ({ enabled: false }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/cards/{id}/poster.png': {
    type: 'card',
    action: 'read',
    url: (w) => `/api/v1/cards/${w.cardId}/poster.png`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/cards/{id}/poster.pdf': {
    type: 'card',
    action: 'read',
    url: (w) => `/api/v1/cards/${w.cardId}/poster.pdf`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/problems/{id}/card-message': {
    type: 'card_message',
    action: 'read',
    url: (w) => `/api/v1/problems/${w.cardProblemId}/card-message`,
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/card-messages/{id}/reveal': {
    type: 'card_message',
    action: 'reply',
    url: (w) => `/api/v1/card-messages/${w.cardMessageId}/reveal`,
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/card-messages/{id}/reply': {
    type: 'card_message',
    action: 'reply',
    url: (w) => `/api/v1/card-messages/${w.cardMessageId}/reply`,
    body: () => ({ reply: '已联系镇里' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/open-days': { list: () => '/api/v1/open-days?org=cA', showsA: false },
  'POST /api/v1/open-days': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/open-days',
    body: () => ({ orgId: 'cA', theme: '第二次开放日', heldOn: '2026-04-20', place: '团县委' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/open-days/{id}/roster': {
    type: 'open_day',
    action: 'read',
    url: (w) => `/api/v1/open-days/${w.openDayId}/roster`,
    allowed: readersOfA,
  },
  'POST /api/v1/open-days/{id}/signups/{signupId}/check-in': {
    type: 'open_day',
    action: 'write',
    url: (w) => `/api/v1/open-days/${w.openDayId}/signups/${w.signupId}/check-in`,
    allowed: adminsOfA,
  },
  'POST /api/v1/open-days/{id}/signups/{signupId}/take': {
    type: 'open_day',
    action: 'take',
    url: (w) => `/api/v1/open-days/${w.openDayId}/signups/${w.signupId}/take`,
    body: () => ({}),
    allowed: [...adminsOfA, 'cadreA1', 'cadreA2'],
    tryAs: 'cadreA1',
  },
  'GET /api/v1/organizations/{id}/bulletin': {
    type: 'bulletin',
    action: 'read',
    url: () => '/api/v1/organizations/cA/bulletin?period=month&year=2026&index=2',
    allowed: [...readersOfA, 'cadreA1', 'cadreA2'], // a 通报 is circulated to the level's cadres
  },
  'GET /api/v1/organizations/{id}/bulletin.docx': {
    type: 'bulletin',
    action: 'read',
    url: () => '/api/v1/organizations/cA/bulletin.docx?period=month&year=2026&index=2',
    allowed: [...readersOfA, 'cadreA1', 'cadreA2'], // a 通报 is circulated to the level's cadres
  },
  'GET /api/v1/organizations/{id}/bulletin-settings': {
    type: 'bulletin',
    action: 'read',
    url: () => '/api/v1/organizations/cA/bulletin-settings',
    allowed: [...readersOfA, 'cadreA1', 'cadreA2'], // a 通报 is circulated to the level's cadres
  },
  'PUT /api/v1/organizations/{id}/bulletin-settings': {
    type: 'bulletin',
    action: 'configure',
    url: () => '/api/v1/organizations/cA/bulletin-settings',
    body: () => ({ rankOrgs: true, rankCadres: false }),
    allowed: adminsOfA,
  },

  // the inputs of the rules (issue 15)
  'GET /api/v1/organizations/{id}/secretary-post': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/organizations/cA/secretary-post',
    allowed: readersOfA,
  },
  'POST /api/v1/organizations/{id}/secretary-post/terms': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations/cA/secretary-post/terms',
    body: () => ({ holderName: '李书记', from: '2026-02-01' }),
    allowed: adminsOfA,
  },
  'POST /api/v1/organizations/{id}/secretary-post/vacancy': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations/cA/secretary-post/vacancy',
    body: () => ({ from: '2026-02-01' }),
    allowed: adminsOfA,
  },
  'POST /api/v1/secretary-terms/{id}/leave': {
    type: 'organization',
    action: 'write',
    url: (w) => `/api/v1/secretary-terms/${w.secretaryTermId}/leave`,
    body: () => ({ to: '2026-02-10' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/organizations/{id}/half-year-reports/{year}': {
    type: 'organization',
    action: 'read',
    url: () => '/api/v1/organizations/cA/half-year-reports/2026',
    allowed: readersOfA,
  },
  'PUT /api/v1/organizations/{id}/half-year-reports/{year}/{half}': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations/cA/half-year-reports/2026/1',
    body: () => ({ body: '上半年工作情况（改）' }),
    allowed: adminsOfA,
  },
  'PUT /api/v1/organizations/{id}/half-year-reports/{year}/{half}/file': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations/cA/half-year-reports/2026/1/file',
    upload: true,
    allowed: adminsOfA,
  },
  'GET /api/v1/half-year-reports/{id}/file': {
    type: 'org_report',
    action: 'read',
    url: (w) => `/api/v1/half-year-reports/${w.halfYearReportId}/file`,
    allowed: readersOfA,
  },
  'POST /api/v1/organizations/{id}/half-year-reports/{year}/{half}/submit': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations/cA/half-year-reports/2026/1/submit',
    allowed: adminsOfA,
  },
  'POST /api/v1/half-year-reports/{id}/review': {
    type: 'org_report',
    action: 'review',
    url: (w) => `/api/v1/half-year-reports/${w.halfYearReportId}/review`,
    body: () => ({ decision: 'accept' }),
    allowed: above,
  },
  'GET /api/v1/point-proposals': { list: () => '/api/v1/point-proposals?org=cA', showsA: false },
  'POST /api/v1/point-proposals': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/point-proposals',
    body: () => ({ proposedBy: 'cA', to: 'city', org: 'gA2', category: 'new' }),
    allowed: adminsOfA,
  },
  'POST /api/v1/point-proposals/{id}/decide': {
    type: 'point_proposal',
    action: 'decide',
    url: (w) => `/api/v1/point-proposals/${w.proposalId}/decide`,
    body: () => ({ decision: 'decline', note: '名额已满' }),
    allowed: above,
  },
  'POST /api/v1/problems/{id}/pass': {
    type: 'problem',
    action: 'move',
    url: (w) => `/api/v1/problems/${w.problemId}/pass`,
    body: () => ({ to: 'committee', org: 'city', on: '2026-02-25', dueOn: '2026-02-28' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/problems/{id}/answer': {
    type: 'problem',
    action: 'answer',
    url: (w) => `/api/v1/problems/${w.problemId}/answer`,
    body: () => ({ text: '已转人社局', on: '2026-02-26' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/problems/{id}/reply': {
    type: 'problem',
    action: 'move',
    url: (w) => `/api/v1/problems/${w.problemId}/reply`,
    body: () => ({ text: '已答复青年', on: '2026-02-27' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/problems/queue': { list: () => '/api/v1/problems/queue?org=cA', showsA: false },
  'GET /api/v1/contact-points/{id}/fact-book': {
    type: 'contact_point',
    action: 'read',
    url: () => '/api/v1/contact-points/pA1/fact-book',
    allowed: [...readersOfA, 'cadreA1'],
  },
  'PUT /api/v1/contact-points/{id}/fact-book': {
    type: 'contact_point',
    action: 'book',
    url: () => '/api/v1/contact-points/pA1/fact-book',
    body: () => ({ section: 'members', text: '团员二十人' }),
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'GET /api/v1/annual/{year}/cadres/{cadreId}/year-summary': {
    type: 'filing',
    action: 'read',
    url: (w) => `${annual(w)}/year-summary`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/annual/{year}/cadres/{cadreId}/year-summary/draft': {
    type: 'filing',
    action: 'read',
    url: (w) => `${annual(w)}/year-summary/draft`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'PUT /api/v1/annual/{year}/cadres/{cadreId}/year-summary': {
    type: 'filing',
    action: 'write',
    url: (w) => `${annual(w)}/year-summary`,
    body: () => ({ text: '一年来的工作（改）' }),
    allowed: ['cadreA1'],
  },
  'POST /api/v1/annual/{year}/cadres/{cadreId}/year-summary/submit': {
    type: 'filing',
    action: 'write',
    url: (w) => `${annual(w)}/year-summary/submit`,
    allowed: ['cadreA1'],
  },
  'POST /api/v1/annual/{year}/cadres/{cadreId}/year-summary/review': {
    type: 'filing',
    action: 'review',
    url: (w) => `${annual(w)}/year-summary/review`,
    body: () => ({ decision: 'accept' }),
    allowed: adminsOfA,
  },
  'GET /api/v1/annual/{year}/forms/year-summary/{cadreId}': {
    type: 'filing',
    action: 'read',
    url: (w) => `/api/v1/annual/2026/forms/year-summary/${A1(w)}`,
    allowed: [...readersOfA, 'cadreA1'],
  },
  'GET /api/v1/annual/{year}/cadres/{cadreId}/grade': {
    type: 'filing',
    action: 'read',
    url: (w) => `${annual(w)}/grade`,
    allowed: [...readersOfA, 'cadreA1'],
  },

  // scale (issue 12) and the planner's suggestions (issue 13)
  'GET /api/v1/compliance/evidence': {
    list: (w) => `/api/v1/compliance/evidence?year=2026&org=cA&cadre=${A1(w)}`,
  },
  'GET /api/v1/compliance/dashboard': { list: () => '/api/v1/compliance/dashboard?year=2026&org=cA' },
  'GET /api/v1/compliance/trend': {
    list: () => '/api/v1/compliance/trend?year=2026&org=cA&asOf=2026-03-15',
    showsA: false,
  },
  'GET /api/v1/compliance/results': {
    list: (w) => `/api/v1/compliance/results?year=2026&org=cA&cadre=${A1(w)}`,
  },
  'GET /api/v1/posting-programs/suggestions': {
    list: () => '/api/v1/posting-programs/suggestions?org=cA',
    showsA: false,
  },
  'POST /api/v1/ledger/imports': {
    type: 'ledger',
    action: 'import',
    url: () => '/api/v1/ledger/imports',
    body: () => ledgerOfA,
    allowed: adminsOfA,
    refusal: 'job',
  },
  'GET /api/v1/ledger/imports/{id}': {
    type: 'import_job',
    action: 'read',
    url: (w) => `/api/v1/ledger/imports/${w.importJobId}`,
    allowed: adminsOfA,
  },

  // closing, ending, removing: on spare objects, last
  'DELETE /api/v1/cases/{id}/publication': {
    type: 'showcase_case',
    action: 'publish',
    url: (w) => `/api/v1/cases/${w.caseId}/publication`,
    allowed: adminsOfA,
  },
  'DELETE /api/v1/attachments/{id}': {
    type: 'attachment',
    action: 'write',
    url: (w) => `/api/v1/attachments/${w.spareAttachmentId}`,
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'DELETE /api/v1/cadres/{id}/conduct-records/{recordId}': {
    type: 'cadre',
    action: 'write',
    url: (w) => `/api/v1/cadres/${A1(w)}/conduct-records/${w.spare.conductRecord}`,
    allowed: adminsOfA,
  },
  'DELETE /api/v1/activities/{id}': {
    type: 'activity',
    action: 'write',
    url: (w) => `/api/v1/activities/${w.spare.activity}`,
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'DELETE /api/v1/contacts/{id}/keepers/{cadreId}': {
    type: 'contact',
    action: 'write',
    url: (w) => `/api/v1/contacts/${w.spare.contact}/keepers/${A1(w)}`,
    allowed: [...adminsOfA, 'cadreA1'],
  },
  'POST /api/v1/contact-points/{id}/rotate': {
    type: 'contact_point',
    action: 'write',
    url: (w) => `/api/v1/contact-points/${w.spare.point}/rotate`,
    body: (w) => ({ successorCadreId: w.cadres.A2, on: '2026-04-01', handoverNote: '交接台账' }),
    allowed: adminsOfA,
  },
  'POST /api/v1/contact-points/{id}/end': {
    type: 'contact_point',
    action: 'write',
    url: () => '/api/v1/contact-points/pA1/end',
    body: () => ({ to: '2026-11-30' }),
    allowed: adminsOfA,
  },
  'POST /api/v1/organizations/{id}/close': {
    type: 'organization',
    action: 'write',
    url: () => '/api/v1/organizations/gA2/close',
    body: () => ({ closedOn: '2026-11-30' }),
    allowed: adminsOfA,
  },
};

let ctx: TestContext;
let world: World;
let operations: string[];
let ledgerOfA: unknown;
let template: Buffer;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  world = await cityWithEveryObject(ctx);
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  operations = operationsOf(doc).map((op) => `${op.method.toUpperCase()} ${op.path}`);
  ledgerOfA = (await world.clients.sys.get('/api/v1/ledger?org=cA')).json();
  template = (await world.clients.sys.get('/api/v1/imports/cadres/template')).rawPayload;
}, 180_000);
afterAll(() => ctx.close());

const isObject = (r: Route): r is ObjectRoute => 'type' in r;
const isList = (r: Route): r is ListRoute => 'list' in r;

/** What county B must never see of county A: its youth, cadre, point and records. */
const sentinels = (w: World) => [
  '甲县青年',
  'yA',
  'gA',
  w.cadres.A1,
  'pA1',
  w.activityId,
  w.problemId,
  w.keeperRequestId,
];

function requestOf(key: string, route: ObjectRoute): InjectOptions {
  const method = key.split(' ')[0] as Method;
  const url = route.url(world);
  if (route.upload) {
    const boundary = '----lianxin-matrix';
    return {
      method,
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        template,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    };
  }
  return { method, url, payload: route.body?.(world) as InjectOptions['payload'] };
}

async function expectRefused(route: ObjectRoute, role: Role, key: string, res: LightMyRequestResponse) {
  const why = `${role} ${key}: ${res.body.slice(0, 300)}`;
  if (route.refusal === 'withheld') {
    expect(res.statusCode, why).toBe(200);
    expect(res.json().items, why).toEqual([]);
    return;
  }
  // a job is refused at once when the caller may import nothing at all
  if (route.refusal === 'job' && res.statusCode !== 403) {
    expect(res.statusCode, why).toBe(202);
    let job = res.json();
    while (job.status === 'running') {
      await new Promise((done) => setTimeout(done, 50));
      job = (await world.clients[role].get(`/api/v1/ledger/imports/${job.id}`)).json();
    }
    expect([job.status, job.error?.error?.code], why).toEqual(['failed', 'forbidden']);
    return;
  }
  expect(res.statusCode, why).toBe(403);
}

async function denialsOf(actor: string) {
  const rows = await ctx.p.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.actor, actor) });
  return rows.filter((r) => r.result === 'denied').length;
}

describe('access over every route', () => {
  it('every route of the OpenAPI document is in the matrix, and the matrix names no other', () => {
    expect(
      operations.filter((op) => !(op in routes)),
      'routes with no access line',
    ).toEqual([]);
    expect(
      Object.keys(routes).filter((key) => !operations.includes(key)),
      'lines for routes that do not exist',
    ).toEqual([]);
    for (const route of Object.values(routes).filter(isObject))
      expect(objectActions[route.type] as readonly string[]).toContain(route.action);
  });

  for (const [key, route] of Object.entries(routes).filter(([, r]) => isObject(r)) as [
    string,
    ObjectRoute,
  ][]) {
    it(`${key}: ${route.type} · ${route.action} for ${route.allowed.join(', ')}`, async () => {
      const reads = key.startsWith('GET ');
      const allowed = route.allowed.flatMap((r) =>
        r === 'groupLeader' ? [world.groupLeader] : r === 'groupMembers' ? world.groupMembers : [r],
      );
      for (const role of roles.filter((r) => !allowed.includes(r))) {
        const before = await denialsOf(role);
        const res = await world.clients[role].request(requestOf(key, route));
        await expectRefused(route, role, key, res);
        expect(await denialsOf(role), `${role} ${key}: refusal audited`).toBe(before + 1);
      }
      // a read answers; a write gets past access (a rule of the domain may still refuse it: 400, 409)
      const tries = reads ? allowed : [route.tryAs ?? (allowed.at(-1) as Role)];
      for (const role of tries) {
        const res = await world.clients[role].request(requestOf(key, route));
        const why = `${role} ${key}: ${res.body.slice(0, 300)}`;
        if (reads) expect(res.statusCode, why).toBeLessThan(300);
        else expect([400, 409, 422].includes(res.statusCode) || res.statusCode < 300, why).toBe(true);
      }
    }, 180_000);
  }

  for (const [key, route] of Object.entries(routes).filter(([, r]) => isList(r)) as [string, ListRoute][]) {
    it(`${key}: a list shows county B nothing of county A`, async () => {
      const url = route.list(world);
      const marks = sentinels(world);
      if (route.showsA !== false) {
        const own = await world.clients.adminA.get(url);
        expect(own.statusCode, own.body.slice(0, 300)).toBe(200);
        expect(
          marks.some((m) => own.body.includes(m)),
          `adminA ${url} shows county A: ${own.body.slice(0, 300)}`,
        ).toBe(true);
      }
      for (const role of ['adminB', 'cadreB'] as const) {
        const res = await world.clients[role].get(url);
        expect([200, 403], `${role} ${url}: ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        // a refusal may repeat what was asked, nothing more
        for (const m of marks.filter((x) => !url.includes(x)))
          expect(res.body, `${role} ${url} leaks ${m}`).not.toContain(m);
      }
    });
  }
});
