import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TLedgerDocument, TLedgerProblem } from '@lianxin/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../platform/config.ts';
import { contacts } from '../../platform/db/schema.ts';
import {
  type Client,
  createTestContext,
  makeAccount,
  makeOrg,
  signedIn,
  type TestContext,
} from '../../testing/index.ts';

// Not the shared scenario world: the document tests need exact ledgers (ids, division codes, counts, bytes).
let ctx: TestContext;
let sys: Client;
let adminA: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const { p } = ctx;
  await makeOrg(p, { id: 'central', level: 'central' });
  await makeOrg(p, { id: 'pv', level: 'province', parent: 'central', divisionCode: '610000' });
  await makeOrg(p, { id: 'pf', level: 'prefecture', parent: 'pv', divisionCode: '610300' });
  await makeOrg(p, { id: 'cA', level: 'county', parent: 'pf', divisionCode: '610302' });
  await makeOrg(p, { id: 'cB', level: 'county', parent: 'pf', divisionCode: '610303' });
  await makeAccount(p, { username: 'sys', role: 'system_admin' });
  await makeAccount(p, { username: 'admin-a', role: 'org_admin', scopeOrgId: 'cA' });
  sys = await signedIn(ctx, 'sys');
  adminA = await signedIn(ctx, 'admin-a');
});
afterAll(() => ctx.close());

const base = { id: '', cadre: 'c1', point: 'p1', contacts: ['y1'] };
/** One record of every activity type of docs/interchange.md. */
const everyType = [
  { ...base, id: 'a-visit', type: 'visit', start: '2026-03-02', end: '2026-03-08', travelDays: 1 },
  { ...base, id: 'a-live', type: 'live_with', start: '2026-04-01', end: '2026-04-03' },
  { ...base, id: 'a-lecture', type: 'lecture', date: '2026-03-05', audience: 40 },
  { ...base, id: 'a-talk', type: 'talk', date: '2026-03-06', mode: 'phone', note: '谈心' },
  { ...base, id: 'a-online', type: 'online', date: '2026-03-07', channel: 'wechat' },
  { ...base, id: 'a-event', type: 'event', date: '2026-03-08', kind: 'volunteer' },
  { id: 'a-leader', cadre: 'c1', type: 'leader_meeting', date: '2026-03-09' },
  { ...base, id: 'a-help', type: 'practical_help', date: '2026-03-10', outcome: '解决就业' },
  { ...base, id: 'a-work', type: 'work_item', title: '青年之家', status: 'planned' },
  { ...base, id: 'a-case', type: 'case', date: '2026-05-01', title: '案例' },
  { ...base, id: 'a-article', type: 'article', date: '2026-05-02', title: '调研文章' },
  { ...base, id: 'a-system', type: 'system', date: '2026-05-03', title: '联系制度' },
  { id: 'a-report', cadre: 'c1', type: 'research_report', date: '2026-11-30', title: '调研报告' },
  { id: 'a-open', cadre: 'c2', type: 'open_day', date: '2026-06-01', org: 'cA', attendees: 30 },
  {
    ...base,
    id: 'a-problem',
    type: 'problem',
    date: '2026-03-11',
    status: 'open',
    title: '场地不足',
    dueOn: '2026-04-30',
  },
];

