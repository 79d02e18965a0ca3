import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';

// The access layer's own queries: each takes a batch of ids and answers what a policy needs to
// decide (paths, holders, keepers), in one round trip. Raw SQL on the schema's tables, so the
// layer depends on no module.

const ids = (list: string[]) => sql`(select unnest(${sql.param(list)}::text[]))`;

export const orgPaths = (db: Db, list: string[]) =>
  rows<{ id: string; path: string; level: string }>(
    db,
    sql`select id, path, level from organizations where id in ${ids(list)}`,
  );

export const cadrePaths = (db: Db, list: string[]) =>
  rows<{ id: string; path: string }>(
    db,
    sql`select c.id, o.path from cadres c join organizations o on o.id = c.org_id where c.id in ${ids(list)}`,
  );

export const accountTargets = (db: Db, list: string[]) =>
  rows<{ id: string; role: string; scope_path: string | null; cadre_path: string | null }>(
    db,
    sql`select a.id, a.role, so.path as scope_path, co.path as cadre_path
          from accounts a
          left join organizations so on so.id = a.scope_org_id
          left join cadres c on c.id = a.cadre_id
          left join organizations co on co.id = c.org_id
         where a.id in ${ids(list)}`,
  );

/** Each existing contact among `list` with its keepers and the keepers' organization paths. */
export async function contactKeepers(db: Db, list: string[]) {
  const found = await rows<{ id: string; cadre_id: string | null; path: string | null }>(
    db,
    sql`select ct.id, k.cadre_id, o.path
          from contacts ct
          left join contact_keepers k on k.contact_id = ct.id
          left join cadres c on c.id = k.cadre_id
          left join organizations o on o.id = c.org_id
         where ct.id in ${ids(list)}`,
  );
  const keepers = new Map<string, { cadreId: string; path: string }[]>();
  for (const r of found) {
    const list = keepers.get(r.id) ?? [];
    if (r.cadre_id && r.path) list.push({ cadreId: r.cadre_id, path: r.path });
    keepers.set(r.id, list);
  }
  return keepers;
}

/** Each keeper request with the asking cadre's path and the current keepers' paths. */
export async function keeperRequestFacts(db: Db, list: string[]) {
  const requests = await rows<{ id: string; contact_id: string; cadre_id: string; path: string }>(
    db,
    sql`select r.id, r.contact_id, r.cadre_id, o.path
          from keeper_requests r join cadres c on c.id = r.cadre_id join organizations o on o.id = c.org_id
         where r.id in ${ids(list)}`,
  );
  const keepers = await contactKeepers(db, [...new Set(requests.map((r) => r.contact_id))]);
  return requests.map((r) => ({ ...r, keepers: keepers.get(r.contact_id) ?? [] }));
}

/** Chains of tenures are short (a handful of rotations); the bound stops a cyclic link. */
const CHAIN_DEPTH = 64;

/**
 * The tenures a cadre reads through the chains of the points they hold: their own and every
 * earlier one (the successor inherits the ledger, a predecessor keeps what they wrote).
 */
export async function tenuresReadBy(db: Db, cadreId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`with recursive up(id, depth) as (
          select id, 0 from contact_points where cadre_id = ${cadreId}
          union
          select cp.predecessor_id, up.depth + 1 from up join contact_points cp on cp.id = up.id
           where cp.predecessor_id is not null and up.depth < ${CHAIN_DEPTH})
        select distinct id from up`,
  );
  return found.map((r) => r.id);
}

/** For each tenure: every tenure of its chain, with the holder's and the point's paths. */
export const chainsOf = (db: Db, list: string[]) =>
  rows<{ start: string; id: string; holder_path: string | null; org_path: string }>(
    db,
    sql`with recursive up(start, id, depth) as (
          select id, id, 0 from contact_points where id in ${ids(list)}
          union
          select up.start, cp.predecessor_id, up.depth + 1 from up join contact_points cp on cp.id = up.id
           where cp.predecessor_id is not null and up.depth < ${CHAIN_DEPTH}),
        down(start, id, depth) as (
          select id, id, 0 from contact_points where id in ${ids(list)}
          union
          select down.start, s.id, down.depth + 1 from down join contact_points s on s.predecessor_id = down.id
           where down.depth < ${CHAIN_DEPTH})
        select distinct x.start, x.id, coalesce(co.path, ho.path) as holder_path, po.path as org_path
          from (select start, id from up union select start, id from down) x
          join contact_points cp on cp.id = x.id
          join organizations po on po.id = cp.org_id
          left join cadres c on c.id = cp.cadre_id
          left join organizations co on co.id = c.org_id
          left join organizations ho on ho.id = cp.holder_org_id`,
  );

