import type { Bilingual } from '../bilingual.ts';
import { addDays, daysBetween } from '../compliance/dates.ts';
import { deadline, type ParamOverrides, type Params, tighten } from '../compliance/params.ts';
import { ruleById } from '../compliance/presets.ts';
import type { PresetId } from '../compliance/types.ts';

/** A preset's id (compliance/types.ts), named here so callers need not reach into the engine. */
export type CyclePresetId = PresetId;

/** What falls due in the annual cycle (任务清单 → 半年自查 → 调研报告 → 考核 → 推荐). */
export type MilestoneKind =
  | 'task_list'
  | 'midyear_report'
  | 'research_report'
  | 'year_summary'
  | 'midyear_summary'
  | 'assessment'
  | 'report_recommendation'
  | 'point_registration'
  | 'half_year_report'
  // not of the year: a posting's point due for its 2-year rotation (seed 002 四.2), dated per point
  | 'point_rotation';

/** Who must act: each cadre, or the organization (its admin). */
export type Responsible = 'cadre' | 'org';

interface MilestoneDef {
  kind: MilestoneKind;
  who: Responsible;
  /** The rule whose deadline parameter sets the date; `fixed` (MM-DD) where the rule has none. */
  rule: string;
  param?: string;
  fixed?: string;
  title: Bilingual;
}

export interface Milestone {
  kind: MilestoneKind;
  who: Responsible;
  preset: PresetId;
  rule: string;
  due: string;
  title: Bilingual;
}

const CYCLE: Partial<Record<PresetId, readonly MilestoneDef[]>> = {
  'baoji-2018-close-contact': [
    {
      kind: 'task_list',
      who: 'cadre',
      rule: 'baoji2018.task_list_filed',
      param: 'by',
      title: { zh: '报备任务清单（附件1）', en: 'File the task list (attachment 1)' },
    },
    {
      kind: 'midyear_report',
      who: 'cadre',
      rule: 'baoji2018.midyear_report',
      param: 'by',
      title: { zh: '提交半年自查报告', en: 'Submit the mid-year self-check report' },
    },
    {
      kind: 'research_report',
      who: 'cadre',
      rule: 'baoji2018.research',
      param: 'by',
      title: { zh: '形成调研报告', en: 'Submit the research report' },
    },
    // 四.3 年底考核 starts at the end of November with 资料核查 of each 个人总结 (and 述职, 五.3).
    {
      kind: 'year_summary',
      who: 'cadre',
      rule: 'baoji2018.assessment',
      fixed: '11-30',
      title: { zh: '提交个人总结（述职）', en: 'Submit the year-end summary' },
    },
    // 附表2 说明: 此表每年6月底、11月底由各县(区)团委、团市委机关各部室汇总.
    {
      kind: 'midyear_summary',
      who: 'org',
      rule: 'baoji2018.midyear_report',
      fixed: '06-30',
      title: {
        zh: '汇总任务清单完成情况（附件2，年中评估）',
        en: 'Compile attachment 2 for the mid-year review',
      },
    },
    {
      kind: 'assessment',
      who: 'org',
      rule: 'baoji2018.assessment',
      fixed: '11-30',
      title: {
        zh: '启动年底考核并汇总（附件2）',
        en: 'Start the year-end assessment and compile attachment 2',
      },
    },
    // 12月底: the rule's period end, as it carries no deadline parameter of its own.
    {
      kind: 'report_recommendation',
      who: 'org',
      rule: 'baoji2018.report_recommendation',
      fixed: '12-31',
      title: { zh: '推荐优秀调研报告', en: 'Recommend good research reports' },
    },
  ],
  'guangdong-2006-contact-points': [
    {
      kind: 'point_registration',
      who: 'org',
      rule: 'gd2006.registration',
      param: 'by',
      title: { zh: '报送联系点登记表', en: 'Register the contact points' },
    },
  ],
  'meizhou-2016-direct-contact': [
    {
      kind: 'half_year_report',
      who: 'org',
      rule: 'mz2016.half_year_report',
      param: 'firstBy',
      title: { zh: '上半年工作情况报告', en: 'First half-year progress report' },
    },
    {
      kind: 'half_year_report',
      who: 'org',
      rule: 'mz2016.half_year_report',
      param: 'secondBy',
      title: { zh: '下半年工作情况报告', en: 'Second half-year progress report' },
    },
  ],
};

/** A rule's parameters as in force for the caller (tightened by a lower level), by rule id. */
export type ParamsOf = (ruleId: string) => Params | undefined;

const presetParams: ParamsOf = (id) => ruleById(id)?.params;

/** A rule's parameters as its preset sets them; an unknown rule id is a programming error. */
export function presetRuleParams(ruleId: string): Params {
  const params = presetParams(ruleId);
  if (!params) throw new Error(`No rule ${ruleId}`);
  return params;
}

/**
 * A rule's parameters as the adopting levels tighten them in turn, from the top down. A level that
 * tries to loosen one is refused by `tighten` (the compliance engine reports it), so it counts for nothing.
 */
export function tightenedParams(ruleId: string, levels: readonly ParamOverrides[]): Params {
  let params = presetRuleParams(ruleId);
  for (const overrides of levels) {
    const r = tighten(params, overrides);
    if (r.ok) params = r.params;
  }
  return params;
}

/**
 * The milestones of `year` under the presets in force, earliest first. Where two presets set the
 * same milestone, both stay: each names its rule, and the earlier date is the one to meet.
 */
export function cycleMilestones(
  presets: readonly PresetId[],
  year: number,
  paramsOf: ParamsOf = presetParams,
): Milestone[] {
  const out: Milestone[] = [];
  for (const preset of new Set(presets)) {
    for (const def of CYCLE[preset] ?? []) {
      const params = paramsOf(def.rule) ?? presetParams(def.rule);
      const due = def.param && params ? deadline(params, def.param, year) : `${year}-${def.fixed}`;
      out.push({ kind: def.kind, who: def.who, preset, rule: def.rule, due, title: def.title });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind));
}

/** The deadline of a milestone kind for one responsible party: the earliest of the presets in force. */
export function dueDate(
  milestones: readonly Milestone[],
  kind: MilestoneKind,
  who: Responsible,
): string | null {
  return milestones.find((m) => m.kind === kind && m.who === who)?.due ?? null;
}

/**
 * A filing against its deadline as of a day (decision 10): `on_time` or `late` once filed;
 * without one, `pending` until the deadline has passed and `missing` after.
 */
export type FilingState = 'on_time' | 'late' | 'pending' | 'missing';

export function filingState(due: string, filedOn: string | null, asOf: string): FilingState {
  if (filedOn !== null) return filedOn <= due ? 'on_time' : 'late';
  return asOf <= due ? 'pending' : 'missing';
}

export interface DueItem {
  milestone: Milestone;
  state: 'pending' | 'missing';
  /** Days from `asOf` to the deadline; negative once it has passed. */
  daysLeft: number;
}

/**
 * What still awaits a party as of a day: every milestone not yet done that is overdue, or due
 * within `leadDays` (the reminder window). Done milestones are named by kind and due date.
 */
export function dueItems(
  milestones: readonly Milestone[],
  done: (m: Milestone) => boolean,
  asOf: string,
  leadDays: number,
): DueItem[] {
  const horizon = addDays(asOf, leadDays);
  return milestones
    .filter((m) => m.due <= horizon && !done(m))
    .map((m) => ({
      milestone: m,
      state: m.due < asOf ? ('missing' as const) : ('pending' as const),
      daysLeft: daysBetween(asOf, m.due),
    }));
}