function documentA() {
  return {
    format: 'lianxin-ledger/1',
    organizations: [
      { id: 'g1', name: '某公司团支部', level: 'grassroots', parent: 'cA', field: 'enterprise' },
      { id: 'g2', name: '某村团支部', level: 'grassroots', parent: 'g1', field: 'rural' },
    ],
    cadres: [
      {
        id: 'c1',
        name: '张某',
        org: 'cA',
        rank: 'deputy_division',
        employment: 'full_time',
        grassrootsYears: 1,
        hiredOn: '2019-07-01',
      },
      { id: 'c2', name: '王某', org: 'cA', rank: 'staff', employment: 'part_time', department: '组织部' },
    ],
    presets: [{ org: 'cA', preset: 'baoji-2018-close-contact' }],
    contactPoints: [
      { id: 'p1', cadre: 'c1', org: 'g1', from: '2026-01-05', to: null, category: 'improve' },
      { id: 'p2', holderOrg: 'cA', org: 'g2', from: '2026-01-05', to: '2026-12-31' },
      { id: 'p3', cadre: 'c2', org: 'g1', from: '2025-01-01', to: '2025-12-31', showcase: true },
    ],
    contacts: [
      {
        id: 'y1',
        name: '李某',
        role: 'youth',
        field: 'enterprise',
        tags: ['needy', 'non_local'],
        of: ['c1'],
        keyOf: ['c1'],
      },
      { id: 'y2', name: '赵某', role: 'league_cadre', of: ['c2', 'c1'] },
    ],
    activities: everyType,
  };
}

const problemsOf = (res: { json(): { problems?: TLedgerProblem[] } }) => res.json().problems ?? [];

