import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { subtreePattern } from '../../platform/db/like.ts';
import { feedsSql, rows } from '../compliance/compliance.facts-sql.ts';

/** The work log's entries that reach a youth online or by talk (活跃度): the registry's `voice`. */
const REACHING = feedsSql('voice', { details: true });

/** Whose figures: the active cadres of a subtree, or one cadre. */
export type Cadres = { path: string } | { cadre: string };

const cadreSet = (who: Cadres): SQL =>
  'cadre' in who
    ? sql`select c.id, c.name from cadres c where c.id = ${who.cadre}`
    : sql`select c.id, c.name from cadres c join organizations o on o.id = c.org_id
           where c.active and o.path like ${subtreePattern(who.path)}`;

/** The contacts each cadre keeps, those named in a reaching entry of theirs dated in [from, to]. */
const reachedOf = (from: string, to: string) => sql`
  select distinct a.cadre_id, ac.contact_id
    from activities a join activity_contacts ac on ac.activity_id = a.id
   where ${REACHING} and a.start_date between ${from}::date and ${to}::date`;

/**
 * Per cadre: the contacts kept and how many of them were reached in [from, to]; the ratings on the
 * cards in that span and in [yearFrom, to] (count and sum of scores).
 */
export function cadreFigures(db: Db, who: Cadres, from: string, to: string, yearFrom: string) {
  return rows<{
    id: string;
    name: string;
    contacts: number;
    reached: number;
    ratings: number;
    score_sum: number;
    year_ratings: number;
    year_score_sum: number;
  }>(
    db,
    sql`with cad as (${cadreSet(who)}),
         kept as (select k.cadre_id, k.contact_id from contact_keepers k join cad on cad.id = k.cadre_id),
         reached as (${reachedOf(from, to)})
       select cad.id, cad.name,
              (select count(*)::int from kept where kept.cadre_id = cad.id) as contacts,
              (select count(*)::int from kept join reached r
                  on r.cadre_id = kept.cadre_id and r.contact_id = kept.contact_id
                where kept.cadre_id = cad.id) as reached,
              (select count(*)::int from card_ratings cr
                where cr.cadre_id = cad.id and cr.rated_on between ${from}::date and ${to}::date) as ratings,
              (select coalesce(sum(cr.score), 0)::int from card_ratings cr
                where cr.cadre_id = cad.id and cr.rated_on between ${from}::date and ${to}::date) as score_sum,
              (select count(*)::int from card_ratings cr
                where cr.cadre_id = cad.id and cr.rated_on between ${yearFrom}::date and ${to}::date) as year_ratings,
              (select coalesce(sum(cr.score), 0)::int from card_ratings cr
                where cr.cadre_id = cad.id and cr.rated_on between ${yearFrom}::date and ${to}::date) as year_score_sum
         from cad order by cad.name, cad.id`,
  );
}

/**
 * An organization's 活跃度: distinct contacts kept by the subtree's cadres, and how many of them any
 * of those cadres reached in [from, to] (a youth two cadres keep counts once).
 */
export async function orgActiveness(db: Db, path: string, from: string, to: string) {
  const [row] = await rows<{ contacts: number; reached: number }>(
    db,
    sql`with cad as (${cadreSet({ path })}),
         kept as (select distinct k.contact_id from contact_keepers k join cad on cad.id = k.cadre_id),
         reached as (select distinct r.contact_id from (${reachedOf(from, to)}) r join cad on cad.id = r.cadre_id)
       select (select count(*)::int from kept) as contacts,
              (select count(*)::int from kept join reached using (contact_id)) as reached`,
  );
  return row ?? { contacts: 0, reached: 0 };
}

/** One cadre's kept contacts reached, per month of `year` (months without any are absent). */
export function reachedPerMonth(db: Db, cadreId: string, year: number) {
  return rows<{ month: number; reached: number }>(
    db,
    sql`select extract(month from a.start_date)::int as month, count(distinct ac.contact_id)::int as reached
          from activities a join activity_contacts ac on ac.activity_id = a.id
          join contact_keepers k on k.contact_id = ac.contact_id and k.cadre_id = a.cadre_id
         where a.cadre_id = ${cadreId} and ${REACHING}
           and a.start_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
         group by 1`,
  );
}
