import { feeds, type TFourPlusOne } from '@lianxin/contracts';
import { addDays } from '../contact-points/contact-points.service.ts';

/**
 * "4+1" (mz2016.four_plus_one): a county organ cadre's day a week among grassroots youth, read from
 * the log as the compliance rule reads it — a visit or a stay covering a day of the week, or an
 * event, a face-to-face talk or a lecture dated in it. Weeks run Monday to Sunday.
 */

export interface DayActivity {
  cadreId: string;
  type: string;
  start: string;
  end: string;
  mode: string | null;
}

/** The activity registry's `grassroots_day`: the types (and a talk's mode) that make a day among youth. */
export function countsAsGrassrootsDay(a: DayActivity): boolean {
  return feeds({ type: a.type, ...(a.mode === null ? {} : { mode: a.mode }) }, 'grassroots_day');
}

export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** `count` weeks ending with the week holding `until`: their Mondays, oldest first, and their first and last day. */
export function weeksUntil(until: string, count: number) {
  const last = mondayOf(until);
  const weeks = Array.from({ length: count }, (_, i) => addDays(last, -7 * (count - 1 - i)));
  return { weeks, from: addDays(last, -7 * (count - 1)), to: addDays(last, 6) };
}

/** The days of the activity inside [from, to], each once. */
function daysOf(a: DayActivity, from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = a.start < from ? from : a.start; d <= a.end && d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function weeklyView(
  cadres: { id: string; name: string }[],
  activities: DayActivity[],
  span: ReturnType<typeof weeksUntil>,
  today: string,
): Omit<TFourPlusOne, 'county' | 'countyName'> {
  const { weeks, from, to } = span;
  const thisWeek = mondayOf(today);
  return {
    weeks,
    currentWeek: weeks.includes(thisWeek) ? thisWeek : null,
    cadres: cadres.map((c) => {
      const days = new Set(
        activities
          .filter((a) => a.cadreId === c.id && countsAsGrassrootsDay(a))
          .flatMap((a) => daysOf(a, from, to)),
      );
      const perWeek = weeks.map((week) => ({
        week,
        days: [...days].filter((d) => mondayOf(d) === week).sort(),
      }));
      // a week still running (or not yet begun) is not missed yet
      const missed = perWeek.filter((w) => w.days.length === 0 && addDays(w.week, 6) < today).length;
      return { id: c.id, name: c.name, days: perWeek.map((w) => w.days), missed };
    }),
  };
}
