import type { Coded } from '../bilingual.ts';

/** 通报 come out monthly, quarterly or half-yearly (seed 004 五.3: 定期公布; seed 001). */
export const BULLETIN_PERIODS = ['month', 'quarter', 'half'] as const;
export type BulletinPeriod = (typeof BULLETIN_PERIODS)[number];

export interface BulletinSpan {
  period: BulletinPeriod;
  year: number;
  /** 1–12, 1–4 or 1–2 */
  index: number;
  from: string;
  to: string;
  /** 2026年3月, 2026年第一季度, 2026年上半年 */
  label: string;
}

const MONTHS_PER: Record<BulletinPeriod, number> = { month: 1, quarter: 3, half: 6 };
const QUARTERS = ['一', '二', '三', '四'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export type BulletinSpanProblem = Coded<'bad_index'>;

/** The span of one bulletin, or a problem naming the index out of range. */
export function bulletinSpan(
  period: BulletinPeriod,
  year: number,
  index: number,
): BulletinSpan | BulletinSpanProblem {
  const months = MONTHS_PER[period];
  const count = 12 / months;
  if (!Number.isInteger(index) || index < 1 || index > count)
    return {
      code: 'bad_index',
      zh: `期次应为 1 至 ${count}`,
      en: `index must be 1 to ${count} for a ${period} bulletin`,
    };
  const first = (index - 1) * months + 1;
  const last = first + months - 1;
  const label =
    period === 'month'
      ? `${year}年${index}月`
      : period === 'quarter'
        ? `${year}年第${QUARTERS[index - 1]}季度`
        : `${year}年${index === 1 ? '上' : '下'}半年`;
  return {
    period,
    year,
    index,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    label,
  };
}