describe('ledger import', () => {
  it('imports a document with every activity type, stored by its interchange fields', async () => {
    const res = await sys.post('/api/v1/ledger', documentA());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      created: { organizations: 2, cadres: 2, presets: 1, contactPoints: 3, contacts: 2, activities: 15 },
    });
    const db = ctx.p.db;
    const g2 = await db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.id, 'g2') });
    expect(g2?.path).toBe('/central/pv/pf/cA/g1/g2/');
    const acts = new Map((await db.query.activities.findMany()).map((a) => [a.id, a]));
    expect(acts.get('a-visit')).toMatchObject({
      startDate: '2026-03-02',
      endDate: '2026-03-08',
      travelDays: 1,
    });
    expect(acts.get('a-lecture')).toMatchObject({
      startDate: '2026-03-05',
      endDate: '2026-03-05',
      details: { audience: 40 },
    });
    expect(acts.get('a-work')).toMatchObject({ startDate: null, endDate: null });
    expect(acts.get('a-open')?.details).toEqual({ org: 'cA', attendees: 30 });
    expect(acts.get('a-talk')?.note).toBe('谈心');
    const keepers = await db.query.contactKeepers.findMany();
    expect(keepers.map((k) => `${k.contactId}:${k.cadreId}:${k.key}`).sort()).toEqual([
      'y1:c1:true',
      'y2:c1:false',
      'y2:c2:false',
    ]);
    expect((await db.query.activityContacts.findMany()).length).toBe(12);
  });

  it('re-importing the same document changes nothing but one audit row', async () => {
    const before = await ctx.p.db.query.auditLog.findMany();
    const res = await sys.post('/api/v1/ledger', documentA());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.values(body.created).every((n) => n === 0)).toBe(true);
    expect(Object.values(body.updated).every((n) => n === 0)).toBe(true);
    expect(body.unchanged).toMatchObject({ organizations: 2, activities: 15, contacts: 2, presets: 1 });
    const after = await ctx.p.db.query.auditLog.findMany({ orderBy: (a, { asc }) => asc(a.seq) });
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ action: 'ledger.import', actor: 'sys' });
    expect(after.at(-1)?.after).toMatchObject({ unchanged: body.unchanged });
  });

  it('counts a changed record as updated and replaces its contacts and keepers', async () => {
    // columns outside the interchange (a phone entered in the app) survive an update by import
    await ctx.p.db.update(contacts).set({ phoneMasked: '138****0000' }).where(eq(contacts.id, 'y2'));
    const doc = documentA();
    doc.activities = everyType.map((a) => (a.id === 'a-lecture' ? { ...a, audience: 41, contacts: [] } : a));
    doc.contacts[1] = { ...doc.contacts[1]!, name: '赵某某', of: ['c2'] };
    const res = await sys.post('/api/v1/ledger', doc);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toMatchObject({ activities: 1, contacts: 1, organizations: 0 });
    const lecture = await ctx.p.db.query.activities.findFirst({
      where: (a, { eq }) => eq(a.id, 'a-lecture'),
    });
    expect(lecture?.details).toEqual({ audience: 41 });
    const links = await ctx.p.db.query.activityContacts.findMany({
      where: (l, { eq }) => eq(l.activityId, 'a-lecture'),
    });
    expect(links).toEqual([]);
    const y2 = await ctx.p.db.query.contactKeepers.findMany({ where: (k, { eq }) => eq(k.contactId, 'y2') });
    expect(y2.map((k) => k.cadreId)).toEqual(['c2']);
    const y2row = await ctx.p.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.id, 'y2') });
    expect(y2row).toMatchObject({ name: '赵某某', phoneMasked: '138****0000' });
    // back to the original for the tests below
    expect((await sys.post('/api/v1/ledger', documentA())).statusCode).toBe(200);
  });

  it('rejects an unknown field, naming it with the record id', async () => {
    const doc = documentA();
    doc.activities = [...everyType, { ...everyType[0]!, id: 'a-x', colour: 'red' } as never];
    const res = await sys.post('/api/v1/ledger', doc);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    expect(problemsOf(res)).toEqual([
      expect.objectContaining({ collection: 'activities', id: 'a-x', field: 'colour' }),
    ]);
    expect(problemsOf(res)[0]?.messageZh).toContain('未知字段');
    expect(res.json().error.details[0].path).toBe('activities[a-x].colour');
  });

  it('names every unknown reference, impossible date and misplaced organization, and writes nothing', async () => {
    const res = await sys.post('/api/v1/ledger', {
      format: 'lianxin-ledger/1',
      organizations: [
        { id: 'n1', name: '新县', level: 'county', parent: 'g1' },
        { id: 'n2', name: '循环甲', level: 'grassroots', parent: 'n3' },
        { id: 'n3', name: '循环乙', level: 'grassroots', parent: 'n2' },
        { id: 'n4', name: '重复代码', level: 'province', parent: 'central', divisionCode: '610000' },
      ],
      contacts: [{ id: 'y9', name: '某', role: 'youth', of: ['c1'], keyOf: ['c2'] }],
      contactPoints: [
        { id: 'p9', cadre: 'c1', holderOrg: 'cA', org: 'g1', from: '2026-02-01', to: '2026-01-01' },
      ],
      activities: [
        { id: 'b1', cadre: 'nobody', type: 'lecture', date: '2026-03-01', audience: 1 },
        { id: 'b2', cadre: 'c2', type: 'talk', point: 'p1', date: '2026-02-30', mode: 'phone' },
        { id: 'b3', cadre: 'c1', type: 'visit', start: '2026-03-05', end: '2026-03-01', travelDays: 0 },
        { id: 'b4', cadre: 'c1', type: 'talk', date: '2026-03-01', mode: 'phone', contacts: ['ghost'] },
      ],
    });
    expect(res.statusCode).toBe(400);
    const named = problemsOf(res).map((p) => `${p.collection}[${p.id}].${p.field}`);
    expect(named.sort()).toEqual(
      [
        'organizations[n1].parent', // a county cannot sit under a grassroots organization
        'organizations[n2].parent',
        'organizations[n3].parent',
        'organizations[n4].divisionCode',
        'contacts[y9].keyOf',
        'contactPoints[p9].cadre',
        'contactPoints[p9].to',
        'activities[b1].cadre',
        'activities[b2].date',
        'activities[b3].end',
        'activities[b4].contacts',
      ].sort(),
    );
    // a record that passes the schema is checked for its references too
    const fixed = await sys.post('/api/v1/ledger', {
      format: 'lianxin-ledger/1',
      activities: [
        { id: 'b1', cadre: 'nobody', type: 'lecture', date: '2026-03-01', audience: 1 },
        { id: 'b2', cadre: 'c2', type: 'talk', point: 'p1', date: '2026-02-28', mode: 'phone' },
        { id: 'b3', cadre: 'c1', type: 'visit', start: '2026-03-05', end: '2026-03-01', travelDays: 0 },
        { id: 'b4', cadre: 'c1', type: 'talk', date: '2026-03-01', mode: 'phone', contacts: ['ghost'] },
      ],
    });
    expect(problemsOf(fixed).map((p) => `${p.id}.${p.field}`)).toEqual([
      'b1.cadre',
      'b2.point',
      'b3.end',
      'b4.contacts',
    ]);
    expect(problemsOf(fixed)[0]?.message).toContain('nobody');
    const n4 = problemsOf(res).find((p) => p.id === 'n4');
    expect(n4?.message).toContain('pv'); // decision 1: names the existing id
    expect(await ctx.p.db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.id, 'n2') })).toBe(
      undefined,
    );
  });

  it('rejects a 5,000-activity document whole for one bad record near its end', async () => {
    const activities = Array.from({ length: 5000 }, (_, i) => ({
      id: `big-${String(i).padStart(4, '0')}`,
      cadre: 'c-big',
      type: 'visit',
      start: '2026-03-01',
      end: '2026-03-03',
      travelDays: i === 4990 ? 4 : 1,
    }));
    const doc = {
      format: 'lianxin-ledger/1',
      organizations: [
        { id: 'g-big', name: '大文件团支部', level: 'grassroots', parent: 'cA', field: 'school' },
      ],
      cadres: [{ id: 'c-big', name: '大文件', org: 'g-big', rank: 'staff', employment: 'part_time' }],
      activities,
    };
    const res = await sys.post('/api/v1/ledger', doc);
    expect(res.statusCode).toBe(400);
    expect(problemsOf(res)).toEqual([
      expect.objectContaining({ collection: 'activities', id: 'big-4990', field: 'travelDays' }),
    ]);
    const db = ctx.p.db;
    expect(await db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.id, 'g-big') })).toBe(
      undefined,
    );
    expect(await db.query.cadres.findFirst({ where: (c, { eq }) => eq(c.id, 'c-big') })).toBe(undefined);
    expect(await db.query.activities.findFirst({ where: (a, { like }) => like(a.id, 'big-%') })).toBe(
      undefined,
    );
    // the same document without the bad record goes in whole
    activities[4990]!.travelDays = 0;
    const ok = await sys.post('/api/v1/ledger', doc);
    expect(ok.statusCode, ok.body.slice(0, 500)).toBe(200);
    expect(ok.json().created.activities).toBe(5000);
  });
});

