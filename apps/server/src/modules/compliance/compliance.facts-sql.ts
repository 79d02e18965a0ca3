import { feedersOf, type TActivityFact } from '@lianxin/contracts';
import { type ContactRef, UNLISTED } from '@lianxin/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

/**
 * What every facts query shares: the query, the scope's CTEs, the SQL of a record, and the rule
 * of listing. The facts of docs/policy-rules.md are computed in the database (decision 8): one
 * set-based query per kind of fact over the whole scope, aggregated in SQL. No query runs per cadre,
 * and no activity is loaded into Node.
 */
export interface FactsQuery {
  year: number;
  /** Already capped at the year's end (decision 9). */
  asOf: string;
  /** Materialized path of the scope's root organization; null for everything. */
  scopePath: string | null;
  /**
   * Whose records are listed by id (the evidence of a result): every subject's (the default: the
   * interchange answer, the CLI), nobody's (a dashboard: counts only), or one cadre's or one point's
   * (the records drawer). Everything else is counted in SQL and reaches the engine as unlisted
   * entries (the domain's `UNLISTED`), which cost no id lists to build, send or sort.
   */
  evidence?: 'all' | 'none' | { cadre: string } | { point: string };
}

type Row = Record<string, unknown>;

export async function rows<T = Row>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  // node-postgres answers a QueryResult, PGlite an object with `rows` too; both carry `rows`
  return (result as unknown as { rows: T[] }).rows;
}

/** An SQL condition: are the records of the subject in `column` (a cadre's or a point's id) listed? */
export function listedWhere(q: FactsQuery, kind: 'cadre' | 'point', column: SQL): SQL {
  const e = q.evidence ?? 'all';
  if (e === 'all') return sql`true`;
  if (e === 'none') return sql`false`;
  if (kind === 'cadre' && 'cadre' in e) return sql`${column} = ${e.cadre}`;
  if (kind === 'point' && 'point' in e) return sql`${column} = ${e.point}`;
  return sql`false`;
}

/**
 * An SQL condition: does the record feed the fact, as the activity registry's `feeds` say. The
 * record is `a` with the columns of `activityColumns` (its `mode` and `status`); `details: true`
 * reads those from the activities table's `details`, `alias: null` names the columns unqualified.
 * The registry's names are inlined as literals (trusted constants), so the statements stay as written.
 */
export function feedsSql(fact: TActivityFact, o: { alias?: string | null; details?: boolean } = {}): SQL {
  const at = o.alias === undefined ? 'a.' : o.alias === null ? '' : `${o.alias}.`;
  const literal = (v: string) => {
    if (!/^[a-z_]+$/.test(v)) throw new Error(`not a registry name: ${v}`);
    return `'${v}'`;
  };
  const field = (f: string) => (o.details ? `${at}details->>${literal(f)}` : `${at}${f}`);
  const feeders = feedersOf(fact);
  const always = feeders.filter((f) => f.when === undefined).map((f) => literal(f.type));
  const parts = [
    ...(always.length > 0 ? [`${at}type in (${always.join(', ')})`] : []),
    ...feeders.flatMap(({ type, when }) =>
      when ? [`(${at}type = ${literal(type)} and ${field(when.field)} = ${literal(when.is)})`] : [],
    ),
  ];
  return sql.raw(parts.length > 0 ? `(${parts.join(' or ')})` : 'false');
}

/** Visits and stays of the `activities` table (the registry's `visit` and `live_with`): their on-site days are summed. */
export const STAYS = sql`(${feedsSql('visit', { alias: '"activities"', details: true })} or ${feedsSql('live_with', { alias: '"activities"', details: true })})`;
// The faces of people: youths met face to face (policy-rules.md's shared conventions).
export const FACE_TO_FACE = feedsSql('face_to_face');
export const NEEDY_TAGS = sql`array['needy', 'left_behind_child', 'disabled', 'poor_family', 'non_local']`;
export const SOCIAL_CHANNELS = ['wechat', 'qq', 'weibo'] as const;
export const PROBLEM_STATUSES = ['open', 'in_progress', 'resolved', 'escalated'] as const;
/** An open problem already passed on or replied to by asOf counts as taken up (mz2016.problem_list). */
export const FOLLOWED = 'open_followed';