/** The holder's path of each tenure (the cadre's organization, or the holding organ). */
export const pointHolders = (db: Db, list: string[]) =>
  rows<{ id: string; holder_path: string | null; cadre_id: string | null; to_date: string | null }>(
    db,
    sql`select cp.id, coalesce(co.path, ho.path) as holder_path, cp.cadre_id, cp.to_date::text as to_date
          from contact_points cp
          left join cadres c on c.id = cp.cadre_id
          left join organizations co on co.id = c.org_id
          left join organizations ho on ho.id = cp.holder_org_id
         where cp.id in ${ids(list)}`,
  );

/**
 * Decision 14: the contacts among `list` that `cadreId` inherited — met at a point (an activity
 * there names them) whose chain later passed to a tenure the cadre holds.
 */
export async function contactsInheritedBy(db: Db, cadreId: string, list: string[]): Promise<Set<string>> {
  const found = await rows<{ contact_id: string }>(
    db,
    sql`with recursive chain(contact_id, id, depth) as (
          select distinct ac.contact_id, a.point_id, 0
            from activities a join activity_contacts ac on ac.activity_id = a.id
           where ac.contact_id in ${ids(list)} and a.point_id is not null
          union
          select chain.contact_id, cp.id, chain.depth + 1
            from contact_points cp join chain on cp.predecessor_id = chain.id
           where chain.depth < ${CHAIN_DEPTH})
        select distinct chain.contact_id from chain join contact_points cp on cp.id = chain.id
         where chain.depth > 0 and cp.cadre_id = ${cadreId}`,
  );
  return new Set(found.map((r) => r.contact_id));
}

/**
 * The activities with their author's path, problem assignee and point; `led` when the actor's
 * cadre leads a posting group of the author and the activity falls in that posting (decision 15).
 */
export const activityFacts = (db: Db, list: string[], actorCadreId: string | null) =>
  rows<{
    id: string;
    cadre_id: string;
    type: string;
    assignee: string | null;
    point_id: string | null;
    cadre_path: string;
    passed_to_path: string | null;
    led: boolean;
  }>(
    db,
    sql`select a.id, a.cadre_id, a.type, a.details->>'assignee' as assignee, a.point_id, o.path as cadre_path,
               (select po.path from organizations po where po.id = a.details->>'passedToOrg') as passed_to_path,
               ${
                 actorCadreId === null
                   ? sql`false`
                   : sql`exists (select 1 from postings ps join posting_groups g on g.id = ps.group_id
                  where g.leader_cadre_id = ${actorCadreId} and ps.cadre_id = a.cadre_id
                    and a.start_date <= ps.to_date and coalesce(a.end_date, a.start_date) >= ps.from_date)`
} as led
          from activities a join cadres c on c.id = a.cadre_id join organizations o on o.id = c.org_id
         where a.id in ${ids(list)}`,
  );

export const attachmentActivities = (db: Db, list: string[]) =>
  rows<{ id: string; activity_id: string }>(
    db,
    sql`select id, activity_id from attachments where id in ${ids(list)}`,
  );

const postingColumns = sql`ps.id, ps.cadre_id, ps.group_id, po.path as program_path, co.path as cadre_path,
  oo.path as org_path, g.leader_cadre_id`;
const postingJoins = sql`postings ps
  join posting_programs pp on pp.id = ps.program_id
  join organizations po on po.id = pp.org_id
  join cadres c on c.id = ps.cadre_id
  join organizations co on co.id = c.org_id
  join organizations oo on oo.id = ps.org_id
  left join posting_groups g on g.id = ps.group_id`;

export type PostingFacts = {
  id: string;
  cadre_id: string;
  group_id: string | null;
  program_path: string;
  cadre_path: string;
  org_path: string;
  leader_cadre_id: string | null;
};

export const postingFacts = (db: Db, list: string[]) =>
  rows<PostingFacts>(db, sql`select ${postingColumns} from ${postingJoins} where ps.id in ${ids(list)}`);

/** The groups among `list` that exist, with their leader and every member's posting. */
export async function groupFacts(db: Db, list: string[]) {
  const groups = await rows<{ id: string; leader_cadre_id: string | null }>(
    db,
    sql`select id, leader_cadre_id from posting_groups where id in ${ids(list)}`,
  );
  const members = await rows<PostingFacts>(
    db,
    sql`select ${postingColumns} from ${postingJoins} where ps.group_id in ${ids(list)}`,
  );
  return groups.map((g) => ({ ...g, members: members.filter((m) => m.group_id === g.id) }));
}

