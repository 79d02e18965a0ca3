import type { TBulletinPeriod, TBulletinQuery } from '@lianxin/contracts';
import { bulletinSpan } from '@lianxin/domain';
import dayjs from 'dayjs';

export const periodLabels: Record<TBulletinPeriod, string> = { month: '月度', quarter: '季度', half: '半年' };

const COUNT: Record<TBulletinPeriod, number> = { month: 12, quarter: 4, half: 2 };

/** The bulletins of a year that have begun by today, as options named by the domain's labels. */
export function periodOptions(period: TBulletinPeriod, year: number, today = dayjs().format('YYYY-MM-DD')) {
  return Array.from({ length: COUNT[period] }, (_, i) => bulletinSpan(period, year, i + 1)).flatMap((s) =>
    'code' in s || s.from > today ? [] : [{ value: s.index, label: s.label }],
  );
}

/** The running bulletin of the kind: this month, quarter or half year. */
export function currentQuery(period: TBulletinPeriod, today = dayjs()): TBulletinQuery {
  const month = today.month() + 1;
  const months = 12 / COUNT[period];
  return { period, year: today.year(), index: Math.ceil(month / months) };
}
