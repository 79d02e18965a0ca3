import type {
  CadreFacts,
  ComplianceFacts,
  ContactRef,
  ContactRhythm,
  Dated,
  Exemption,
  Filing,
  OrgFacts,
  PointFacts,
  PostingFacts,
  PresetAdoption,
  PresetId,
  StayFact,
} from '@lianxin/domain';
import { MUNICIPALITY_PROVINCE_CODES, SUB_PROVINCIAL_CITY_CODES } from '@lianxin/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { annualCycleFacts } from '../annual-cycle/annual-cycle.facts.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

/**
 * The facts of docs/policy-rules.md computed in the database (decision 8): one set-based query per
 * kind of fact over the whole scope, aggregated in SQL (counts, distinct people, on-site days, the
 * ids of the records that counted). No query runs per cadre, and no activity is loaded into Node.
 *
 * The annual cycle's filings and published grades come from its own module (annualCycleFacts).
 * Not tracked yet: secretary vacancies.
 */
export interface FactsQuery {
  year: number;
  /** Already capped at the year's end (decision 9). */
  asOf: string;
  /** Materialized path of the scope's root organization; null for everything. */
  scopePath: string | null;
}

type Row = Record<string, unknown>;

async function rows<T = Row>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  // node-postgres answers a QueryResult, PGlite an object with `rows` too; both carry `rows`
  return (result as unknown as { rows: T[] }).rows;
}

// The faces of people: youths met face to face (policy-rules.md's shared conventions).
const FACE_TO_FACE = sql`(a.type in ('visit', 'live_with', 'event') or (a.type = 'talk' and a.mode = 'face_to_face'))`;
const NEEDY_TAGS = sql`array['needy', 'left_behind_child', 'disabled', 'poor_family', 'non_local']`;
const SOCIAL_CHANNELS = sql`('wechat', 'qq', 'weibo')`;

// Aggregated without an order (so the database may hash rather than sort a province's rows), and put
// in order here: by date, then id.
const ordered = <T extends { id: string; date?: string; end?: string }>(v: unknown): T[] =>
  ((v ?? []) as T[]).sort(
    (a, b) =>
      ((a.date ?? a.end) as string).localeCompare((b.date ?? b.end) as string) || a.id.localeCompare(b.id),
  );
const sortedIds = (v: unknown): string[] => ((v ?? []) as string[]).sort();
/** The members 1…n of a bit set (bit m set for member m). */
const bits = (set: unknown, n: number): number[] =>
  Array.from({ length: n }, (_, i) => i + 1).filter((m) => ((Number(set) || 0) & (1 << m)) !== 0);
const byId = (v: unknown): ContactRef[] =>
  ((v ?? []) as ContactRef[]).sort((a, b) => a.id.localeCompare(b.id));
const yearStartOf = (q: FactsQuery) => `${q.year}-01-01`;

// Only what the facts read of an activity: the rows sorted and hashed stay narrow.
const activityColumns = sql`a.id, a.cadre_id, a.type, a.point_id, a.start_date, a.end_date, a.travel_days,
  a.details->>'mode' as mode, a.details->>'channel' as channel, a.details->>'status' as status`;

/** The CTEs every query starts from: organizations, cadres and points of the scope, and the window. */
function scoped(q: FactsQuery) {
  const inScope = q.scopePath === null ? sql`true` : sql`o.path like ${subtreePattern(q.scopePath)}`;
  const yearStart = yearStartOf(q);
  return sql`
    org_scope as (select o.id, o.path from organizations o where ${inScope}),
    cad as (
      select c.* from cadres c join org_scope s on s.id = c.org_id where c.active
    ),
    pts as (
      select p.* from contact_points p
       where p.cadre_id in (select id from cad)
          or p.holder_org_id in (select id from org_scope)
          or p.org_id in (select id from org_scope)
    ),
    -- the records of the year up to asOf: a visit or a stay belongs to the year in which it ends
    yr as (
      select ${activityColumns} from activities a join cad on cad.id = a.cadre_id
       where a.end_date between ${yearStart}::date and ${q.asOf}::date
    )`;
}

const stay = sql`json_build_object('id', a.id, 'point', a.point_id, 'start', a.start_date, 'end', a.end_date,
  'onSiteDays', greatest(0, a.end_date - a.start_date + 1 - coalesce(a.travel_days, 0)))`;
const dated = sql`json_build_object('id', a.id, 'date', a.end_date)`;

