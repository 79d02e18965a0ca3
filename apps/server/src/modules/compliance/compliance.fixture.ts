import type { TComplianceResult, TRole } from '@lianxin/contracts';
import { evaluate, factsFromLedger, type LedgerDocument, presetsInForceFromLedger } from '@lianxin/domain';
import { type Client, makeAccount, signedIn, systemActor, type TestContext } from '../../testing/index.ts';
import { importLedger } from '../ledger/ledger.import.ts';

/**
 * A small ledger with the boundary cases of the counting conventions (policy-rules.md): a visit
 * across the year boundary, a lecture on the last day of the year before, records after the as-of
 * date, a point ended and handed over, contacts kept by several cadres, an undated work item.
 */
export function boundaryLedger() {
  return {
    format: 'lianxin-ledger/1',
    organizations: [
      { id: 'central', name: '共青团中央', level: 'central' },
      { id: 'o-sx', name: '共青团陕西省委', level: 'province', parent: 'central', divisionCode: '610000' },
      { id: 'o-xa', name: '共青团西安市委', level: 'prefecture', parent: 'o-sx', divisionCode: '610100' },
      { id: 'o-bj', name: '共青团宝鸡市委', level: 'prefecture', parent: 'o-sx', divisionCode: '610300' },
      { id: 'o-wb', name: '共青团渭滨区委', level: 'county', parent: 'o-bj', divisionCode: '610302' },
      { id: 'o-jt', name: '共青团金台区委', level: 'county', parent: 'o-bj', divisionCode: '610303' },
      { id: 'o-yl', name: '共青团杨陵区委', level: 'county', parent: 'o-sx', divisionCode: '610403' },
      { id: 'o-sector', name: '陕西省直团工委', level: 'province', parent: 'central' },
      { id: 'o-g1', name: '某公司团支部', level: 'grassroots', parent: 'o-wb', field: 'enterprise' },
      { id: 'o-g2', name: '某村团支部', level: 'grassroots', parent: 'o-jt', field: 'rural' },
    ],
    cadres: [
      {
        id: 'c1',
        name: '张某',
        org: 'o-bj',
        rank: 'deputy_division',
        employment: 'full_time',
        grassrootsYears: 1,
      },
      {
        id: 'c2',
        name: '王某',
        org: 'o-sx',
        rank: 'secretariat',
        employment: 'full_time',
        grassrootsYears: 3,
      },
      {
        id: 'c3',
        name: '李某',
        org: 'o-wb',
        rank: 'section',
        employment: 'part_time',
        grassrootsYears: 0.5,
        probationEndsOn: '2026-02-28',
        department: '组织部',
      },
    ],
    presets: [
      { org: 'o-bj', preset: 'baoji-2018-close-contact' },
      { org: 'central', preset: 'cyl-2014-contact-points' },
      { org: 'o-sx', preset: 'meizhou-2016-direct-contact' },
      { org: 'o-sx', preset: 'guangdong-2006-contact-points' },
    ],
    contactPoints: [
      { id: 'p1', cadre: 'c1', org: 'o-wb', from: '2025-06-01', to: null },
      { id: 'p2', cadre: 'c2', org: 'o-jt', from: '2025-01-01', to: '2026-03-31', category: 'improve' },
      {
        id: 'p3',
        cadre: 'c1',
        org: 'o-jt',
        from: '2026-04-01',
        to: null,
        predecessor: 'p2',
        handoverNote: '交接：青年之家已建成',
        showcase: true,
      },
      { id: 'p4', holderOrg: 'o-sx', org: 'o-g1', from: '2024-03-01', to: null, topic: '青年就业' },
      { id: 'p5', cadre: 'c3', org: 'o-g2', from: '2026-01-10', to: null },
    ],
    contacts: [
      {
        id: 'y1',
        name: '青年一',
        role: 'youth',
        field: 'enterprise',
        tags: ['poor_family'],
        of: ['c1', 'c3'],
        keyOf: ['c1'],
      },
      {
        id: 'y2',
        name: '青年二',
        role: 'youth',
        field: 'rural',
        of: ['c1', 'c2', 'c3'],
        keyOf: ['c2', 'c3'],
      },
      { id: 'y3', name: '青年三', role: 'youth', field: 'school', of: [] },
      { id: 'l1', name: '团干部一', role: 'league_cadre', field: 'community', of: ['c1'] },
    ],
    activities: [
      // across the year boundary: belongs to 2026, the year in which it ends
      {
        id: 'v-boundary',
        cadre: 'c1',
        type: 'visit',
        point: 'p1',
        start: '2025-12-29',
        end: '2026-01-03',
        travelDays: 1,
        contacts: ['y1'],
      },
      {
        id: 'v-2025',
        cadre: 'c1',
        type: 'visit',
        point: 'p1',
        start: '2025-12-20',
        end: '2025-12-24',
        travelDays: 0,
      },
      {
        id: 'v-p2',
        cadre: 'c2',
        type: 'visit',
        point: 'p2',
        start: '2026-02-01',
        end: '2026-02-06',
        travelDays: 2,
        contacts: ['y2'],
      },
      // ends after the as-of date of 30 June: counts only later
      {
        id: 'v-late',
        cadre: 'c1',
        type: 'visit',
        point: 'p3',
        start: '2026-06-28',
        end: '2026-07-02',
        travelDays: 0,
      },
      { id: 'lec-eve', cadre: 'c1', type: 'lecture', point: 'p1', date: '2025-12-31', audience: 30 },
      { id: 'lec-1', cadre: 'c1', type: 'lecture', point: 'p1', date: '2026-03-05', audience: 40 },
      { id: 'lec-p2', cadre: 'c2', type: 'lecture', point: 'p2', date: '2025-09-01', audience: 20 },
      {
        id: 't-f2f',
        cadre: 'c1',
        type: 'talk',
        point: 'p1',
        date: '2026-02-10',
        mode: 'face_to_face',
        contacts: ['y1', 'l1'],
      },
      { id: 't-phone', cadre: 'c1', type: 'talk', date: '2026-03-10', mode: 'phone', contacts: ['y2'] },
      {
        id: 't-p2',
        cadre: 'c2',
        type: 'talk',
        point: 'p2',
        date: '2026-01-12',
        mode: 'online',
        contacts: ['y2'],
      },
      {
        id: 't-after',
        cadre: 'c1',
        type: 'talk',
        date: '2026-08-01',
        mode: 'face_to_face',
        contacts: ['y3'],
      },
      {
        id: 'on-wechat',
        cadre: 'c1',
        type: 'online',
        date: '2026-01-15',
        channel: 'wechat',
        contacts: ['y1'],
      },
      { id: 'on-phone', cadre: 'c1', type: 'online', date: '2026-04-15', channel: 'phone', contacts: ['y2'] },
      { id: 'on-c3', cadre: 'c3', type: 'online', date: '2026-05-20', channel: 'qq', contacts: ['y1', 'y2'] },
      { id: 'ev-1', cadre: 'c1', type: 'event', date: '2026-04-01', kind: 'volunteer', contacts: ['y2'] },
      {
        id: 'ev-c3',
        cadre: 'c3',
        type: 'event',
        point: 'p5',
        date: '2026-01-02',
        kind: 'social',
        contacts: ['y2'],
      },
      {
        id: 'lw-1',
        cadre: 'c1',
        type: 'live_with',
        point: 'p3',
        start: '2026-05-01',
        end: '2026-05-03',
        contacts: ['y3', 'y1'],
      },
      { id: 'lm-1', cadre: 'c2', type: 'leader_meeting', point: 'p2', date: '2026-01-20' },
      {
        id: 'ph-1',
        cadre: 'c1',
        type: 'practical_help',
        point: 'p1',
        date: '2026-02-01',
        outcome: '解决就业',
        contacts: ['y1', 'l1'],
      },
      { id: 'wi-undated', cadre: 'c1', type: 'work_item', point: 'p1', title: '青年之家', status: 'done' },
      {
        id: 'wi-2025',
        cadre: 'c1',
        type: 'work_item',
        point: 'p1',
        title: '读书会',
        status: 'done',
        date: '2025-11-01',
      },
      { id: 'wi-planned', cadre: 'c1', type: 'work_item', point: 'p1', title: '夜校', status: 'planned' },
      { id: 'case-1', cadre: 'c1', type: 'case', point: 'p1', date: '2026-04-02', title: '案例' },
      { id: 'art-1', cadre: 'c1', type: 'article', point: 'p1', date: '2026-04-03', title: '调研文章' },
      { id: 'sys-1', cadre: 'c1', type: 'system', point: 'p1', date: '2026-04-04', title: '联系制度' },
      { id: 'rr-1', cadre: 'c1', type: 'research_report', date: '2026-06-01', title: '调研报告' },
      { id: 'od-1', cadre: 'c3', type: 'open_day', date: '2026-03-15', org: 'o-wb', attendees: 60 },
      { id: 'od-late', cadre: 'c3', type: 'open_day', date: '2026-09-15', org: 'o-wb', attendees: 10 },
      {
        id: 'pr-1',
        cadre: 'c1',
        type: 'problem',
        point: 'p1',
        date: '2026-02-02',
        status: 'escalated',
        contacts: ['y1'],
      },
    ],
  };
}

