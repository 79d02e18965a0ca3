import { type TPostingProgramKind, ZPostingProgramKind, ZRank } from '@lianxin/contracts';
import {
  type PlannerOptions,
  type PostingCadre,
  type PostingCounty,
  type PostingOrgan,
  type PostingProblem,
  pathIds,
} from '@lianxin/domain';

/**
 * The mapping between the database and the planner's `lianxin-posting/1` documents: organizations
 * become organs and counties, cadres become the planner's cadres, batches keep their ids. Ids pass
 * through unchanged, so a plan's ids are the database's.
 */

export interface OrgNode {
  id: string;
  name: string;
  level: string;
  path: string;
  divisionCode: string | null;
}

export interface CadreFacts {
  id: string;
  orgId: string;
  rank: string;
  grassrootsYears: number;
  probationEndsOn: string | null;
  department: string | null;
  prefersBatches?: string[];
  avoidBatches?: string[];
}

/** A stored program's kind, as the contracts name it. */
export const kindOf = (program: { kind: string }): TPostingProgramKind =>
  ZPostingProgramKind.parse(program.kind);

/**
 * Decision 12: "8+4" is the seed 002 engine with groups of 2 to 3, and seed 004 asks no leader's
 * rank. Groups mix central and provincial cadres only where the program sends both: a province
 * sending its own organ alone cannot mix, and is not told to.
 */
export function plannerOptions(kind: TPostingProgramKind, problem: PostingProblem): PlannerOptions {
  if (kind === 'mz2016')
    return { groupSize: { min: 2, max: 3 }, leaderRanks: ZRank.options, mixCentralAndProvincial: false };
  const levels = new Set(problem.organs.map((o) => o.level));
  return levels.size > 1 ? {} : { mixCentralAndProvincial: false };
}

// A province is matched by its division code where it has one (sector committees have none, decision 4).
const provinceKey = (o: OrgNode) => o.divisionCode ?? o.id;

/** A program's organ: central posts anywhere; a provincial organ inside its province (hard rule 4). */
export function toOrgan(org: OrgNode, kind: TPostingProgramKind): PostingOrgan {
  // "8+4": the county committee's targets are all inside the county, so no province to keep to
  if (kind === 'mz2016' || org.level !== 'province') return { id: org.id, level: 'central' };
  return { id: org.id, level: 'province', divisionCode: provinceKey(org) };
}

/**
 * A county committee as a target, with the prefecture and province above it (from `ancestors`, by id).
 * Decision 3: where no prefecture stands above (municipalities, 省直辖县), the province stands in.
 */
export function toCounty(county: OrgNode, ancestors: ReadonlyMap<string, OrgNode>): PostingCounty {
  const chain = pathIds(county.path)
    .map((id) => ancestors.get(id))
    .filter((o) => o !== undefined);
  const province = chain.find((o) => o.level === 'province');
  const prefecture = chain.find((o) => o.level === 'prefecture') ?? province;
  return {
    id: county.id,
    prefecture: prefecture?.id ?? county.id,
    province: province ? provinceKey(province) : county.id,
  };
}

/** "8+4": a grassroots organization of the county; the county is the one "prefecture" groups form in. */
export function toGrassrootsTarget(org: OrgNode, countyId: string): PostingCounty {
  return { id: org.id, prefecture: countyId, province: countyId };
}

export function toPostingCadre(c: CadreFacts): PostingCadre {
  return {
    id: c.id,
    organ: c.orgId,
    rank: c.rank as PostingCadre['rank'],
    grassrootsYears: c.grassrootsYears,
    probationEndsOn: c.probationEndsOn,
    avoidBatches: c.avoidBatches ?? [],
    ...(c.department ? { department: c.department } : {}),
    ...(c.prefersBatches?.length ? { prefersBatches: c.prefersBatches } : {}),
  };
}

export function buildProblem(parts: {
  batches: { id: string; start: string }[];
  organs: PostingOrgan[];
  cadres: CadreFacts[];
  targets: PostingCounty[];
}): PostingProblem {
  return {
    format: 'lianxin-posting/1',
    batches: parts.batches.map((b) => ({ id: b.id, start: b.start })),
    organs: parts.organs,
    cadres: parts.cadres.map(toPostingCadre),
    counties: parts.targets,
  };
}

/** Hard rule 5: 6 months for under 2 years of grassroots experience (decision 13: may be shortened to 4). */
export const plannedMonths = (grassrootsYears: number) => (grassrootsYears < 2 ? 6 : 4);

/** The batches a cadre may go in: probation ended by the batch's start (cyl2015.batch_length), not avoided. */
export function openBatches(
  batches: { id: string; start: string }[],
  probationEndsOn: string | null,
  avoided: string[] = [],
) {
  return batches
    .filter((b) => (probationEndsOn === null || probationEndsOn <= b.start) && !avoided.includes(b.id))
    .map((b) => b.id);
}

/** A posting's days: from the batch's start for `months` months, both ends included. */
export function postingSpan(start: string, months: number): { from: string; to: string } {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return { from: start, to: d.toISOString().slice(0, 10) };
}
