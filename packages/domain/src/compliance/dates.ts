// Calendar arithmetic on YYYY-MM-DD strings in UTC, so no clock or time zone enters the rules.
const DAY_MS = 86_400_000;

// Parsing the parts is several times faster than Date.parse on the string: the engine calls these
// for every point and cadre of a province.
function toMs(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

function fromMs(ms: number): string {
  const t = new Date(ms);
  const m = t.getUTCMonth() + 1;
  const day = t.getUTCDate();
  return `${t.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

export function addDays(d: string, n: number): string {
  return fromMs(toMs(d) + n * DAY_MS);
}

/** The same day `n` months later, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(d: string, n: number): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const day = Number(d.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(y, m, Math.min(day, last)));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

export function monthOf(d: string): number {
  return Number(d.slice(5, 7));
}

export function quarterOf(d: string): number {
  return Math.ceil(monthOf(d) / 3);
}

export function yearOf(d: string): number {
  return Number(d.slice(0, 4));
}

/** The Monday of the week (Monday to Sunday) that holds `d`. */
export function mondayOf(d: string): string {
  const wd = new Date(toMs(d)).getUTCDay(); // 0 = Sunday
  return addDays(d, -((wd + 6) % 7));
}

/** Last day of month `m` (1–12) of `year`. */
export function monthEnd(year: number, m: number): string {
  return fromMs(Date.UTC(year, m, 0));
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Whole months from `from` to `last` (both days included): 2026-01-05..2027-01-04 is 12. */
export function wholeMonths(from: string, last: string): number {
  if (last < from) return 0;
  const held = (m: number) => addDays(addMonths(from, m), -1) <= last;
  // The calendar difference is right or one too many (a later day of the month not yet reached).
  const m = (yearOf(last) - yearOf(from)) * 12 + monthOf(last) - monthOf(from) + 1;
  return held(m) ? m : held(m - 1) ? m - 1 : m - 2;
}

/** First and last day of quarter `q` (1–4) of `year`. */
export function quarterSpan(year: number, q: number): { start: string; end: string } {
  return { start: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: monthEnd(year, q * 3) };
}

/** The first Monday on or after 1 January of `year`. */
export function firstMonday(year: number): string {
  const jan1 = `${year}-01-01`;
  const monday = mondayOf(jan1);
  return monday === jan1 ? jan1 : addDays(monday, 7);
}
