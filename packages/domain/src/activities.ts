import type { Bilingual } from './bilingual.ts';

/** What the domain needs of an activity: its type, its dates, and a visit's travel days. */
export interface ActivityDates {
  type: string;
  start?: string;
  end?: string;
  date?: string;
  travelDays?: number;
  /** a work item's status: a planned one may carry a date still to come */
  status?: string;
}

export interface FieldProblem extends Bilingual {
  field: string;
}

const DAY_MS = 86_400_000;

/** YYYY-MM-DD that names a real calendar day (no 2 月 30 日). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Days from start to end, both included. */
export function spanDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
}

/** 在途时间不计: a visit's on-site days are its length less its travel days. */
export function onSiteDays(a: { start: string; end: string; travelDays?: number }): number {
  return Math.max(0, spanDays(a.start, a.end) - (a.travelDays ?? 0));
}

/**
 * The problems of one activity's dates that a schema cannot see. Empty when it is sound. Given
 * `today` (China time, the caller's clock: the domain has none), a date after it is refused too —
 * work is recorded once done; only a planned work item may carry a date still to come.
 */
export function activityDateProblems(a: ActivityDates, opts: { today?: string } = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['start', 'end', 'date'] as const) {
    const v = a[field];
    if (v !== undefined && !isRealDate(v)) {
      problems.push({ field, zh: `${v} 不是有效日期`, en: `${v} is not a real date` });
    }
  }
  const today = opts.today;
  if (problems.length === 0 && today && !(a.type === 'work_item' && a.status === 'planned')) {
    for (const field of ['start', 'end', 'date'] as const) {
      const v = a[field];
      if (v !== undefined && v > today)
        problems.push({
          field,
          zh: `日期 ${v} 晚于今天（${today}），不能登记尚未发生的工作`,
          en: `${v} is after today (${today}): work is recorded once done`,
        });
    }
  }
  if (problems.length > 0 || a.start === undefined || a.end === undefined) return problems;
  const days = spanDays(a.start, a.end);
  if (days < 1) {
    problems.push({ field: 'end', zh: '结束日期早于开始日期', en: 'end is before start' });
  } else if (a.travelDays !== undefined && a.travelDays > days) {
    problems.push({
      field: 'travelDays',
      zh: `在途天数 ${a.travelDays} 超过了活动的 ${days} 天`,
      en: `travelDays ${a.travelDays} exceeds the ${days} days of the visit`,
    });
  }
  return problems;
}

/** The date an activity counts on: a visit or stay belongs to the day it ends (policy-rules.md). */
export function countingDate(a: ActivityDates): string | undefined {
  return a.end ?? a.date;
}