async function orgFacts(db: Db, q: FactsQuery): Promise<OrgFacts[]> {
  const yearStart = yearStartOf(q);
  const scopeRootAncestors =
    q.scopePath === null
      ? sql`select null::text as id where false`
      : sql`select unnest(string_to_array(trim(both '/' from ${q.scopePath}), '/'))`;
  const list = await rows(
    db,
    sql`with ${scoped(q)},
    needed as (
      select id from org_scope
      union select * from (${scopeRootAncestors}) up
      union select org_id from pts
      union select holder_org_id from pts where holder_org_id is not null
      union select org_id from cad
    ),
    -- open days logged as activities, and those announced here whose attendance is the roster's
    -- check-ins (签到名单: mz2016.open_day counts from it)
    held as (
      select a.details->>'org' as org_id, a.id, a.end_date as day, (a.details->>'attendees')::int as attendees
        from activities a
       where a.type = 'open_day' and a.end_date between ${yearStart}::date and ${q.asOf}::date
      union all
      select d.org_id, d.id, d.held_on,
             (select count(*)::int from open_day_signups s where s.open_day_id = d.id and s.checked_in_at is not null)
        from open_days d
       where d.held_on between ${yearStart}::date and ${q.asOf}::date
    ),
    od as (
      select org_id, json_agg(json_build_object('id', id, 'date', day, 'attendees', attendees)) as open_days
        from held group by 1
    ),
    -- every organization with each of its ancestors (itself included), in one join
    anc as (
      select n.id as org_id, u.ord, a.id, a.level, a.division_code
        from organizations o
        join needed n on n.id = o.id
        cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')) with ordinality as u(id, ord)
        join organizations a on a.id = u.id
    ),
    up as (
      select org_id,
             (array_agg(id order by ord desc) filter (where level = 'province'))[1] as province,
             (array_agg(id order by ord desc) filter (where level = 'prefecture'))[1] as prefecture,
             (array_agg(id order by ord desc) filter (where level = 'county'))[1] as county,
             coalesce(bool_or(
               (level = 'province' and left(division_code, 2) = any(string_to_array(${MUNICIPALITY_PROVINCE_CODES.join(',')}, ',')))
               or (level = 'prefecture' and left(division_code, 4) = any(string_to_array(${SUB_PROVINCIAL_CITY_CODES.join(',')}, ',')))
             ), false) as municipal
        from anc group by org_id
    )
    select o.id, o.level, o.field, o.division_code is null and o.level = 'province' as sector,
           string_to_array(trim(both '/' from o.path), '/') as chain,
           up.province, coalesce(up.prefecture, up.province) as prefecture, up.county, up.municipal,
           od.open_days
      from organizations o
      join up on up.org_id = o.id
      left join od on od.org_id = o.id
     order by o.id`,
  );
  return list.map((r) => ({
    id: r.id as string,
    level: r.level as OrgFacts['level'],
    chain: r.chain as string[],
    province: (r.province as string | null) ?? null,
    prefecture: (r.prefecture as string | null) ?? null,
    county: (r.county as string | null) ?? null,
    field: (r.field as OrgFacts['field']) ?? null,
    municipal: r.municipal as boolean,
    sector: r.sector as boolean,
    openDays: ordered(r.open_days),
    filings: [],
  }));
}

