/**
 * What one entry changed in a cadre's progress: the cadre's compliance results before and after
 * the save, compared subject by subject ("走访调研 3/10 → 4/10").
 */
import type { TComplianceResult } from '@lianxin/contracts';
import { ruleShort, ruleUnit, statusLabels } from '../compliance/rules.ts';

export interface ProgressChange {
  rule: string;
  /** the requirement in a few words */
  label: string;
  /** "12/60 → 14/60 天" */
  text: string;
  /** became met with this entry */
  reached: boolean;
}

const keyOf = (r: TComplianceResult) =>
  [r.rule, r.point ?? '', r.org ?? '', r.posting ?? '', r.batch ?? '', r.department ?? ''].join('|');

const amount = (r: TComplianceResult) => {
  const target = r.max !== undefined && r.max !== r.required ? `${r.required}–${r.max}` : `${r.required}`;
  return `${r.actual}/${target}`;
};

export function progressChanges(
  before: readonly TComplianceResult[],
  after: readonly TComplianceResult[],
  cadreId: string,
): ProgressChange[] {
  const old = new Map(before.filter((r) => r.cadre === cadreId).map((r) => [keyOf(r), r]));
  const out: ProgressChange[] = [];
  for (const r of after) {
    if (r.cadre !== cadreId) continue;
    const b = old.get(keyOf(r));
    if (!b || (b.actual === r.actual && b.status === r.status)) continue;
    const unit = ruleUnit(r.rule);
    const reached = r.status === 'met' && b.status !== 'met';
    out.push({
      rule: r.rule,
      reached,
      label: ruleShort(r.rule, 40),
      text: `${amount(b)} → ${amount(r)}${unit ? ` ${unit}` : ''}${reached ? `，${statusLabels.met}` : ''}`,
    });
  }
  return out;
}
