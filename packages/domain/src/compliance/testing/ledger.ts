import type { EvaluateOptions } from '../context.ts';
import { evaluate } from '../engine.ts';
import { factsFromLedger, presetsInForceFromLedger } from '../from-ledger.ts';
import type { LedgerActivity, LedgerDocument, LedgerOrganization } from '../ledger.ts';
import type { ComplianceResult } from '../types.ts';

/** A small tree: 陕西 → 宝鸡 → 渭滨区/金台区 → a few grassroots organizations of different fields. */
export const TREE: LedgerOrganization[] = [
  { id: 'o-central', level: 'central' },
  { id: 'o-sx', level: 'province', parent: 'o-central', divisionCode: '610000' },
  { id: 'o-bj', level: 'prefecture', parent: 'o-sx', divisionCode: '610300' },
  { id: 'o-xa', level: 'prefecture', parent: 'o-sx', divisionCode: '610100' },
  { id: 'o-wb', level: 'county', parent: 'o-bj', divisionCode: '610302' },
  { id: 'o-jt', level: 'county', parent: 'o-bj', divisionCode: '610303' },
  { id: 'o-yt', level: 'county', parent: 'o-xa', divisionCode: '610113' },
  { id: 'o-g1', level: 'grassroots', parent: 'o-wb', field: 'enterprise' },
  { id: 'o-g2', level: 'grassroots', parent: 'o-wb', field: 'rural' },
  { id: 'o-g3', level: 'grassroots', parent: 'o-jt', field: 'school' },
  { id: 'o-g4', level: 'grassroots', parent: 'o-jt', field: 'community' },
  { id: 'o-g5', level: 'grassroots', parent: 'o-yt', field: 'organ' },
];

export function ledger(part: Partial<LedgerDocument>): LedgerDocument {
  return { format: 'lianxin-ledger/1', organizations: TREE, ...part };
}

/** Evaluates a document as the server will: facts first, then the engine. */
export function run(
  doc: LedgerDocument,
  asOf: string,
  opts: Partial<EvaluateOptions> = {},
): ComplianceResult[] {
  const year = Number(asOf.slice(0, 4));
  return evaluate(factsFromLedger(doc, { year, asOf }), {
    year,
    asOf,
    presetsInForce: presetsInForceFromLedger(doc),
    ...opts,
  });
}

/** The results of one rule, optionally for one subject (cadre, point or org id). */
export function of(results: ComplianceResult[], rule: string, subject?: string): ComplianceResult[] {
  return results.filter(
    (r) =>
      r.rule === rule &&
      (subject === undefined ||
        r.cadre === subject ||
        r.point === subject ||
        r.org === subject ||
        r.posting === subject),
  );
}

/** The single result of a rule for a subject; fails the test when there is not exactly one. */
export function one(results: ComplianceResult[], rule: string, subject?: string): ComplianceResult {
  const found = of(results, rule, subject);
  if (found.length !== 1) throw new Error(`${found.length} results for ${rule} ${subject ?? ''}`);
  return found[0] as ComplianceResult;
}

let seq = 0;
/** An activity with a fresh id. */
export function act(a: Omit<LedgerActivity, 'id'> & { id?: string }): LedgerActivity {
  seq++;
  return { id: `a${seq}`, ...a };
}

/** `n` youth contacts kept by `cadre`, ids `${prefix}1…`. */
export function youths(n: number, cadre: string, prefix = 'y', extra: object = {}) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    role: 'youth' as const,
    of: [cadre],
    ...extra,
  }));
}