async function cadreFacts(db: Db, q: FactsQuery): Promise<CadreFacts[]> {
  const base = await rows(
    db,
    sql`with ${scoped(q)},
    dated as (
      select a.cadre_id,
        json_agg(${dated}) filter (where a.type = 'lecture') as lectures,
        json_agg(${stay}) filter (where a.type = 'visit') as visits,
        json_agg(${stay}) filter (where a.type = 'live_with') as live_with,
        json_agg(${dated}) filter (where a.type = 'research_report') as research_reports,
        json_agg(json_build_object('id', a.id, 'date', a.end_date, 'channel', a.channel))
          filter (where a.type = 'online' and a.channel in ${SOCIAL_CHANNELS}) as channel_uses,
        json_agg(json_build_object('id', a.id, 'date', a.end_date, 'status', a.status))
          filter (where a.type = 'problem') as problems
      from yr a group by a.cadre_id
    ),
    -- distinct people first (hashed), then listed per cadre
    met as (
      select a.cadre_id, ct.id,
             bool_or(ct.role = 'youth' and ${FACE_TO_FACE}) as youth,
             bool_or(ct.role = 'league_cadre' and a.type = 'talk') as league_cadre
        from yr a
        join activity_contacts ac on ac.activity_id = a.id
        join contacts ct on ct.id = ac.contact_id
       group by a.cadre_id, ct.id
    ),
    people as (
      select cadre_id,
             array_agg(id) filter (where youth) as youths,
             array_agg(id) filter (where league_cadre) as league_cadres
        from met group by cadre_id
    ),
    -- 4+1: the weeks (by their Mondays, inside the year) of face-to-face work and lectures
    weeks as (
      select cadre_id, array_agg(monday) as mondays from (
        select distinct a.cadre_id, m::date::text as monday
          from yr a
          cross join lateral generate_series(date_trunc('week', a.start_date::timestamp), date_trunc('week', a.end_date::timestamp), interval '7 days') as m
         where (${FACE_TO_FACE} or a.type = 'lecture') and m >= ${yearStartOf(q)}::timestamp
      ) w group by cadre_id
    )
    select c.id, c.org_id, c.rank, c.employment, c.grassroots_years::float8 as grassroots_years,
           c.probation_ends_on::text as probation_ends_on, c.department,
           d.lectures, d.visits, d.live_with, d.research_reports, d.channel_uses, d.problems,
           pe.youths, pe.league_cadres, w.mondays
      from cad c
      left join dated d on d.cadre_id = c.id
      left join people pe on pe.cadre_id = c.id
      left join weeks w on w.cadre_id = c.id
     order by c.id`,
  );
  const kept = await keptContacts(db, q);
  const rhythm = await contactRhythm(db, q);
  return base.map((r) => {
    const id = r.id as string;
    const keeping = kept.get(id);
    return {
      id,
      org: r.org_id as string,
      rank: r.rank as CadreFacts['rank'],
      employment: r.employment as CadreFacts['employment'],
      grassrootsYears: (r.grassroots_years as number | null) ?? null,
      probationEndsOn: (r.probation_ends_on as string | null) ?? null,
      department: (r.department as string | null) ?? null,
      lectures: ordered(r.lectures),
      visits: ordered(r.visits),
      liveWith: ordered(r.live_with),
      youthsFaceToFace: sortedIds(r.youths),
      leagueCadresTalked: sortedIds(r.league_cadres),
      researchReports: ordered(r.research_reports),
      filings: [],
      channelUses: ordered(r.channel_uses),
      rhythm: rhythm.get(id) ?? [],
      grassrootsWeeks: sortedIds(r.mondays),
      problems: ordered(r.problems),
      contactsKept: keeping?.kept ?? [],
      keyContacts: keeping?.key ?? [],
    };
  });
}

/** The "100" of 1+100 and the key (结对) contacts of each cadre, at the as-of date. */
async function keptContacts(db: Db, q: FactsQuery) {
  const ref = sql`json_build_object('id', ct.id, 'role', ct.role, 'field', ct.field, 'needy', ct.tags ?| ${NEEDY_TAGS})`;
  const list = await rows(
    db,
    sql`with ${scoped(q)}
    select k.cadre_id,
           json_agg(${ref}) as kept,
           json_agg(${ref}) filter (where k.key) as key
      from contact_keepers k
      join cad on cad.id = k.cadre_id
      join contacts ct on ct.id = k.contact_id
     group by k.cadre_id`,
  );
  return new Map(list.map((r) => [r.cadre_id as string, { kept: byId(r.kept), key: byId(r.key) }]));
}

/** mz2016.rhythm: per kept contact, the months, quarters and face-to-face meetings of the year. */
async function contactRhythm(db: Db, q: FactsQuery) {
  const list = await rows(
    db,
    sql`with ${scoped(q)},
    named as (
      select a.cadre_id, ac.contact_id,
        -- months and quarters as bit sets: no distinct to sort for
        bit_or(1 << extract(month from a.end_date)::int) filter (where a.type in ('online', 'talk')) as months,
        bit_or(1 << extract(quarter from a.end_date)::int) filter (where a.type = 'event') as quarters,
        array_agg(a.id) filter (where ${FACE_TO_FACE}) as face_to_face
      from yr a join activity_contacts ac on ac.activity_id = a.id
      group by a.cadre_id, ac.contact_id
    )
    select k.cadre_id, k.contact_id, n.months, n.quarters, n.face_to_face
      from contact_keepers k
      join cad on cad.id = k.cadre_id
      left join named n on n.cadre_id = k.cadre_id and n.contact_id = k.contact_id
     order by k.cadre_id, k.contact_id`,
  );
  const byCadre = new Map<string, ContactRhythm[]>();
  for (const r of list) {
    const l = byCadre.get(r.cadre_id as string) ?? [];
    l.push({
      contact: r.contact_id as string,
      voiceMonths: bits(r.months, 12),
      eventQuarters: bits(r.quarters, 4),
      faceToFace: sortedIds(r.face_to_face),
    });
    byCadre.set(r.cadre_id as string, l);
  }
  return byCadre;
}

