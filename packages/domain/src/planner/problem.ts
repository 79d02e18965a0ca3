/**
 * The posting planner's documents, `lianxin-posting/1` (docs/planner.md): a problem in, a plan out.
 * Seed 002 (常态化下沉基层) posts central and provincial organ cadres to counties in batches, in groups.
 */

export const POSTING_FORMAT = 'lianxin-posting/1';

/** Cadre ranks, highest first: 书记处成员, 局级, 正处, 副处, 科级, 其他. */
export const POSTING_RANKS = [
  'secretariat',
  'bureau',
  'division',
  'deputy_division',
  'section',
  'staff',
] as const;
export type PostingRank = (typeof POSTING_RANKS)[number];

/** 正处长及以上 lead a group (seed 002). */
export const GROUP_LEADER_RANKS: readonly PostingRank[] = ['secretariat', 'bureau', 'division'];

const RANK_NAMES: Record<PostingRank, string> = {
  secretariat: '书记处成员',
  bureau: '局级',
  division: '正处',
  deputy_division: '副处',
  section: '科级',
  staff: '其他',
};

/** The ranks that may lead, as messages name them: 正处及以上, 任一职级, or the list. */
export function leaderRanksText(ranks: readonly PostingRank[]): { zh: string; en: string } {
  const wanted = POSTING_RANKS.filter((r) => ranks.includes(r));
  if (wanted.length === POSTING_RANKS.length) return { zh: '任一职级', en: 'any rank' };
  const lowest = wanted.at(-1);
  if (lowest !== undefined && wanted.length === POSTING_RANKS.indexOf(lowest) + 1)
    return { zh: `${RANK_NAMES[lowest]}及以上`, en: `${lowest} or higher` };
  return { zh: wanted.map((r) => RANK_NAMES[r]).join('、'), en: wanted.join('/') };
}

export interface PostingBatch {
  readonly id: string;
  /** YYYY-MM-DD: probation must have ended by this day. */
  readonly start: string;
}

export interface PostingOrgan {
  readonly id: string;
  readonly level: 'central' | 'province';
  /** The province's six-digit code; provincial cadres are posted inside it. */
  readonly divisionCode?: string | null;
}

export interface PostingCadre {
  readonly id: string;
  readonly organ: string;
  readonly rank: PostingRank;
  readonly grassrootsYears: number;
  readonly probationEndsOn: string | null;
  readonly avoidBatches: readonly string[];
  /** 机关部室: not all of a department away in one batch. */
  readonly department?: string;
  readonly prefersBatches?: readonly string[];
}

export interface PostingCounty {
  readonly id: string;
  /** Where a county has no prefecture above it, its province stands in (decision 3). */
  readonly prefecture: string;
  readonly province: string;
}

export interface PostingProblem {
  readonly format: typeof POSTING_FORMAT;
  readonly batches: readonly PostingBatch[];
  readonly organs: readonly PostingOrgan[];
  readonly cadres: readonly PostingCadre[];
  readonly counties: readonly PostingCounty[];
}

export interface PlanAssignment {
  cadre: string;
  batch: string;
  county: string;
  group: string;
  months: number;
}

export interface PlanGroup {
  id: string;
  batch: string;
  prefecture: string;
  /** null only when no member may lead: a hard violation, explained. */
  leader: string | null;
  members: string[];
}

export interface PlanUnassigned {
  cadre: string;
  reason: string;
}

export interface PlanViolation {
  rule: string;
  subject: string;
  hard: boolean;
  /** 中文 / English. */
  message: string;
}

export interface PlanScore {
  /** Weighted soft components in [0, 1], less one per hard violation: higher is better. */
  total: number;
  /** Share of groups with both central and provincial cadres; absent when mixing is not a goal. */
  mixedGroups?: number;
  /** Share of postings that do not return to a county while another of its province waits. */
  countyCoverage: number;
  /** Share of departments (of two or more) not emptied in any batch. */
  departmentsKept: number;
  /** Share of cadres with preferences posted in a preferred batch. */
  preferencesHonoured: number;
  /** Share of postings as long as the planner proposes (decision 13: shortening is a deviation). */
  monthsAsProposed: number;
  hardViolations: number;
}

export interface PostingPlan {
  assignments: PlanAssignment[];
  groups: PlanGroup[];
  unassigned: PlanUnassigned[];
  violations: PlanViolation[];
  score: PlanScore;
}

export interface PlannerOptions {
  /** Group size band: 3–4 for seed 002, 2–3 for "8+4" (decision 12). */
  readonly groupSize?: { readonly min: number; readonly max: number };
  readonly leaderRanks?: readonly PostingRank[];
  /**
   * Whether groups should mix central and provincial cadres (seed 002, the default). "8+4" turns it
   * off (decision 12: inside one county there are no central cadres), so it is neither scored nor reported.
   */
  readonly mixCentralAndProvincial?: boolean;
  /** Local search stops after this many passes without improvement or this budget, whichever first. */
  readonly maxPasses?: number;
  readonly timeBudgetMs?: number;
  /** A monotonic clock for the time budget; without one only `maxPasses` bounds the search. */
  readonly now?: () => number;
}

export interface GroupRules {
  readonly min: number;
  readonly max: number;
  readonly leaderRanks: readonly PostingRank[];
  readonly mixCentralAndProvincial: boolean;
}

export function groupRules(options: PlannerOptions = {}): GroupRules {
  const { min, max } = options.groupSize ?? { min: 3, max: 4 };
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min)
    throw new Error(`Group size band must be whole numbers 1 ≤ min ≤ max, got ${min}–${max}`);
  return {
    min,
    max,
    leaderRanks: options.leaderRanks ?? GROUP_LEADER_RANKS,
    mixCentralAndProvincial: options.mixCentralAndProvincial ?? true,
  };
}

/** 第1组 for the planner's group id g1: how pages and messages name a group of a plan. */
export const groupName = (id: string) => (/^g\d+$/.test(id) ? `第${id.slice(1)}组` : id);
