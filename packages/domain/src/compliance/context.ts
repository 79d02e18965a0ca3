import type { CadreFacts, ComplianceFacts, OrgFacts, PointFacts, PostingFacts } from './facts.ts';
import { list, type ParamOverrides, type Params, tighten } from './params.ts';
import { PRESETS } from './presets.ts';
import type { RuleDef } from './rule.ts';
import type { ComplianceResult, PresetId } from './types.ts';

/** A preset adopted by an organization (its subtree inherits it), with the parameters it tightens. */
export interface PresetAdoption {
  preset: PresetId;
  /** The adopting organization; absent means in force everywhere. */
  org?: string;
  /** Per rule id, the parameters this level tightens (see `tighten`). */
  params?: Readonly<Record<string, ParamOverrides>>;
}

export interface EvaluateOptions {
  year: number;
  /** Capped at 31 December of `year` (decision 9). */
  asOf: string;
  /** A bare preset id is in force everywhere. */
  presetsInForce: readonly (PresetId | PresetAdoption)[];
}

/** What an evaluator sees: the facts, indexes over them, and the effective parameters per subject. */
export class Ctx {
  readonly year: number;
  readonly asOf: string;
  readonly yearStart: string;
  readonly yearEnd: string;
  /** From 31 December on, year and as-of results are final. */
  readonly yearOver: boolean;
  readonly orgs = new Map<string, OrgFacts>();
  readonly cadres = new Map<string, CadreFacts>();
  readonly points = new Map<string, PointFacts>();
  readonly pointsByCadre = new Map<string, PointFacts[]>();
  /** Points whose tenure overlaps the year and has begun by asOf (decision 9). */
  readonly pointsOfYear: readonly PointFacts[];
  private readonly global: PresetAdoption[] = [];
  private readonly byOrg = new Map<string, PresetAdoption[]>();
  // Per rule, per organization: the effective parameters, and the population they bind (a province
  // evaluates 200k subjects, so each is a map read, not a walk up the chain).
  private readonly paramsCache = new Map<RuleDef, Map<string, Params | null>>();
  private readonly populationCache = new Map<RuleDef, Map<string, Population | null>>();

  constructor(
    readonly facts: ComplianceFacts,
    opts: EvaluateOptions,
  ) {
    this.year = opts.year;
    this.yearStart = `${opts.year}-01-01`;
    this.yearEnd = `${opts.year}-12-31`;
    this.asOf = opts.asOf > this.yearEnd ? this.yearEnd : opts.asOf;
    this.yearOver = this.asOf >= this.yearEnd;
    for (const a of opts.presetsInForce) {
      const adoption = typeof a === 'string' ? { preset: a } : a;
      if (adoption.org === undefined) this.global.push(adoption);
      else push(this.byOrg, adoption.org, adoption);
    }
    for (const o of facts.orgs) this.orgs.set(o.id, o);
    for (const c of facts.cadres) this.cadres.set(c.id, c);
    for (const p of facts.points) {
      this.points.set(p.id, p);
      if (p.cadre !== null) push(this.pointsByCadre, p.cadre, p);
    }
    this.pointsOfYear = facts.points.filter(
      (p) => p.from <= this.asOf && (p.to === null || p.to >= this.yearStart),
    );
  }

  chainOf(orgId: string): readonly string[] {
    return this.orgs.get(orgId)?.chain ?? [orgId];
  }

  levelOf(orgId: string) {
    return this.orgs.get(orgId)?.level;
  }

  /** The presets in force anywhere: a rule of any other preset gives no result. */
  presetsInForce(): Set<PresetId> {
    const ids = new Set(this.global.map((a) => a.preset));
    for (const list of this.byOrg.values()) for (const a of list) ids.add(a.preset);
    return ids;
  }

  /** Organizations that adopted `preset` themselves (or the roots of the tree for a global adoption). */
  adoptingOrgs(preset: PresetId): string[] {
    const out = new Set<string>();
    for (const [org, list] of this.byOrg) if (list.some((a) => a.preset === preset)) out.add(org);
    if (this.global.some((a) => a.preset === preset))
      for (const o of this.facts.orgs) if (o.chain.length === 1) out.add(o.id);
    return [...out];
  }

  /**
   * The rule's parameters for a subject under `orgId`, or null when the rule's preset is not in
   * force there. Adoptions apply from the root down, each tightening what is above it; a loosening
   * is a configuration error and throws (adoptions are checked with `tighten` when they are saved).
   */
  paramsFor(rule: RuleDef, orgId: string): Params | null {
    const cache = getOrMake(this.paramsCache, rule, () => new Map<string, Params | null>());
    return getOrMake(cache, orgId, () => this.paramsAt(rule, orgId));
  }

