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
} from './compliance.facts-sql.ts';

// the facts the `dated` aggregates read: the year's other records are skipped
const DATED_FACTS = ['lecture', 'visit', 'live_with', 'research_report', 'channel_use', 'problem'] as const;

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

/** The number of the week of `day` counted from the year's first Monday (negative before it). */
const week = (day: SQL, year: number) =>
  sql`((date_trunc('week', ${day}::timestamp)::date - ${firstMonday(year)}::date) / 7)`;

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
  const listedK = listedWhere(q, 'cadre', sql`k.cadre_id`);
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
      from yr a
       -- only the kinds listed here: the aggregates skip most of the year's rows
       where ${sql.join(
         DATED_FACTS.map((f) => feedsSql(f)),
         sql` or `,
       )}
       group by a.cadre_id
    ),
    -- distinct people first (hashed), then listed per cadre; with each one's rhythm (mz2016.rhythm):
    -- voice and event months as bit sets, no distinct to sort for
    met as (
      select a.cadre_id, ct.id,
             bool_or(ct.role = 'youth' and ${FACE_TO_FACE}) as youth,
             bool_or(ct.role = 'league_cadre' and ${feedsSql('talk')}) as league_cadre,
             bit_or(1 << extract(month from a.end_date)::int) filter (where ${feedsSql('voice')}) as months,
             bit_or(1 << extract(month from a.end_date)::int) filter (where ${feedsSql('event')}) as event_months,
             array_agg(a.id) filter (where ${FACE_TO_FACE} and ${listedA}) as face_to_face,
             count(*) filter (where ${FACE_TO_FACE})::int as met
        from yr a
        join activity_contacts ac on ac.activity_id = a.id
        join contacts ct on ct.id = ac.contact_id
       group by a.cadre_id, ct.id
    ),
    -- per kept contact its rhythm; the unlisted contacts of a cadre counted per (months, event months, met)
    kept_rhythm as (
      select k.cadre_id, case when ${listedK} then k.contact_id end as contact, m.months, m.event_months,
             m.face_to_face, coalesce(m.met, 0) as met, count(*)::int as n
        from contact_keepers k
        join cad on cad.id = k.cadre_id
        left join met m on m.cadre_id = k.cadre_id and m.id = k.contact_id
       group by 1, 2, 3, 4, 5, 6
    ),
    rhythm as (
      select cadre_id, json_agg(json_build_array(contact, months, event_months, face_to_face, met, n)) as rhythm
        from kept_rhythm group by cadre_id
    ),
    people as (
      select cadre_id,
             array_agg(id) filter (where youth and ${listedC}) as youths,
             count(*) filter (where youth and not ${listedC}) as youths_unlisted,
             array_agg(id) filter (where league_cadre and ${listedC}) as league_cadres,
             count(*) filter (where league_cadre and not ${listedC}) as league_cadres_unlisted
        from met group by cadre_id
    ),
    -- 4+1: the weeks (by their Mondays, inside the year) of face-to-face work and lectures, as a bit
    -- set of week numbers: each record sets the run of bits from its first week to its last, so no
    -- week is generated, sorted or made distinct
    spans as (
      select a.cadre_id, greatest(${week(sql`a.start_date`, q.year)}, 0) as first_week, ${week(sql`a.end_date`, q.year)} as last_week
        from yr a where ${feedsSql('grassroots_day')}
    ),
    weeks as (
      select cadre_id, bit_or(((1::bigint << (last_week - first_week + 1)) - 1) << first_week)::text as week_set
        from spans where last_week >= first_week group by cadre_id
    )
    select c.id, c.org_id, c.rank, c.employment, c.grassroots_years::float8 as grassroots_years,
           c.probation_ends_on::text as probation_ends_on, c.department, d.*,
           pe.youths, pe.youths_unlisted, pe.league_cadres, pe.league_cadres_unlisted, w.week_set, rh.rhythm
      from cad c
      left join dated d on d.cadre_id = c.id
      left join people pe on pe.cadre_id = c.id
      left join weeks w on w.cadre_id = c.id
      left join rhythm rh on rh.cadre_id = c.id
     order by c.id`,
  );
  const kept = await keptContacts(db, q);
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
      rhythm: contactRhythm(r.rhythm),
      grassrootsWeeks: mondays(r.week_set, q.year),
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

/** mz2016.rhythm from the rows of `kept_rhythm`: [contact, months, event months, face to face, met, n]. */
function contactRhythm(list: unknown): ContactRhythm[] {
  const out: ContactRhythm[] = [];
  for (const [contact, months, eventMonths, faceToFace, met, n] of (list ?? []) as RhythmRow[]) {
    const entry: ContactRhythm = {
      contact: contact ?? UNLISTED,
      voiceMonths: bits(months, 12),
      eventMonths: bits(eventMonths, 12),
      faceToFace: contact !== null ? sortedIds(faceToFace) : Array<string>(met).fill(UNLISTED),
    };
    out.push(...listedOr<ContactRhythm>(null, n, entry));
  }
  return out.sort((a, b) => a.contact.localeCompare(b.contact));
}

type RhythmRow = [string | null, number | null, number | null, string[] | null, number, number];
