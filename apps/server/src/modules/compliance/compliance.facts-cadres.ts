import {
  addDays,
  type CadreFacts,
  type ContactRef,
  type ContactRhythm,
  firstMonday,
  UNLISTED,
} from '@lianxin/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  bits,
  byId,
  dated,
  datedOr,
  datesOr,
  FACE_TO_FACE,
  type FactsQuery,
  FOLLOWED,
  feedsSql,
  idsOr,
  listedOr,
  listedWhere,
  listing,
  NEEDY_TAGS,
  ordered,
  PROBLEM_STATUSES,
  rows,
  SOCIAL_CHANNELS,
  scoped,
  sortedIds,
  stay,
  stayLine,
  staysOr,
  yearStartOf,
} from './compliance.facts-sql.ts';

/** Counted per value of `column` for the unlisted cadres, listed (with `listed`) for the others. */
function perValue(
  name: string,
  kind: SQL,
  column: SQL,
  values: readonly string[],
  listedRows: SQL,
  listed: SQL,
) {
  const counts = values.map(
    (v) =>
      sql`count(*) filter (where ${kind} and ${column} = ${v} and not ${listedRows}) as ${sql.identifier(`${name}_${v}`)}`,
  );
  const anyValue = sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
  return sql`json_agg(${listed}) filter (where ${kind} and ${column} in (${anyValue}) and ${listedRows}) as ${sql.identifier(name)},
    ${sql.join(counts, sql`, `)}`;
}

/** A listed list, or per value the counted number of unlisted entries carrying that value. */
function perValueOr<T, V extends string>(
  r: Record<string, unknown>,
  name: string,
  values: readonly V[],
  entry: (v: V) => T,
) {
  if (r[name] != null) return ordered(r[name]) as T[];
  return values.flatMap((v) => listedOr<T>(null, r[`${name}_${v}`], entry(v)));
}

/** The Mondays of a bit set of weeks (bit i: the i-th Monday of the year). */
function mondays(set: unknown, year: number): string[] {
  const weeks = BigInt((set as string | null) ?? 0);
  const first = firstMonday(year);
  const out: string[] = [];
  for (let i = 0; weeks >> BigInt(i) > 0n; i++)
    if ((weeks >> BigInt(i)) & 1n) out.push(addDays(first, 7 * i));
  return out;
}

