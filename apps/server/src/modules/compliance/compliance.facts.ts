import type {
  ComplianceFacts,
  Dated,
  Exemption,
  Filing,
  OrgFacts,
  PostingFacts,
  PresetAdoption,
  PresetId,
} from '@lianxin/domain';
import { MUNICIPALITY_PROVINCE_CODES, SUB_PROVINCIAL_CITY_CODES } from '@lianxin/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { annualCycleFacts } from '../annual-cycle/annual-cycle.facts.ts';
import { orgReportFacts } from '../org-reports/org-reports.repo.ts';
import { cadreFacts } from './compliance.facts-cadres.ts';
import { pointFacts } from './compliance.facts-points.ts';
import {
  type FactsQuery,
  feedsSql,
  ordered,
  rows,
  scoped,
  sortedIds,
  yearStartOf,
} from './compliance.facts-sql.ts';

export type { FactsQuery } from './compliance.facts-sql.ts';

// The facts of docs/policy-rules.md computed in the database (decision 8), in the files beside this
// one: cadres' (compliance.facts-cadres.ts), points' (compliance.facts-points.ts) and here the
// organizations', postings', exemptions' and adoptions'. The annual cycle's filings and published
// grades come from its own module (annualCycleFacts), an organization's reports (half-year reports)
// from org-reports.

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
    -- secretary vacancies overlapping the year, begun by asOf (cyl2014.secretary_vacancy)
    sv as (
      select v.org_id, json_agg(json_build_object('from', v.from_date, 'to', v.to_date) order by v.from_date) as vacancies
        from secretary_vacancies v
       where v.from_date <= ${q.asOf}::date and (v.to_date is null or v.to_date >= ${yearStart}::date)
       group by v.org_id
    ),
    -- open days logged as activities, and those announced here whose attendance is the roster's
    -- check-ins (签到名单: mz2016.open_day counts from it)
    held as (
      select a.details->>'org' as org_id, a.id, a.end_date as day, (a.details->>'attendees')::int as attendees
        from activities a
       where ${feedsSql('open_day', { details: true })} and a.end_date between ${yearStart}::date and ${q.asOf}::date
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
           od.open_days, o.secretary_tracked, sv.vacancies
      from organizations o
      join up on up.org_id = o.id
      left join od on od.org_id = o.id
      left join sv on sv.org_id = o.id
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
    ...(r.secretary_tracked
      ? { secretaryVacancies: (r.vacancies ?? []) as { from: string; to: string | null }[] }
      : {}),
    openDays: ordered(r.open_days),
    filings: [],
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
        from during where ${feedsSql('posting_case', { alias: null })} group by posting_id
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
      for (const [org, list] of await orgReportFacts(t, q))
        cycle.orgFilings.set(org, [...(cycle.orgFilings.get(org) ?? []), ...list]);
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