export const key = (r: TComplianceResult) =>
  `${r.rule}|${r.cadre}|${r.point}|${r.org}|${r.posting ?? ''}|${r.batch ?? ''}`;
// the order of evidence follows the order records were read in, which the two sources do not share
const canonical = (r: TComplianceResult) => ({
  ...r,
  evidence: [...(r.evidence ?? [])].sort(),
  ...(r.detail
    ? { detail: Object.fromEntries(Object.entries(r.detail).map(([k, v]) => [k, [...v].sort()])) }
    : {}),
});
export const sorted = (rs: TComplianceResult[]) =>
  rs.map(canonical).sort((a, b) => key(a).localeCompare(key(b)));

/** What the engine answers for the ledger document itself, with no database in between. */
export function engineOnLedger(year: number, asOf: string): TComplianceResult[] {
  const ledger = boundaryLedger() as unknown as LedgerDocument;
  return evaluate(factsFromLedger(ledger, { year, asOf }), {
    year,
    asOf,
    presetsInForce: presetsInForceFromLedger(ledger),
  }) as TComplianceResult[];
}

/** Who reads the boundary ledger: an account each, scoped as the name says. */
const readers = {
  sys: { role: 'system_admin' },
  adminBj: { role: 'org_admin', scopeOrgId: 'o-bj' },
  adminWb: { role: 'org_admin', scopeOrgId: 'o-wb' },
  leaderBj: { role: 'leader', scopeOrgId: 'o-bj' },
  cadreC3: { role: 'cadre', scopeOrgId: 'o-wb', cadreId: 'c3' },
} satisfies Record<string, { role: TRole; scopeOrgId?: string; cadreId?: string }>;
type Reader = keyof typeof readers;

/**
 * The world of the compliance tests that check figures against the engine run on the ledger
 * itself: the boundary ledger imported into the test database, and every reader signed in.
 */
export async function withBoundaryLedger(ctx: TestContext): Promise<Record<Reader, Client>> {
  await importLedger(ctx.p, systemActor, boundaryLedger());
  const clients = {} as Record<Reader, Client>;
  for (const [username, account] of Object.entries(readers)) {
    await makeAccount(ctx.p, { username, ...account });
    clients[username as Reader] = await signedIn(ctx, username);
  }
  return clients;
}