/** The owning organization's path of records that hang from one (programs, assessments …). */
export const ownerPaths = (
  db: Db,
  table: 'posting_programs' | 'assessments' | 'report_recommendations' | 'org_assessments',
  list: string[],
) =>
  rows<{ id: string; path: string }>(
    db,
    sql`select t.id, o.path from ${sql.identifier(table)} t join organizations o on o.id = t.org_id
         where t.id in ${ids(list)}`,
  );

/** A grading of lower organizations: the grading level's path, its status, the paths of those graded. */
export const orgAssessmentSides = (db: Db, list: string[]) =>
  rows<{ id: string; path: string; status: string; graded_paths: string[] }>(
    db,
    sql`select a.id, o.path, a.status,
               array(select g.path from org_assessment_entries e join organizations g on g.id = e.org_id
                      where e.assessment_id = a.id) as graded_paths
          from org_assessments a join organizations o on o.id = a.org_id
         where a.id in ${ids(list)}`,
  );

/** A candidate point's two sides: the proposing committee's path and the path of the organ asked. */
export const proposalSides = (db: Db, list: string[]) =>
  rows<{ id: string; by_path: string; to_path: string }>(
    db,
    sql`select pp.id, b.path as by_path, t.path as to_path from point_proposals pp
          join organizations b on b.id = pp.proposed_by_org_id join organizations t on t.id = pp.to_org_id
         where pp.id in ${ids(list)}`,
  );

export const orgReportOwners = (db: Db, list: string[]) =>
  rows<{ id: string; path: string }>(
    db,
    sql`select f.id, o.path from org_filings f join organizations o on o.id = f.org_id where f.id in ${ids(list)}`,
  );

export const exemptionRequesters = (db: Db, list: string[]) =>
  rows<{ id: string; path: string }>(
    db,
    sql`select e.id, o.path from exemptions e join organizations o on o.id = e.requested_by_org_id
         where e.id in ${ids(list)}`,
  );

/** An import job's starter and the path of the starter's scope (null: a system admin's). */
export const importJobStarters = (db: Db, list: string[]) =>
  rows<{ id: string; account_id: string | null; path: string | null }>(
    db,
    sql`select j.id, j.account_id, o.path from import_jobs j left join organizations o on o.id = j.scope_org_id
         where j.id in ${ids(list)}`,
  );

/** Open days with their county committee's path, and whether sign-up is still open on `today`. */
export const openDayFacts = (db: Db, list: string[], today: string) =>
  rows<{ id: string; org_id: string; path: string; signup: boolean }>(
    db,
    sql`select d.id, d.org_id, o.path, (d.signup_open and d.held_on >= ${today}::date) as signup
          from open_days d join organizations o on o.id = d.org_id
         where d.id in ${ids(list)}`,
  );

/** Case activities among `list` with their author's path and whether each is published. */
export const caseFacts = (db: Db, list: string[]) =>
  rows<{ id: string; path: string; published: boolean }>(
    db,
    sql`select a.id, o.path, exists (select 1 from published_cases pc where pc.activity_id = a.id) as published
          from activities a join cadres c on c.id = a.cadre_id join organizations o on o.id = c.org_id
         where a.type = 'case' and a.id in ${ids(list)}`,
  );

/** The cadres among `list` with their organization's id. */
export const cadreOrgs = (db: Db, list: string[]) =>
  rows<{ id: string; org_id: string }>(db, sql`select id, org_id from cadres where id in ${ids(list)}`);
/**
 * Each public card among `list`: on or off, and whose it is — the cadre's organization path, or
 * for a point's card the holding cadre (or organ) and its path.
 */
export const cardFacts = (db: Db, list: string[]) =>
  rows<{ id: string; enabled: boolean; owner_cadre: string | null; owner_path: string | null }>(
    db,
    sql`select k.id, k.enabled, coalesce(k.cadre_id, cp.cadre_id) as owner_cadre,
               coalesce(co.path, ho.path) as owner_path
          from public_cards k
          left join contact_points cp on cp.id = k.point_id
          left join cadres c on c.id = coalesce(k.cadre_id, cp.cadre_id)
          left join organizations co on co.id = c.org_id
          left join organizations ho on ho.id = cp.holder_org_id
         where k.id in ${ids(list)}`,
  );

/** Each card message among `list` with its card. */
export const cardMessageCards = (db: Db, list: string[]) =>
  rows<{ id: string; card_id: string }>(
    db,
    sql`select id, card_id from card_messages where id in ${ids(list)}`,
  );
