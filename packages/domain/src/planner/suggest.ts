/**
 * The batches a new program starts from, so that the planner can keep every hard rule on the
 * organ's own staff: seed 002 sends in the windows 9—12 月 and 3—6 月 in groups of 3–4; "8+4"
 * (seed 004) four times a year in groups of 2–3. Each batch must be able to form a group from the
 * organ's cadres, so a small organ gets fewer batches (at least one); every start lies after today.
 */

export type ProgramKind = 'cyl2015' | 'mz2016';

/** The organization levels that may run each kind (cyl2015: central and provincial organs; "8+4": a county committee). */
export const programKindsOfLevel = (level: string): ProgramKind[] =>
  level === 'central' || level === 'province' ? ['cyl2015'] : level === 'county' ? ['mz2016'] : [];

const MAX_BATCHES = 4;
/** The smallest group of each kind (decision 12): a batch needs at least this many cadres. */
const SMALLEST_GROUP: Record<ProgramKind, number> = { cyl2015: 3, mz2016: 2 };

/** How many batches `staff` cadres fill, each with at least one group: 1 to 4. */
export function suggestedBatchCount(kind: ProgramKind, staff: number): number {
  return Math.max(1, Math.min(MAX_BATCHES, Math.floor(staff / SMALLEST_GROUP[kind])));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The first Monday of a month (a batch of "8+4" starts at the beginning of a quarter, on a working day). */
function firstMonday(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 1));
  d.setUTCDate(1 + ((8 - d.getUTCDay()) % 7));
  return iso(d);
}

/** The starts of the windows of a kind after `today` (YYYY-MM-DD), as many as asked. */
function nextStarts(kind: ProgramKind, today: string, count: number): string[] {
  const months = kind === 'cyl2015' ? [2, 8] : [0, 3, 6, 9];
  const out: string[] = [];
  for (let year = Number(today.slice(0, 4)); out.length < count; year++)
    for (const m of months) {
      const start = kind === 'cyl2015' ? iso(new Date(Date.UTC(year, m, 1))) : firstMonday(year, m);
      if (start > today && out.length < count) out.push(start);
    }
  return out;
}

/** 第1批 … with their starts: the defaults of a new program of `kind` for `staff` organ cadres. */
export function suggestBatches(kind: ProgramKind, today: string, staff: number) {
  return nextStarts(kind, today, suggestedBatchCount(kind, staff)).map((start, i) => ({
    name: `第${i + 1}批`,
    start,
  }));
}