describe('ledger access', () => {
  it('an org admin of county A cannot import into county B nor export it', async () => {
    const res = await adminA.post('/api/v1/ledger', {
      format: 'lianxin-ledger/1',
      organizations: [{ id: 'gB', name: '乙县团支部', level: 'grassroots', parent: 'cB', field: 'rural' }],
    });
    expect(res.statusCode).toBe(403);
    const denied = await ctx.p.db.query.auditLog.findFirst({
      where: (a, { and, eq }) => and(eq(a.action, 'deny.write'), eq(a.objectId, 'gB')),
    });
    expect(denied?.actor).toBe('admin-a');
    expect(await ctx.p.db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.id, 'gB') })).toBe(
      undefined,
    );
    expect((await adminA.get('/api/v1/ledger?org=cB')).statusCode).toBe(403);
    expect((await adminA.get('/api/v1/ledger')).statusCode).toBe(403);
  });

  it('an org admin may re-import the export of their own county (the ancestors it carries are unchanged)', async () => {
    const exported = await adminA.get('/api/v1/ledger?org=cA');
    expect(exported.statusCode).toBe(200);
    const doc = exported.json() as TLedgerDocument;
    expect(doc.organizations.slice(0, 4).map((o) => o.id)).toEqual(['central', 'pv', 'pf', 'cA']);
    expect(doc.organizations.some((o) => o.id === 'cB')).toBe(false);
    const res = await adminA.post('/api/v1/ledger', doc);
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.values(res.json().updated).every((n) => n === 0)).toBe(true);
    // but renaming the province above it is not theirs to do
    doc.organizations[1] = { ...doc.organizations[1]!, name: '改名' };
    expect((await adminA.post('/api/v1/ledger', doc)).statusCode).toBe(403);
  });
});

