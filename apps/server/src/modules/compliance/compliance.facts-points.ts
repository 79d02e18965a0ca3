import { type ContactRef, type PointFacts, UNLISTED } from '@lianxin/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  activityColumns,
  byId,
  dated,
  datedOr,
  datesOr,
  type FactsQuery,
  feedsSql,
  idsOr,
  listedWhere,
  listing,
  NEEDY_TAGS,
  rows,
  scoped,
  stay,
  stayLine,
  staysOr,
  yearStartOf,
} from './compliance.facts-sql.ts';

const keyYouth = sql`json_build_object('id', ct.id, 'role', ct.role, 'field', ct.field, 'needy', ct.tags ?| ${NEEDY_TAGS})`;
/** An unlisted key youth: what cyl2014.key_contacts reads of it, `field|needy`. */
const keyYouthLine = sql`coalesce(ct.field, '') || '|' || (ct.tags ?| ${NEEDY_TAGS})::text`;

const unlistedRefs = (lines: unknown): ContactRef[] =>
  (typeof lines === 'string' && lines !== '' ? lines.split(',') : []).map((line) => {
    const [field, needy] = line.split('|');
    return {
      id: UNLISTED,
      role: 'youth' as const,
      field: (field || null) as ContactRef['field'],
      needy: needy === 'true',
    };
  });

// the facts the `dated` aggregates read
const POINT_FACTS = [
  'live_with',
  'lecture',
  'leader_meeting',
  'visit',
  'work_item_done',
  'practical_help',
  'article',
  'system',
] as const;

/**
 * Per tenure of a contact point in the scope: its tenure's records up to asOf and its year's, listed
 * for the listed point and counted (or carried without ids) for the others.
 */
export async function pointFacts(db: Db, q: FactsQuery): Promise<PointFacts[]> {
  const yearStart = yearStartOf(q);
  const listedA = listedWhere(q, 'point', sql`a.point_id`);
  const listedM = listedWhere(q, 'point', sql`m.point_id`);
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
        ${listing('t_live_with', feedsSql('live_with'), listedA, stay, stayLine)},
        ${listing('t_lectures', feedsSql('lecture'), listedA, dated, 'count')},
        ${listing('t_leader_meetings', feedsSql('leader_meeting'), listedA, dated, sql`a.end_date::text`)},
        ${listing('y_visits', sql`${feedsSql('visit')} and ${inYear}`, listedA, stay, stayLine)},
        ${listing('y_live_with', sql`${feedsSql('live_with')} and ${inYear}`, listedA, stay, stayLine)},
        ${listing('y_work_items', sql`${feedsSql('work_item_done')} and ${inYear}`, listedA, sql`a.id`, 'count')},
        ${listing('y_practical_help', sql`${feedsSql('practical_help')} and ${inYear}`, listedA, dated, 'count')},
        ${listing('y_articles', sql`${feedsSql('article')} and ${inYear}`, listedA, dated, 'count')},
        ${listing('y_systems', sql`${feedsSql('system')} and ${inYear}`, listedA, dated, 'count')}
      from ten a
       -- only the kinds listed here: the aggregates skip most of the tenure's rows
       where ${sql.join(
         POINT_FACTS.map((f) => feedsSql(f)),
         sql` or `,
       )}
       group by a.point_id
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
             bool_or(${feedsSql('talk')}) as talked,
             bool_or(${feedsSql('practical_help')} and ${inYear}) as helped
        from ten a join activity_contacts ac on ac.activity_id = a.id
       group by a.point_id, ac.contact_id
    ),
    people as (
      select m.point_id,
        array_agg(ct.id) filter (where ct.role = 'youth' and m.talked and ${listedM}) as youths_talked,
        count(*) filter (where ct.role = 'youth' and m.talked and not ${listedM}) as youths_talked_unlisted,
        array_agg(ct.id) filter (where m.helped and ${listedM}) as youths_helped,
        count(*) filter (where m.helped and not ${listedM}) as youths_helped_unlisted,
        ${listing('key_youths', sql`ct.role = 'youth' and k.key`, listedM, keyYouth, keyYouthLine)}
      from met m
      join pts on pts.id = m.point_id
      join contacts ct on ct.id = m.contact_id
      left join contact_keepers k on k.contact_id = ct.id and k.cadre_id = pts.cadre_id
      group by m.point_id
    )
    select p.id, p.cadre_id, p.holder_org_id, p.org_id, p.from_date::text as from_date, p.to_date::text as to_date,
           p.category, p.topic, p.showcase, p.registered_on::text as registered_on,
           s.id as successor, coalesce(btrim(s.handover_note, E' \t\r\n'), '') <> '' as handover_note,
           d.*, pe.*
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
    registeredOn: (r.registered_on as string | null) ?? null,
    successor: (r.successor as string | null) ?? null,
    handoverNote: r.handover_note as boolean,
    tenure: {
      liveWith: staysOr(r.t_live_with, r.t_live_with_unlisted),
      lectures: datedOr(r.t_lectures, r.t_lectures_unlisted),
      leaderMeetings: datesOr(r.t_leader_meetings, r.t_leader_meetings_unlisted),
      youthsTalked: idsOr(r.youths_talked, r.youths_talked_unlisted),
      keyYouths: r.key_youths != null ? byId(r.key_youths) : unlistedRefs(r.key_youths_unlisted),
    },
    year: {
      visits: staysOr(r.y_visits, r.y_visits_unlisted),
      liveWith: staysOr(r.y_live_with, r.y_live_with_unlisted),
      workItemsDone: idsOr(r.y_work_items, r.y_work_items_unlisted),
      practicalHelp: datedOr(r.y_practical_help, r.y_practical_help_unlisted),
      youthsHelped: idsOr(r.youths_helped, r.youths_helped_unlisted),
      articles: datedOr(r.y_articles, r.y_articles_unlisted),
      systems: datedOr(r.y_systems, r.y_systems_unlisted),
    },
  }));
}