async function pointFacts(db: Db, q: FactsQuery): Promise<PointFacts[]> {
  const yearStart = yearStartOf(q);
  // an undated work item counts whenever it is done: as of the as-of date
  const inYear = sql`coalesce(a.end_date, ${q.asOf}::date) >= ${yearStart}::date`;
  const list = await rows(
    db,
    sql`with ${scoped(q)},
    -- the tenure up to asOf; activities at a point lie inside its tenure (checked on entry)
    ten as (
      select ${activityColumns} from activities a join pts on pts.id = a.point_id
       where a.end_date <= ${q.asOf}::date or a.end_date is null
    ),
    dated as (
      select a.point_id,
        json_agg(${stay}) filter (where a.type = 'live_with') as t_live_with,
        json_agg(${dated}) filter (where a.type = 'lecture') as t_lectures,
        json_agg(${dated}) filter (where a.type = 'leader_meeting') as t_leader_meetings,
        json_agg(${stay}) filter (where a.type = 'visit' and ${inYear}) as y_visits,
        json_agg(${stay}) filter (where a.type = 'live_with' and ${inYear}) as y_live_with,
        array_agg(a.id) filter (where a.type = 'work_item' and a.status = 'done' and ${inYear}) as y_work_items,
        json_agg(${dated}) filter (where a.type = 'practical_help' and ${inYear}) as y_practical_help,
        json_agg(${dated}) filter (where a.type = 'article' and ${inYear}) as y_articles,
        json_agg(${dated}) filter (where a.type = 'system' and ${inYear}) as y_systems
      from ten a group by a.point_id
    ),
    -- the successor of a tenure, which carries its handover note (the latest, should there be two)
    succ as (
      select distinct on (n.predecessor_id) n.predecessor_id, n.id, n.handover_note
        from contact_points n
       where n.predecessor_id in (select id from pts)
       order by n.predecessor_id, n.from_date desc, n.id desc
    ),
    -- distinct people per point first (hashed), then listed
    met as (
      select a.point_id, ac.contact_id,
             bool_or(a.type = 'talk') as talked,
             bool_or(a.type = 'practical_help' and ${inYear}) as helped
        from ten a join activity_contacts ac on ac.activity_id = a.id
       group by a.point_id, ac.contact_id
    ),
    people as (
      select m.point_id,
        array_agg(ct.id) filter (where ct.role = 'youth' and m.talked) as youths_talked,
        array_agg(ct.id) filter (where m.helped) as youths_helped,
        json_agg(json_build_object('id', ct.id, 'role', ct.role, 'field', ct.field, 'needy', ct.tags ?| ${NEEDY_TAGS}))
          filter (where ct.role = 'youth' and k.key) as key_youths
      from met m
      join pts on pts.id = m.point_id
      join contacts ct on ct.id = m.contact_id
      left join contact_keepers k on k.contact_id = ct.id and k.cadre_id = pts.cadre_id
      group by m.point_id
    )
    select p.id, p.cadre_id, p.holder_org_id, p.org_id, p.from_date::text as from_date, p.to_date::text as to_date,
           p.category, p.topic, p.showcase,
           s.id as successor, coalesce(btrim(s.handover_note, E' \t\r\n'), '') <> '' as handover_note,
           d.*, pe.youths_talked, pe.youths_helped, pe.key_youths
      from pts p
      left join succ s on s.predecessor_id = p.id
      left join dated d on d.point_id = p.id
      left join people pe on pe.point_id = p.id
     order by p.id`,
  );
  return list.map((r) => ({
    id: r.id as string,
    cadre: (r.cadre_id as string | null) ?? null,
    holderOrg: (r.holder_org_id as string | null) ?? null,
    org: r.org_id as string,
    from: r.from_date as string,
    to: (r.to_date as string | null) ?? null,
    category: (r.category as string | null) ?? null,
    topic: (r.topic as string | null) ?? null,
    showcase: r.showcase as boolean,
    registeredOn: null,
    successor: (r.successor as string | null) ?? null,
    handoverNote: r.handover_note as boolean,
    tenure: {
      liveWith: ordered<StayFact>(r.t_live_with),
      lectures: ordered<Dated>(r.t_lectures),
      leaderMeetings: ordered<Dated>(r.t_leader_meetings),
      youthsTalked: sortedIds(r.youths_talked),
      keyYouths: byId(r.key_youths),
    },
    year: {
      visits: ordered(r.y_visits),
      liveWith: ordered(r.y_live_with),
      workItemsDone: sortedIds(r.y_work_items),
      practicalHelp: ordered(r.y_practical_help),
      youthsHelped: sortedIds(r.youths_helped),
      articles: ordered(r.y_articles),
      systems: ordered(r.y_systems),
    },
  }));
}

