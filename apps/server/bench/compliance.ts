/**
 * Compliance evaluation of a province (issue 4: 10,000 cadres, 1,000,000 activities) beside one
 * hand-written SQL aggregate over the same rows, as a ratio. The province is generated in SQL with
 * generate_series, never row by row. `BENCH_CADRES` sets the size (100 activities and 20 kept
 * contacts a cadre); run alone with `npx tsx apps/server/bench/compliance.ts` (PGlite, or
 * PostgreSQL when BENCH_DATABASE_URL is set).
 */
import { evaluate, monthEnds, PRESET_IDS } from '@lianxin/domain';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { complianceDashboard, complianceTrend } from '../src/modules/compliance/compliance.dashboard.ts';
import {
  complianceFacts,
  type FactsQuery,
  presetAdoptions,
} from '../src/modules/compliance/compliance.facts.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/client.ts';
import type { Platform } from '../src/platform/platform.ts';
import { systemActor } from '../src/testing/index.ts';
import { handWrittenCounts } from './compliance-raw.ts';
import { benchPlatform } from './platform.ts';

const YEAR = 2026;
const AS_OF = '2026-12-31';
const PREFECTURES = 10;
const COUNTIES_PER_PREFECTURE = 10;
const GRASSROOTS_PER_COUNTY = 10;
const COUNTIES = PREFECTURES * COUNTIES_PER_PREFECTURE;
const GRASSROOTS = COUNTIES * GRASSROOTS_PER_COUNTY;

export const benchCadres = () => Number(process.env.BENCH_CADRES || 10_000);

/**
 * The sizes of issue 12: a prefecture (800 cadres, 250 activities each: 200,000) and a province
 * (`BENCH_CADRES`, 10,000 by default, 100 each: 1,000,000). `BENCH_COMPLIANCE=prefecture` keeps the
 * first only (a province takes minutes to build on PGlite).
 */
export function complianceSizes() {
  const prefecture = { cadres: 800, perCadre: 250 };
  return process.env.BENCH_COMPLIANCE === 'prefecture'
    ? [prefecture]
    : [prefecture, { cadres: benchCadres(), perCadre: 100 }];
}

