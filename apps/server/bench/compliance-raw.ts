import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.ts';

/**
 * The same work as a count-only evaluation, written by hand: every count the rules read, per cadre
 * (lectures, visits and their on-site days, stays, research, channel uses, problems, distinct youths
 * met and league cadres talked with, weeks of 4+1, kept and key contacts, needy, fields, contacts on
 * rhythm) and per point (its tenure's and its year's records and people), over the subtree at `path`.
 */
export async function handWrittenCounts(db: Db, path: string, year: number, asOf: string) {
  const from = `${year}-01-01`;
  const f2f = sql`(a.type in ('visit', 'live_with', 'event') or (a.type = 'talk' and a.details->>'mode' = 'face_to_face'))`;
  await db.execute(sql`
    with cad as (select c.id from cadres c join organizations o on o.id = c.org_id where o.path like ${`${path}%`} and c.active),
    yr as (select a.* from activities a join cad on cad.id = a.cadre_id where a.end_date between ${from}::date and ${asOf}::date),
    per_type as (
      select a.cadre_id, count(*) filter (where type = 'lecture') lectures, count(*) filter (where type = 'visit') visits,
             sum(greatest(0, a.end_date - a.start_date + 1 - coalesce(a.travel_days, 0))) filter (where type in ('visit', 'live_with')) days,
             count(*) filter (where type = 'research_report') research,
             count(*) filter (where type = 'online' and details->>'channel' in ('wechat', 'qq', 'weibo')) channels,
             count(*) filter (where type = 'problem') problems, count(*) filter (where type = 'problem' and details->>'status' = 'open') open
        from yr a group by a.cadre_id),
    met as (
      select a.cadre_id, ac.contact_id, bool_or(ct.role = 'youth' and ${f2f}) youth, bool_or(ct.role = 'league_cadre' and a.type = 'talk') lc,
             bit_or(1 << extract(month from a.end_date)::int) filter (where a.type in ('online', 'talk')) months,
             bit_or(1 << extract(quarter from a.end_date)::int) filter (where a.type = 'event') quarters,
             bool_or(${f2f}) f2f
        from yr a join activity_contacts ac on ac.activity_id = a.id join contacts ct on ct.id = ac.contact_id
       group by a.cadre_id, ac.contact_id),
    people as (select cadre_id, count(*) filter (where youth) youths, count(*) filter (where lc) lcs from met group by cadre_id),
    weeks as (select cadre_id, count(distinct date_trunc('week', a.start_date::timestamp)) weeks from yr a
               where ${f2f} or a.type = 'lecture' group by cadre_id),
    kept as (
      select k.cadre_id, count(*) kept, count(*) filter (where k.key) key, count(*) filter (where ct.tags ?| array['needy']) needy,
             count(distinct ct.field) fields,
             count(*) filter (where m.months = 8190 and m.quarters = 30 and m.f2f) on_rhythm
        from contact_keepers k join cad on cad.id = k.cadre_id join contacts ct on ct.id = k.contact_id
        left join met m on m.cadre_id = k.cadre_id and m.contact_id = k.contact_id group by k.cadre_id)
    select * from cad left join per_type t on t.cadre_id = cad.id left join people p on p.cadre_id = cad.id
      left join weeks w on w.cadre_id = cad.id left join kept k on k.cadre_id = cad.id`);
  await db.execute(sql`
    with pts as (select p.* from contact_points p join organizations o on o.id = p.org_id where o.path like ${`${path}%`}),
    ten as (select a.* from activities a join pts on pts.id = a.point_id where a.end_date <= ${asOf}::date),
    counts as (
      select point_id, count(*) filter (where type = 'live_with') live_with, count(*) filter (where type = 'lecture') lectures,
             min(end_date) filter (where type = 'leader_meeting') first_meeting, max(end_date) filter (where type = 'leader_meeting') last_meeting,
             count(*) filter (where type = 'visit' and end_date >= ${from}::date) visits,
             sum(greatest(0, end_date - start_date + 1 - coalesce(travel_days, 0))) filter (where type in ('visit', 'live_with') and end_date >= ${from}::date) days,
             min(start_date) filter (where type = 'visit' and end_date >= ${from}::date) first_visit,
             max(start_date) filter (where type = 'visit' and end_date >= ${from}::date) last_visit,
             count(*) filter (where type = 'work_item' and details->>'status' = 'done') work_items,
             count(*) filter (where type = 'practical_help') help, count(*) filter (where type = 'article') articles,
             count(*) filter (where type = 'system') systems
        from ten group by point_id),
    met as (select a.point_id, ac.contact_id, bool_or(a.type = 'talk') talked, bool_or(a.type = 'practical_help') helped
              from ten a join activity_contacts ac on ac.activity_id = a.id group by 1, 2),
    people as (
      select m.point_id, count(*) filter (where ct.role = 'youth' and talked) talked, count(*) filter (where helped) helped,
             count(distinct ct.field) filter (where k.key) key_fields
        from met m join pts on pts.id = m.point_id join contacts ct on ct.id = m.contact_id
        left join contact_keepers k on k.contact_id = ct.id and k.cadre_id = pts.cadre_id group by m.point_id)
    select * from pts left join counts c on c.point_id = pts.id left join people pe on pe.point_id = pts.id`);
}