  private paramsAt(rule: RuleDef, orgId: string): Params | null {
    const applicable = this.global.filter((a) => a.preset === rule.preset);
    for (const org of this.chainOf(orgId))
      for (const a of this.byOrg.get(org) ?? []) if (a.preset === rule.preset) applicable.push(a);
    let params: Params | null = null;
    if (applicable.length > 0) {
      params = { ...PRESETS[rule.preset].who, ...rule.params };
      for (const a of applicable) {
        const over = a.params?.[rule.id];
        if (over === undefined) continue;
        const r = tighten(params, over);
        if (!r.ok) throw new Error(`${rule.id} at ${a.org ?? '*'}: ${r.errors.map((e) => e.en).join('; ')}`);
        params = r.params;
      }
    }
    return params;
  }

  /** The rule's parameters for a cadre inside its population (ranks, org level, employment), else null. */
  cadreParams(rule: RuleDef, cadre: CadreFacts): Params | null {
    const cache = getOrMake(this.populationCache, rule, () => new Map<string, Population | null>());
    const population = getOrMake(cache, cadre.org, () => this.populationAt(rule, cadre.org));
    if (population === null) return null;
    if (population.ranks !== null && !population.ranks.has(cadre.rank)) return null;
    if (population.employment !== null && !population.employment.has(cadre.employment)) return null;
    return population.params;
  }

  private populationAt(rule: RuleDef, orgId: string): Population | null {
    const params = this.paramsFor(rule, orgId);
    if (params === null) return null;
    const level = this.levelOf(orgId);
    if (params.orgLevels && (level === undefined || !list(params, 'orgLevels').includes(level))) return null;
    return {
      params,
      ranks: params.ranks ? new Set(list(params, 'ranks')) : null,
      employment: params.employment ? new Set(list(params, 'employment')) : null,
    };
  }

  /** For a point: its holder cadre's parameters, or for an organ-held point the organ's. */
  pointParams(rule: RuleDef, point: PointFacts): Params | null {
    if (point.cadre !== null) {
      const c = this.cadres.get(point.cadre);
      return c === undefined ? null : this.cadreParams(rule, c);
    }
    return point.holderOrg === null ? null : this.paramsFor(rule, point.holderOrg);
  }

  /** Points held on the as-of date. */
  heldAtAsOf(points: readonly PointFacts[]): PointFacts[] {
    return points.filter((p) => p.from <= this.asOf && (p.to === null || p.to >= this.asOf));
  }

  /** Postings of a program that overlap the year and have begun by asOf. */
  postingsOfYear(program: PostingFacts['program']): PostingFacts[] {
    return this.facts.postings.filter(
      (p) => p.program === program && p.start <= this.asOf && p.end >= this.yearStart,
    );
  }
}

/** A rule's parameters where its population is decided by the organization alone; ranks and employment are per cadre. */
interface Population {
  params: Params;
  ranks: ReadonlySet<string> | null;
  employment: ReadonlySet<string> | null;
}

/** The map's value for the key, made and kept on first asking (values are never `undefined`). */
export function getOrMake<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const kept = map.get(key);
  if (kept !== undefined) return kept;
  const value = make();
  map.set(key, value);
  return value;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const l = map.get(key);
  if (l === undefined) map.set(key, [value]);
  else l.push(value);
}

export type Evaluator = (rule: RuleDef, ctx: Ctx) => ComplianceResult[];

/** Evaluate `fn` for each point of the year whose holder is in the rule's population. */
export function eachPoint(
  rule: RuleDef,
  ctx: Ctx,
  fn: (p: PointFacts, params: Params) => ComplianceResult | null,
): ComplianceResult[] {
  const out: ComplianceResult[] = [];
  for (const p of ctx.pointsOfYear) {
    const params = ctx.pointParams(rule, p);
    if (params === null) continue;
    const r = fn(p, params);
    if (r !== null) out.push(r);
  }
  return out;
}

/** Evaluate `fn` for each cadre in the rule's population. */
export function eachCadre(
  rule: RuleDef,
  ctx: Ctx,
  fn: (c: CadreFacts, params: Params) => ComplianceResult | null,
): ComplianceResult[] {
  const out: ComplianceResult[] = [];
  for (const c of ctx.facts.cadres) {
    const params = ctx.cadreParams(rule, c);
    if (params === null) continue;
    const r = fn(c, params);
    if (r !== null) out.push(r);
  }
  return out;
}

/** Evaluate `fn` for each organization of `level` where the rule's preset is in force. */
export function eachOrg(
  rule: RuleDef,
  ctx: Ctx,
  level: OrgFacts['level'],
  fn: (o: OrgFacts, params: Params) => ComplianceResult | null,
): ComplianceResult[] {
  const out: ComplianceResult[] = [];
  for (const o of ctx.facts.orgs) {
    if (o.level !== level) continue;
    const params = ctx.paramsFor(rule, o.id);
    if (params === null) continue;
    const r = fn(o, params);
    if (r !== null) out.push(r);
  }
  return out;
}