// Aggregated without an order (so the database may hash rather than sort a province's rows), and put
// in order here: by date, then id.
export const ordered = <T extends { id: string; date?: string; end?: string }>(v: unknown): T[] =>
  ((v ?? []) as T[]).sort(
    (a, b) =>
      ((a.date ?? a.end) as string).localeCompare((b.date ?? b.end) as string) || a.id.localeCompare(b.id),
  );
export const sortedIds = (v: unknown): string[] => ((v ?? []) as string[]).sort();
/** The members 1…n of a bit set (bit m set for member m). */
export const bits = (set: unknown, n: number): number[] =>
  Array.from({ length: n }, (_, i) => i + 1).filter((m) => ((Number(set) || 0) & (1 << m)) !== 0);
export const byId = (v: unknown): ContactRef[] =>
  ((v ?? []) as ContactRef[]).sort((a, b) => a.id.localeCompare(b.id));
export const yearStartOf = (q: FactsQuery) => `${q.year}-01-01`;

/** A list as the engine reads it: the records when listed (`listed` not null), else `n` unlisted entries. */
export function listedOr<T>(listed: T[] | null, n: unknown, entry: T): T[] {
  return listed ?? Array<T>(Number(n ?? 0)).fill(entry);
}
/** `listedOr` for the lists of ids (people, work items). */
export const idsOr = (listed: unknown, n: unknown): string[] =>
  listedOr(listed == null ? null : sortedIds(listed), n, UNLISTED);
/** `listedOr` for the dated records the rules only count. */
export const datedOr = (listed: unknown, n: unknown) =>
  listedOr(listed == null ? null : ordered<{ id: string; date: string }>(listed), n, {
    id: UNLISTED,
    date: '',
  });
/** Unlisted dated records from `string_agg` of their dates. */
export const datesOr = (listed: unknown, dates: unknown) =>
  listed != null
    ? ordered<{ id: string; date: string }>(listed)
    : splitList(dates).map((date) => ({ id: UNLISTED, date }));
/** Visits and stays: listed, or unlisted from `string_agg` of `start onSiteDays` (what the rules read). */
export const staysOr = (listed: unknown, lines: unknown) =>
  listed != null
    ? ordered<{ id: string; point: string | null; start: string; end: string; onSiteDays: number }>(listed)
    : splitList(lines).map((line) => {
        const [start, days] = line.split(' ');
        return { id: UNLISTED, point: null, start: start as string, end: '', onSiteDays: Number(days) };
      });
const splitList = (v: unknown): string[] => (typeof v === 'string' && v !== '' ? v.split(',') : []);

// Only what the facts read of an activity: the rows sorted and hashed stay narrow.
export const activityColumns = sql`a.id, a.cadre_id, a.type, a.point_id, a.start_date, a.end_date, a.travel_days,
  a.details->>'mode' as mode, a.details->>'channel' as channel, a.details->>'status' as status,
  case when a.type = 'problem' then least(a.details->>'passedOn', a.details->>'repliedOn') end as followed_on`;

/** The CTEs every query starts from: organizations, cadres and points of the scope, and the window. */
export function scoped(q: FactsQuery) {
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
      select ${activityColumns} from activities a
       where a.cadre_id in (select id from cad) and a.end_date between ${yearStart}::date and ${q.asOf}::date
    )`;
}

const onSiteDays = sql`greatest(0, a.end_date - a.start_date + 1 - coalesce(a.travel_days, 0))`;
export const stay = sql`json_build_object('id', a.id, 'point', a.point_id, 'start', a.start_date, 'end', a.end_date,
  'onSiteDays', ${onSiteDays})`;
/** An unlisted stay: what the rules read of it, for `staysOr`. */
export const stayLine = sql`a.start_date::text || ' ' || ${onSiteDays}`;
export const dated = sql`json_build_object('id', a.id, 'date', a.end_date)`;

/**
 * A list of the records of `kind` (an SQL condition) in a group: `json_agg(listed)` over the listed
 * subject's rows, and over the others either their count or `string_agg(unlisted)`.
 */
export function listing(name: string, kind: SQL, listedRows: SQL, listed: SQL, unlisted: SQL | 'count') {
  const tail =
    unlisted === 'count'
      ? sql`count(*) filter (where ${kind} and not ${listedRows})`
      : sql`string_agg(${unlisted}, ',') filter (where ${kind} and not ${listedRows})`;
  return sql`json_agg(${listed}) filter (where ${kind} and ${listedRows}) as ${sql.identifier(name)},
    ${tail} as ${sql.identifier(`${name}_unlisted`)}`;
}
