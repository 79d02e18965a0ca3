/**
 * Rules and results in words: the presets' own descriptions (the domain package holds them as
 * data), statuses in Chinese, deadlines, and the counts the dashboards chart.
 */
import type { TComplianceResult, TComplianceStatus } from '@lianxin/contracts';
import {
  isAdvisoryResult,
  type ParamUnit,
  PRESET_IDS,
  PRESETS,
  type PresetId,
  ruleById,
} from '@lianxin/domain';

// 达标率 is the domain's, so the bulletins of the server count as the dashboards do
export { countStatuses, groupBy, isAdvisoryResult, passRate, type StatusCounts } from '@lianxin/domain';

export const statusLabels: Record<TComplianceStatus, string> = {
  met: '达标',
  unmet: '未达标',
  in_progress: '进行中',
  exempt: '豁免',
  not_applicable: '不适用',
};

export const statusColors: Record<TComplianceStatus, string> = {
  met: 'green',
  unmet: 'red',
  in_progress: 'blue',
  exempt: 'purple',
  not_applicable: 'default',
};

/** ECharts colours of the same statuses (antd's green, red, blue, purple, grey). */
export const statusChartColors: Record<TComplianceStatus, string> = {
  met: '#52c41a',
  unmet: '#f5222d',
  in_progress: '#1677ff',
  exempt: '#722ed1',
  not_applicable: '#bfbfbf',
};

/** The rule as its preset states it. */
export function ruleText(ruleId: string): string {
  return ruleById(ruleId)?.describe.zh ?? ruleId;
}

/** The rule's opening words, for a chart axis or a table cell (the full text goes in a tooltip). */
export function ruleShort(ruleId: string, max = 16): string {
  // asides in brackets (以评估日为准, 不含在途时间 …) give way to the requirement itself
  const text = ruleText(ruleId)
    .replace(/（[^）]*）/g, '')
    .replace(/。$/, '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function presetOfRule(ruleId: string): PresetId | null {
  return ruleById(ruleId)?.preset ?? null;
}

export function presetTitle(preset: PresetId): string {
  return PRESETS[preset].title.zh;
}

/** Presets in the order of docs/policy-rules.md, then anything unknown. */
export function presetOrder(preset: PresetId | null): number {
  return preset ? PRESET_IDS.indexOf(preset) : PRESET_IDS.length;
}

const unitLabels: Record<ParamUnit, string> = {
  count: '',
  days: '天',
  months: '个月',
  people: '人',
  fields: '个领域',
  points: '个',
  cadres: '人',
};

/** The unit of the rule's number (its first floor or band), in Chinese; '' when it has none. */
export function ruleUnit(ruleId: string): string {
  const params = Object.values(ruleById(ruleId)?.params ?? {});
  const measured = params.find((p) => p.kind === 'floor' || p.kind === 'band');
  return measured && 'unit' in measured ? unitLabels[measured.unit] : '';
}

/**
 * When the result's period ends: the rule's own deadline (MM-DD of the year) or the year's end for
 * per-year rules; null for rules on the state at a date and for tenures and batches, whose end the
 * result does not carry.
 */
export function deadlineOf(ruleId: string, year: number): string | null {
  const rule = ruleById(ruleId);
  if (!rule) return null;
  const deadline = Object.values(rule.params).find((p) => p.kind === 'deadline');
  if (deadline && deadline.kind === 'deadline') return `${year}-${deadline.value}`;
  return rule.period === 'year' ? `${year}-12-31` : null;
}

export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How near a deadline is "due soon" (临近截止). */
export const DUE_SOON_DAYS = 45;

/** Days left to an in-progress result's deadline when it is near, else null. */
export function dueSoonDays(r: TComplianceResult, year: number, asOf: string): number | null {
  if (r.status !== 'in_progress') return null;
  const due = deadlineOf(r.rule, year);
  if (!due) return null;
  const left = daysFrom(asOf, due);
  return left >= 0 && left <= DUE_SOON_DAYS ? left : null;
}

/**
 * In progress, yet out of reach: a rule counted in days needs more days than are left before its
 * deadline (a day adds at most one), e.g. 16 of 60 days with 26 days to go. Shown as 已无法完成.
 */
export function unreachable(r: TComplianceResult, year: number, asOf: string): boolean {
  // only a floor of days (baoji2018.grassroots_time, cyl2014.point_days …): a day adds at most one
  const days = ruleById(r.rule)?.params.days;
  if (r.status !== 'in_progress' || !days || days.kind !== 'floor') return false;
  const due = deadlineOf(r.rule, year);
  if (!due) return false;
  return r.required - r.actual > Math.max(0, daysFrom(asOf, due));
}

/** The status in words, 已无法完成 for an in-progress result out of reach. */
export function statusText(r: TComplianceResult, year: number, asOf: string): string {
  return unreachable(r, year, asOf) ? UNREACHABLE : statusLabels[r.status];
}
export const UNREACHABLE = '已无法完成';

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** Results that count toward grades: advisory rules are shown apart and never rated. */
export function graded(results: readonly TComplianceResult[]): TComplianceResult[] {
  return results.filter((r) => !isAdvisoryResult(r));
}