const dayOf = (column: SQL) => sql`(${column} at time zone 'Asia/Shanghai')::date`;

/**
 * 下沉基层 postings (published plans) of the scope's cadres begun by asOf, with what their log shows
 * inside the posting up to asOf: cases, youths named at the posted county, logged days; leave asked
 * for and not refused (a refused request was not taken); the submitted summary and group report; and
 * the year's records at the posted point outside the posting.
 */
async function postingFacts(db: Db, q: FactsQuery): Promise<PostingFacts[]> {
  const list = await rows(
    db,
    sql`with ${scoped(q)},
    pst as (
      select s.id, s.cadre_id, pr.kind, s.batch_id, s.org_id, s.from_date, s.to_date, least(s.to_date, ${q.asOf}::date) as upto,
             s.group_id, g.leader_cadre_id = s.cadre_id as leads, s.point_id, o.path as org_path
        from postings s
        join cad on cad.id = s.cadre_id
        join posting_programs pr on pr.id = s.program_id
        join organizations o on o.id = s.org_id
        left join posting_groups g on g.id = s.group_id
       where s.from_date <= ${q.asOf}::date
    ),
    during as (
      select s.id as posting_id, a.id, a.type, a.point_id, greatest(a.start_date, s.from_date) as first_day,
             least(coalesce(a.end_date, a.start_date), s.upto) as last_day
        from pst s join activities a on a.cadre_id = s.cadre_id
       where a.start_date <= s.upto and coalesce(a.end_date, a.start_date) >= s.from_date
    ),
    cases as (
      select posting_id, json_agg(json_build_object('id', id, 'date', last_day)) as cases
        from during where type = 'case' group by posting_id
    ),
    friends as (
      select d.posting_id, array_agg(distinct ac.contact_id) as friends
        from during d
        join pst s on s.id = d.posting_id
        join contact_points cp on cp.id = d.point_id
        join organizations po on po.id = cp.org_id and po.path like s.org_path || '%'
        join activity_contacts ac on ac.activity_id = d.id
        join contacts c on c.id = ac.contact_id and c.role = 'youth'
       group by d.posting_id
    ),
    logged as (
      select posting_id, array_agg(distinct day::date::text) as days
        from during, generate_series(first_day, last_day, interval '1 day') day
       group by posting_id
    ),
    leaves as (
      select l.posting_id, json_agg(json_build_object('id', l.id, 'approved', l.status = 'approved')) as leaves
        from posting_leaves l join pst s on s.id = l.posting_id
       where l.status <> 'refused' group by l.posting_id
    ),
    summaries as (
      select r.posting_id, json_agg(json_build_object('id', r.id, 'kind', 'personal_summary', 'date', ${dayOf(sql`r.submitted_at`)})) as filings
        from posting_reports r join pst s on s.id = r.posting_id
       where r.kind = 'personal' and ${dayOf(sql`r.submitted_at`)} <= ${q.asOf}::date group by r.posting_id
    ),
    group_reports as (
      select r.group_id, r.id, ${dayOf(sql`r.submitted_at`)} as date from posting_reports r
       where r.kind = 'group' and r.group_id in (select group_id from pst) and ${dayOf(sql`r.submitted_at`)} <= ${q.asOf}::date
    ),
    off_posting as (
      select s.id as posting_id, json_agg(json_build_object('id', a.id, 'date', a.end_date)) as contacts
        from pst s join yr a on a.cadre_id = s.cadre_id and a.point_id = s.point_id
       where a.end_date < s.from_date or a.start_date > s.to_date
       group by s.id
    )
    select s.id, s.cadre_id, s.kind, s.batch_id, s.org_id, s.from_date::text as start, s.to_date::text as "end",
           s.group_id, coalesce(s.leads, false) as leads, s.point_id, cases.cases, friends.friends, logged.days,
           leaves.leaves, summaries.filings, json_build_object('id', gr.id, 'date', gr.date) as group_report,
           gr.id is not null as reported, off_posting.contacts
      from pst s
      left join cases on cases.posting_id = s.id
      left join friends on friends.posting_id = s.id
      left join logged on logged.posting_id = s.id
      left join leaves on leaves.posting_id = s.id
      left join summaries on summaries.posting_id = s.id
      left join group_reports gr on gr.group_id = s.group_id
      left join off_posting on off_posting.posting_id = s.id
     order by s.id`,
  );
  return list.map((r) => ({
    id: r.id as string,
    cadre: r.cadre_id as string,
    program: r.kind as PostingFacts['program'],
    batch: r.batch_id as string,
    org: r.org_id as string,
    start: r.start as string,
    end: r.end as string,
    group: (r.group_id as string | null) ?? null,
    groupLeader: r.leads as boolean,
    pointAtCounty: (r.point_id as string | null) ?? null,
    cases: ordered(r.cases),
    friends: sortedIds(r.friends),
    leaves: ((r.leaves ?? []) as PostingFacts['leaves']).sort((a, b) => a.id.localeCompare(b.id)),
    filings: ordered(r.filings),
    groupReport: r.reported ? (r.group_report as Dated) : null,
    loggedDays: sortedIds(r.days),
    offPostingContacts: ordered(r.contacts),
  }));
}