/** A new empty database on the server of `url` (each province is built with the same ids). */
export async function freshDatabase(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** 省 → 10 地市 → 100 县 → 1,000 基层组织; cadres in the counties, each holding two grassroots points. */
async function buildProvince(p: Platform, cadres: number, perCadre: number) {
  const run = (q: ReturnType<typeof sql>) => p.db.execute(q);
  await run(sql`insert into organizations (id, name, level, parent_id, path, division_code) values
    ('bx-root', '压测团中央', 'central', null, '/bx-root/', null),
    ('bx-pv', '压测省团委', 'province', 'bx-root', '/bx-root/bx-pv/', '990000')`);
  await run(sql`insert into organizations (id, name, level, parent_id, path, division_code)
    select 'bx-pf' || f, '压测市' || f, 'prefecture', 'bx-pv', '/bx-root/bx-pv/bx-pf' || f || '/', '99' || lpad(f::text, 2, '0') || '00'
      from generate_series(1, ${PREFECTURES}) f`);
  await run(sql`insert into organizations (id, name, level, parent_id, path, division_code)
    select 'bx-ct' || c, '压测县' || c, 'county', 'bx-pf' || f, '/bx-root/bx-pv/bx-pf' || f || '/bx-ct' || c || '/',
           '99' || lpad(f::text, 2, '0') || lpad((c % ${COUNTIES_PER_PREFECTURE} + 1)::text, 2, '0')
      from generate_series(1, ${COUNTIES}) c, lateral (select (c - 1) / ${COUNTIES_PER_PREFECTURE} + 1 as f) x`);
  await run(sql`insert into organizations (id, name, level, parent_id, path, field)
    select 'bx-g' || g, '压测团支部' || g, 'grassroots', 'bx-ct' || c,
           '/bx-root/bx-pv/bx-pf' || ((c - 1) / ${COUNTIES_PER_PREFECTURE} + 1) || '/bx-ct' || c || '/bx-g' || g || '/',
           (array['enterprise', 'rural', 'organ', 'school', 'community', 'social_org', 'new_media'])[g % 7 + 1]
      from generate_series(1, ${GRASSROOTS}) g, lateral (select (g - 1) / ${GRASSROOTS_PER_COUNTY} + 1 as c) x`);
  await run(sql`insert into org_presets (org_id, preset)
    select 'bx-pv', unnest(string_to_array(${PRESET_IDS.join(',')}, ','))`);
  await run(sql`insert into cadres (id, name, org_id, rank, employment, grassroots_years)
    select 'bx-c' || i, '干部' || i, 'bx-ct' || (i % ${COUNTIES} + 1),
           (array['division', 'deputy_division', 'section', 'staff'])[i % 4 + 1],
           (array['full_time', 'full_time', 'full_time', 'seconded', 'part_time'])[i % 5 + 1], i % 5
      from generate_series(1, ${cadres}) i`);
  await run(sql`insert into contact_points (id, cadre_id, org_id, from_date)
    select 'bx-p' || i || '-' || k, 'bx-c' || i, 'bx-g' || ((i * 2 + k) % ${GRASSROOTS} + 1), date '2025-01-01'
      from generate_series(1, ${cadres}) i, generate_series(0, 1) k`);
  // contact k is kept by cadre (k - 1) % N + 1; every tenth is a key (结对) contact
  await run(sql`insert into contacts (id, name, role, field, tags)
    select 'bx-y' || k, '青年' || k, case when k % 10 = 0 then 'league_cadre' else 'youth' end,
           (array['enterprise', 'rural', 'organ', 'school', 'community', 'social_org', 'new_media'])[k % 7 + 1],
           case when k % 7 = 0 then '["needy"]'::jsonb else '[]'::jsonb end
      from generate_series(1, ${cadres * 20}) k`);
  await run(sql`insert into contact_keepers (contact_id, cadre_id, key)
    select 'bx-y' || k, 'bx-c' || ((k - 1) % ${cadres} + 1), k % 10 = 1 from generate_series(1, ${cadres * 20}) k`);
  // activity j: cadre (j - 1) % N + 1, each cadre every type in turn, a day of 2026, one kept contact for the people kinds
  await run(sql`insert into activities (id, cadre_id, type, point_id, start_date, end_date, travel_days, details)
    select 'bx-a' || j, 'bx-c' || c, t,
           case when j % 2 = 0 or t in ('visit', 'live_with', 'leader_meeting', 'work_item', 'article', 'system') then 'bx-p' || c || '-' || (j % 2) end,
           d, d + case t when 'visit' then 4 when 'live_with' then 2 else 0 end,
           case when t = 'visit' then 1 end,
           case t
             when 'talk' then jsonb_build_object('mode', (array['face_to_face', 'phone', 'online'])[j % 3 + 1])
             when 'online' then jsonb_build_object('channel', (array['wechat', 'qq', 'weibo', 'phone'])[j % 4 + 1])
             when 'event' then jsonb_build_object('kind', 'volunteer')
             when 'lecture' then jsonb_build_object('audience', 30)
             when 'work_item' then jsonb_build_object('title', '事项', 'status', (array['planned', 'done'])[j % 2 + 1])
             when 'problem' then jsonb_build_object('status', 'open', 'title', '问题')
             when 'practical_help' then jsonb_build_object('outcome', '办成')
             when 'leader_meeting' then '{}'::jsonb
             else jsonb_build_object('title', '标题')
           end
      from generate_series(1, ${cadres * perCadre}) j,
      lateral (select (j - 1) % ${cadres} + 1 as c,
                      date '2026-01-01' + ((j::bigint * 7919) % 355)::int as d,
                      (array['talk', 'talk', 'talk', 'talk', 'online', 'online', 'event', 'event', 'lecture', 'visit',
                             'visit', 'live_with', 'leader_meeting', 'practical_help', 'work_item', 'case', 'article',
                             'system', 'problem', 'talk'])[((j - 1) / ${cadres}) % 20 + 1] as t) x`);
  await run(sql`insert into activity_contacts (activity_id, contact_id)
    select a.id, 'bx-y' || ((split_part(a.cadre_id, 'c', 2))::int + ${cadres} * (((substr(a.id, 5))::int - 1) / ${cadres} % 20))
      from activities a
     where a.id like 'bx-a%' and a.type in ('talk', 'online', 'event', 'visit', 'live_with', 'practical_help')`);
  await run(sql`insert into activities (id, cadre_id, type, start_date, end_date, details)
    select 'bx-od' || c || '-' || q, 'bx-c' || c, 'open_day', d, d, jsonb_build_object('org', 'bx-ct' || c, 'attendees', 40 + q * 5)
      from generate_series(1, ${COUNTIES}) c, generate_series(1, 4) q,
      lateral (select date '2026-01-15' + (q - 1) * 91 as d) x`);
  await run(sql`analyze`);
}

const ms = (start: number) => performance.now() - start;

/** One whole evaluation (facts in SQL, then the engine) listing `evidence`, in ms. */
async function evaluation(p: Platform, evidence: FactsQuery['evidence']) {
  const query = { year: YEAR, asOf: AS_OF, scopePath: '/bx-root/bx-pv/', evidence };
  const started = performance.now();
  const facts = await complianceFacts(p.db, query);
  const presetsInForce = await presetAdoptions(p.db, query);
  const results = evaluate(facts, { year: YEAR, asOf: AS_OF, presetsInForce });
  return { ms: ms(started), results: results.length, cadres: facts.cadres.length };
}

async function handWritten(p: Platform) {
  const started = performance.now();
  await handWrittenCounts(p.db, '/bx-root/bx-pv/', YEAR, AS_OF);
  return ms(started);
}

/** The dashboard route's work (count-only evaluation, figures, a page of laggards named), in ms. */
async function dashboard(p: Platform) {
  const started = performance.now();
  const q = { year: YEAR, asOf: AS_OF, org: 'bx-pv', laggardPage: 1, laggardPageSize: 15 };
  await complianceDashboard(p, systemActor, q);
  return ms(started);
}

/** The trend route (each month's end of the year, one request) and the hand-written SQL at each. */
async function trend(p: Platform) {
  let started = performance.now();
  await complianceTrend(p, systemActor, { year: YEAR, asOf: AS_OF, org: 'bx-pv' });
  const route = ms(started);
  started = performance.now();
  for (const day of monthEnds(YEAR, AS_OF)) await handWrittenCounts(p.db, '/bx-root/bx-pv/', YEAR, day);
  return { route, raw: ms(started) };
}

/**
 * A subtree of `cadres` cadres with `perCadre` activities each: the evaluation listing every record
 * (as before issue 12, and as `GET /compliance` still answers) and the count-only one the dashboards
 * use, each beside the hand-written SQL doing the same counting, measured in turn (best of three).
 */
export async function benchCompliance(
  label: string,
  database: Database,
  cadres = benchCadres(),
  perCadre = 100,
) {
  const p = benchPlatform(database);
  const buildStart = performance.now();
  await buildProvince(p, cadres, perCadre);
  const buildMs = ms(buildStart);
  const best = {
    listed: Infinity,
    counted: Infinity,
    raw: Infinity,
    dashboard: Infinity,
    trend: Infinity,
    trendRaw: Infinity,
    results: 0,
    counted_results: 0,
  };
  for (let round = 0; round < 3; round++) {
    const raw = await handWritten(p);
    const listed = await evaluation(p, 'all');
    const counted = await evaluation(p, 'none');
    best.raw = Math.min(best.raw, raw);
    best.listed = Math.min(best.listed, listed.ms);
    best.counted = Math.min(best.counted, counted.ms);
    best.dashboard = Math.min(best.dashboard, await dashboard(p));
    best.results = listed.results;
    best.counted_results = counted.results;
  }
  // a year of month ends is 12 evaluations: measured once
  const year = await trend(p);
  best.trend = year.route;
  best.trendRaw = year.raw;
  const size = `${cadres} cadres, ${cadres * perCadre} activities`;
  console.log(
    `${label.padEnd(11)} compliance of ${size} (built in ${(buildMs / 1000).toFixed(1)} s, ${best.results} results): ` +
      `hand-written SQL ${best.raw.toFixed(0)} ms; evidence listed ${best.listed.toFixed(0)} ms (ratio ${(best.listed / best.raw).toFixed(2)}); ` +
      `count-only ${best.counted.toFixed(0)} ms (ratio ${(best.counted / best.raw).toFixed(2)}); ` +
      `dashboard route ${best.dashboard.toFixed(0)} ms (ratio ${(best.dashboard / best.raw).toFixed(2)}); ` +
      `trend route (12 month ends, one call) ${best.trend.toFixed(0)} ms vs the hand-written SQL at each ${best.trendRaw.toFixed(0)} ms (ratio ${(best.trend / best.trendRaw).toFixed(2)})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  const database = url
    ? await openPostgres(await freshDatabase(url, 'bench_compliance'), 4)
    : await openPglite(undefined);
  try {
    await benchCompliance(
      url ? 'PostgreSQL' : 'PGlite',
      database,
      benchCadres(),
      Number(process.env.BENCH_PER_CADRE || 100),
    );
  } finally {
    await database.close();
  }
}