describe('ledger export', () => {
  it('imports into an empty database and exports the same bytes again', async () => {
    const other = await createTestContext({ demo: true });
    try {
      await makeAccount(other.p, { username: 'sys2', role: 'system_admin' });
      const sys2 = await signedIn(other, 'sys2');
      for (const query of ['?org=cA', '']) {
        const first = await sys.get(`/api/v1/ledger${query}`);
        expect(first.statusCode).toBe(200);
        const imported = await sys2.post('/api/v1/ledger', first.json());
        expect(imported.statusCode, imported.body.slice(0, 500)).toBe(200);
        const second = await sys2.get(`/api/v1/ledger${query}`);
        expect(second.body).toBe(first.body);
      }
      const doc = (await sys.get('/api/v1/ledger?org=cA')).json() as TLedgerDocument;
      expect(doc.contactPoints.find((p) => p.id === 'p1')).toEqual({
        id: 'p1',
        cadre: 'c1',
        org: 'g1',
        from: '2026-01-05',
        to: null,
        category: 'improve',
      });
      expect(doc.contacts.find((c) => c.id === 'y2')).toEqual({
        id: 'y2',
        name: '赵某',
        role: 'league_cadre',
        of: ['c1', 'c2'],
      });
      expect(doc.presets).toEqual([{ org: 'cA', preset: 'baoji-2018-close-contact' }]);
    } finally {
      await other.close();
    }
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/v1/ledger'])).toEqual(expect.arrayContaining(['get', 'post']));
  });
});

describe('ledger command line', () => {
  it('imports a file, rejects a bad one with exit 1, and exports what it holds', async () => {
    const run = promisify(execFile);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-ledger-'));
    const env = { ...process.env, LIANXIN_DATA: dir, DATABASE_URL: '' };
    const cli = (...args: string[]) =>
      run('npx', ['lianxin', ...args], { cwd: repoRoot, env, maxBuffer: 1 << 26 });
    const doc = {
      format: 'lianxin-ledger/1',
      organizations: [
        { id: 'central', name: '共青团中央', level: 'central' },
        { id: 'o-sx', name: '共青团陕西省委', level: 'province', parent: 'central', divisionCode: '610000' },
      ],
      cadres: [
        {
          id: 'c1',
          name: '张某',
          org: 'o-sx',
          rank: 'division',
          employment: 'full_time',
          grassrootsYears: 2,
        },
      ],
      presets: [],
      contactPoints: [],
      contacts: [],
      activities: [{ id: 'a1', cadre: 'c1', type: 'lecture', date: '2026-03-05', audience: 12 }],
    };
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify(doc));
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...doc, activities: [{ ...doc.activities[0], cadre: 'c404' }] }));
    try {
      const usage = await cli('import').catch((e) => e);
      expect(usage.code).toBe(2);
      const rejected = await cli('import', bad).catch((e) => e);
      expect(rejected.code).toBe(1);
      expect(JSON.parse(rejected.stderr.slice(rejected.stderr.indexOf('{'))).problems).toEqual([
        expect.objectContaining({ collection: 'activities', id: 'a1', field: 'cadre' }),
      ]);
      const imported = await cli('import', good);
      expect(JSON.parse(imported.stdout).created).toMatchObject({
        organizations: 2,
        cadres: 1,
        activities: 1,
      });
      const exported = await cli('export');
      expect(JSON.parse(exported.stdout)).toEqual(doc);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