/** Exemptions whose period overlaps the year and whose subject is in the scope, approved or pending. */
async function exemptionFacts(db: Db, q: FactsQuery): Promise<Exemption[]> {
  const list = await rows(
    db,
    sql`with ${scoped(q)}
    select e.id, e.rule, e.basis_rule, e.cadre_id, e.point_id, e.org_id, e.from_date::text as from_date,
           e.to_date::text as to_date, e.requested_by_org_id, e.approved_by, e.reason
      from exemptions e
     where e.from_date <= ${q.asOf}::date and e.to_date >= ${yearStartOf(q)}::date
       and (e.cadre_id in (select id from cad) or e.point_id in (select id from pts) or e.org_id in (select id from org_scope))
     order by e.id`,
  );
  return list.map((r) => ({
    id: r.id as string,
    rule: r.rule as string,
    ...(r.basis_rule ? { basis: r.basis_rule as string } : {}),
    ...(r.cadre_id ? { cadre: r.cadre_id as string } : {}),
    ...(r.point_id ? { point: r.point_id as string } : {}),
    ...(r.org_id ? { org: r.org_id as string } : {}),
    from: r.from_date as string,
    to: r.to_date as string,
    requestedBy: r.requested_by_org_id as string,
    ...(r.approved_by ? { approver: r.approved_by as string } : {}),
    reason: r.reason as string,
  }));
}

/** The presets in force over the scope: adopted inside it or above its root, with their tightenings. */
export async function presetAdoptions(db: Db, q: FactsQuery): Promise<PresetAdoption[]> {
  const above =
    q.scopePath === null
      ? sql`false`
      : sql`op.org_id = any(string_to_array(trim(both '/' from ${q.scopePath}), '/'))`;
  const list = await rows(
    db,
    sql`with ${scoped(q)}
    select op.org_id, op.preset, op.params from org_presets op
     where op.org_id in (select id from org_scope) or ${above}
     order by op.org_id, op.preset`,
  );
  return list.map((r) => ({
    preset: r.preset as PresetId,
    org: r.org_id as string,
    params: (r.params ?? {}) as PresetAdoption['params'],
  }));
}

/**
 * Every fact the engine needs for (year, asOf, scope), in a handful of set-based queries. They run
 * in one read-only snapshot, so the facts agree with each other; the sorts and hashes over a
 * province's year of activities get the memory to stay off disk.
 */
export function complianceFacts(db: Db, q: FactsQuery): Promise<ComplianceFacts> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local work_mem = '256MB'`);
      const t = tx as unknown as Db;
      const cycle = await annualCycleFacts(t, q);
      const withFilings = <T extends { id: string; filings: Filing[] }>(xs: T[], by: Map<string, Filing[]>) =>
        xs.map((x) => ({ ...x, filings: by.get(x.id) ?? [] }));
      return {
        year: q.year,
        asOf: q.asOf,
        orgs: withFilings(await orgFacts(t, q), cycle.orgFilings),
        cadres: withFilings(await cadreFacts(t, q), cycle.cadreFilings),
        points: await pointFacts(t, q),
        postings: await postingFacts(t, q),
        exemptions: await exemptionFacts(t, q),
        assessments: cycle.assessments,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
