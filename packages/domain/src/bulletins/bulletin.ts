import { countStatuses, isAdvisoryResult, passRate, type StatusCounts } from '../compliance/pass-rate.ts';
import type { ComplianceResult } from '../compliance/types.ts';
import type { OrgLevel } from '../org-tree.ts';

/** Whether the adopting level asks for rankings (decision 32: both off unless switched on). */
export interface RankingSwitches {
  rankOrgs: boolean;
  rankCadres: boolean;
}

export interface BulletinInput {
  /** The lower organizations reported on (the issuing level's direct children), in tree order. */
  lowerOrgs: { id: string; name: string }[];
  /** Every organization of the subtree with its chain of ids (root first, itself last). */
  orgs: { id: string; level: OrgLevel; chain: string[] }[];
  cadres: { id: string; org: string; name: string }[];
  points: {
    id: string;
    org: string;
    cadre: string | null;
    holderOrg: string | null;
    from: string;
    to: string | null;
  }[];
  results: readonly ComplianceResult[];
  asOf: string;
  switches: RankingSwitches;
}

export interface Coverage {
  covered: number;
  total: number;
  rate: number | null;
}

export interface BulletinOrgRow {
  orgId: string;
  name: string;
  cadres: number;
  counts: StatusCounts;
  rate: number | null;
  coverage: Coverage;
  /** Only when the adopting level ranks organizations. */
  rank?: number;
}

export interface BulletinRuleRow {
  rule: string;
  counts: StatusCounts;
  rate: number | null;
}

export interface BulletinCadreRow {
  cadreId: string;
  name: string;
  orgId: string;
  rate: number | null;
  rank: number;
}

export interface BulletinBody {
  rows: BulletinOrgRow[];
  rules: BulletinRuleRow[];
  /** Absent unless the adopting level switched individual rankings on. */
  cadreRanking?: BulletinCadreRow[];
  switches: RankingSwitches;
}

/** Levels a contact point is taken at (县级团委, 基层团组织): what 覆盖率 counts. */
const POINT_LEVELS: readonly OrgLevel[] = ['county', 'grassroots'];

/** 1, 2, 2, 4 …: equal rates share a rank; those without a rate are not ranked. */
function ranks<T extends { rate: number | null }>(rows: T[]): Map<T, number> {
  const sorted = rows.filter((r) => r.rate !== null).sort((a, b) => (b.rate as number) - (a.rate as number));
  const out = new Map<T, number>();
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    out.set(r, prev && prev.rate === r.rate ? (out.get(prev) as number) : i + 1);
  });
  return out;
}

/**
 * A bulletin's figures (通报): per lower organization the 达标率 of the graded results about its
 * subtree (its cadres, their points and its organizations) and its 联系点覆盖率 (county and
 * grassroots organizations of the subtree held as a contact point on the as-of date); per rule the
 * 达标率 across the level. Rows keep the tree's order unless the adopting level ranks
 * organizations; cadres are ranked only where it switched that on.
 */
export function buildBulletin(input: BulletinInput): BulletinBody {
  const chainOf = new Map(input.orgs.map((o) => [o.id, o.chain]));
  const cadreOrg = new Map(input.cadres.map((c) => [c.id, c.org]));
  const pointOrg = new Map(
    input.points.map((p) => [p.id, (p.cadre ? cadreOrg.get(p.cadre) : p.holderOrg) ?? null]),
  );
  const lowerIds = new Set(input.lowerOrgs.map((o) => o.id));
  const lowerOf = (orgId: string | null | undefined) =>
    orgId ? (chainOf.get(orgId)?.find((id) => lowerIds.has(id)) ?? null) : null;

  const graded = input.results.filter((r) => !isAdvisoryResult(r));
  const byLower = new Map<string, ComplianceResult[]>();
  for (const r of graded) {
    const owner = r.cadre ? cadreOrg.get(r.cadre) : r.point ? pointOrg.get(r.point) : r.org;
    const lower = lowerOf(owner);
    if (lower) byLower.set(lower, [...(byLower.get(lower) ?? []), r]);
  }
  const held = new Set(
    input.points
      .filter((p) => p.from <= input.asOf && (p.to === null || p.to >= input.asOf))
      .map((p) => p.org),
  );
  const rows: BulletinOrgRow[] = input.lowerOrgs.map((o) => {
    const counts = countStatuses(byLower.get(o.id) ?? []);
    const targets = input.orgs.filter((x) => POINT_LEVELS.includes(x.level) && x.chain.includes(o.id));
    const covered = targets.filter((x) => held.has(x.id)).length;
    return {
      orgId: o.id,
      name: o.name,
      cadres: input.cadres.filter((c) => lowerOf(c.org) === o.id).length,
      counts,
      rate: passRate(counts),
      coverage: { covered, total: targets.length, rate: targets.length ? covered / targets.length : null },
    };
  });
  if (input.switches.rankOrgs) {
    const rank = ranks(rows);
    for (const r of rows) {
      const n = rank.get(r);
      if (n !== undefined) r.rank = n;
    }
    rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  }
  const ruleIds = [...new Set(graded.map((r) => r.rule))].sort();
  const rules = ruleIds.map((rule) => {
    const counts = countStatuses(graded.filter((r) => r.rule === rule));
    return { rule, counts, rate: passRate(counts) };
  });
  const body: BulletinBody = { rows, rules, switches: input.switches };
  if (input.switches.rankCadres) body.cadreRanking = cadreRanking(input, graded);
  return body;
}

function cadreRanking(input: BulletinInput, graded: ComplianceResult[]): BulletinCadreRow[] {
  const rows = input.cadres.map((c) => ({
    cadreId: c.id,
    name: c.name,
    orgId: c.org,
    rate: passRate(countStatuses(graded.filter((r) => r.cadre === c.id))),
  }));
  const rank = ranks(rows);
  return rows
    .filter((r) => rank.has(r))
    .map((r) => ({ ...r, rank: rank.get(r) as number }))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh'));
}