export async function cadreFacts(db: Db, q: FactsQuery): Promise<CadreFacts[]> {
  const listedA = listedWhere(q, 'cadre', sql`a.cadre_id`);
  const listedC = listedWhere(q, 'cadre', sql`cadre_id`);
  const base = await rows(
    db,
    sql`with ${scoped(q)},
    dated as (
      select a.cadre_id,
        ${listing('lectures', feedsSql('lecture'), listedA, dated, 'count')},
        ${listing('visits', feedsSql('visit'), listedA, stay, stayLine)},
        ${listing('live_with', feedsSql('live_with'), listedA, stay, stayLine)},
        ${listing('research_reports', feedsSql('research_report'), listedA, dated, sql`a.end_date::text`)},
        ${perValue(
          'channel_uses',
          feedsSql('channel_use'),
          sql`a.channel`,
          SOCIAL_CHANNELS,
          listedA,
          sql`json_build_object('id', a.id, 'date', a.end_date, 'channel', a.channel)`,
        )},
        ${perValue(
          'problems',
          feedsSql('problem'),
          sql`(case when a.status = 'open' and a.followed_on <= ${q.asOf} then ${FOLLOWED} else a.status end)`,
          [...PROBLEM_STATUSES, FOLLOWED],
          listedA,
          sql`json_build_object('id', a.id, 'date', a.end_date, 'status', a.status, 'followedOn', a.followed_on)`,
        )}
      from yr a group by a.cadre_id
    ),
    -- distinct people first (hashed), then listed per cadre
    met as (
      select a.cadre_id, ct.id,
             bool_or(ct.role = 'youth' and ${FACE_TO_FACE}) as youth,
             bool_or(ct.role = 'league_cadre' and ${feedsSql('talk')}) as league_cadre
        from yr a
        join activity_contacts ac on ac.activity_id = a.id
        join contacts ct on ct.id = ac.contact_id
       group by a.cadre_id, ct.id
    ),
    people as (
      select cadre_id,
             array_agg(id) filter (where youth and ${listedC}) as youths,
             count(*) filter (where youth and not ${listedC}) as youths_unlisted,
             array_agg(id) filter (where league_cadre and ${listedC}) as league_cadres,
             count(*) filter (where league_cadre and not ${listedC}) as league_cadres_unlisted
        from met group by cadre_id
    ),
    -- 4+1: the weeks (by their Mondays, inside the year) of face-to-face work and lectures; a bit
    -- set of week numbers for the unlisted cadres
    weeks as (
      select cadre_id, array_agg(monday::text) filter (where ${listedC}) as mondays,
             (bit_or(1::bigint << ((monday::date - ${firstMonday(q.year)}::date) / 7)) filter (where not ${listedC}))::text as week_set
        from (
        select distinct a.cadre_id, m::date as monday
          from yr a
          cross join lateral generate_series(date_trunc('week', a.start_date::timestamp), date_trunc('week', a.end_date::timestamp), interval '7 days') as m
         where ${feedsSql('grassroots_day')} and m >= ${yearStartOf(q)}::timestamp
      ) w group by cadre_id
    )
    select c.id, c.org_id, c.rank, c.employment, c.grassroots_years::float8 as grassroots_years,
           c.probation_ends_on::text as probation_ends_on, c.department, d.*,
           pe.youths, pe.youths_unlisted, pe.league_cadres, pe.league_cadres_unlisted, w.mondays, w.week_set
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
      lectures: datedOr(r.lectures, r.lectures_unlisted),
      visits: staysOr(r.visits, r.visits_unlisted),
      liveWith: staysOr(r.live_with, r.live_with_unlisted),
      youthsFaceToFace: idsOr(r.youths, r.youths_unlisted),
      leagueCadresTalked: idsOr(r.league_cadres, r.league_cadres_unlisted),
      researchReports: datesOr(r.research_reports, r.research_reports_unlisted),
      filings: [],
      channelUses: perValueOr(r, 'channel_uses', SOCIAL_CHANNELS, (channel) => ({
        id: UNLISTED,
        date: '',
        channel,
      })),
      rhythm: rhythm.get(id) ?? [],
      grassrootsWeeks: r.mondays != null ? sortedIds(r.mondays) : mondays(r.week_set, q.year),
      problems: perValueOr(
        r,
        'problems',
        [...PROBLEM_STATUSES, FOLLOWED],
        (status): CadreFacts['problems'][number] =>
          status === FOLLOWED
            ? { id: UNLISTED, date: '', status: 'open', followedOn: q.asOf }
            : { id: UNLISTED, date: '', status, followedOn: null },
      ),
      contactsKept: keeping?.kept ?? [],
      keyContacts: keeping?.key ?? [],
    };
  });
}

/**
 * The "100" of 1+100 and the key (结对) contacts of each cadre, at the as-of date: unlisted ones
 * counted per kind (role, field, needy, key), except the youths two or more cadres of one
 * organization keep, which mz2016.no_over_contact counts by id.
 */
async function keptContacts(db: Db, q: FactsQuery) {
  const list = await rows(
    db,
    sql`with ${scoped(q)},
    kk as (
      select k.cadre_id, cad.org_id, k.key, ct.id, ct.role, ct.field, ct.tags ?| ${NEEDY_TAGS} as needy
        from contact_keepers k
        join cad on cad.id = k.cadre_id
        join contacts ct on ct.id = k.contact_id
    ),
    shared as (select org_id, id from kk where role = 'youth' group by org_id, id having count(*) > 1)
    select kk.cadre_id, kk.key, kk.role, kk.field, kk.needy,
           case when ${listedWhere(q, 'cadre', sql`kk.cadre_id`)} or s.id is not null then kk.id end as id,
           count(*)::int as n
      from kk left join shared s on s.org_id = kk.org_id and s.id = kk.id
     group by 1, 2, 3, 4, 5, 6`,
  );
  const byCadre = new Map<string, { kept: ContactRef[]; key: ContactRef[] }>();
  for (const r of list) {
    const entry = byCadre.get(r.cadre_id as string) ?? { kept: [], key: [] };
    const ref = {
      id: (r.id as string | null) ?? UNLISTED,
      role: r.role as ContactRef['role'],
      field: (r.field as ContactRef['field']) ?? null,
      needy: r.needy as boolean,
    };
    const refs = listedOr<ContactRef>(null, r.n, ref);
    entry.kept.push(...refs);
    if (r.key) entry.key.push(...refs);
    byCadre.set(r.cadre_id as string, entry);
  }
  for (const e of byCadre.values()) {
    e.kept = byId(e.kept);
    e.key = byId(e.key);
  }
  return byCadre;
}

/**
 * mz2016.rhythm: per kept contact, the months, quarters and face-to-face meetings of the year; the
 * unlisted contacts of a cadre counted per (months, quarters, met face to face).
 */
async function contactRhythm(db: Db, q: FactsQuery) {
  const listedK = listedWhere(q, 'cadre', sql`k.cadre_id`);
  const list = await rows(
    db,
    sql`with ${scoped(q)},
    named as (
      select a.cadre_id, ac.contact_id,
        -- months as bit sets: no distinct to sort for
        bit_or(1 << extract(month from a.end_date)::int) filter (where ${feedsSql('voice')}) as months,
        bit_or(1 << extract(month from a.end_date)::int) filter (where ${feedsSql('event')}) as event_months,
        array_agg(a.id) filter (where ${FACE_TO_FACE} and ${listedWhere(q, 'cadre', sql`a.cadre_id`)}) as face_to_face,
        count(*) filter (where ${FACE_TO_FACE})::int as met
      from yr a join activity_contacts ac on ac.activity_id = a.id
      group by a.cadre_id, ac.contact_id
    )
    select k.cadre_id, case when ${listedK} then k.contact_id end as contact, n.months, n.event_months,
           n.face_to_face, coalesce(n.met, 0) as met, count(*)::int as n
      from contact_keepers k
      join cad on cad.id = k.cadre_id
      left join named n on n.cadre_id = k.cadre_id and n.contact_id = k.contact_id
     group by 1, 2, 3, 4, 5, 6`,
  );
  const byCadre = new Map<string, ContactRhythm[]>();
  for (const r of list) {
    const l = byCadre.get(r.cadre_id as string) ?? [];
    const contact = r.contact as string | null;
    const entry: ContactRhythm = {
      contact: contact ?? UNLISTED,
      voiceMonths: bits(r.months, 12),
      eventMonths: bits(r.event_months, 12),
      faceToFace: contact !== null ? sortedIds(r.face_to_face) : Array<string>(Number(r.met)).fill(UNLISTED),
    };
    l.push(...listedOr<ContactRhythm>(null, r.n, entry));
    byCadre.set(r.cadre_id as string, l);
  }
  for (const l of byCadre.values()) l.sort((a, b) => a.contact.localeCompare(b.contact));
  return byCadre;
}
