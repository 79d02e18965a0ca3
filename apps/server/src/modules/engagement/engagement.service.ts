import type { TActiveness, TCadreYearEngagement, TOrgEngagement, TSatisfaction } from '@lianxin/contracts';
import type { Actor } from '../../platform/access/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { cadreFigures, orgActiveness, reachedPerMonth } from './engagement.repo.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of a month, as dates. */
export function monthSpan(year: number, month: number) {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

export const activeness = (contacts: number, reached: number): TActiveness => ({
  contacts,
  reached,
  share: contacts > 0 ? Math.round((reached / contacts) * 1000) / 1000 : null,
});

export const satisfaction = (ratings: number, scoreSum: number): TSatisfaction => ({
  ratings,
  average: ratings > 0 ? Math.round((scoreSum / ratings) * 10) / 10 : null,
});

/**
 * 活跃度 and 满意度 of an organization's subtree in a month, in total and per active cadre; for
 * those who read the organization (the dashboard's readers).
 */
export async function orgEngagement(
  p: Platform,
  actor: Actor,
  orgId: string,
  year: number,
  month: number,
): Promise<TOrgEngagement> {
  const org = await loadOrg(p, actor, orgId, 'read');
  const { from, to } = monthSpan(year, month);
  const yearFrom = `${year}-01-01`;
  const [cadres, reach] = await Promise.all([
    cadreFigures(p.db, { path: org.path }, from, to, yearFrom),
    orgActiveness(p.db, org.path, from, to),
  ]);
  const sum = (k: 'ratings' | 'score_sum' | 'year_ratings' | 'year_score_sum') =>
    cadres.reduce((a, c) => a + c[k], 0);
  return {
    orgId,
    year,
    month,
    activeness: activeness(reach.contacts, reach.reached),
    satisfaction: satisfaction(sum('ratings'), sum('score_sum')),
    satisfactionYear: satisfaction(sum('year_ratings'), sum('year_score_sum')),
    cadres: cadres.map((c) => ({
      cadreId: c.id,
      cadreName: c.name,
      activeness: activeness(c.contacts, c.reached),
      satisfaction: satisfaction(c.ratings, c.score_sum),
      satisfactionYear: satisfaction(c.year_ratings, c.year_score_sum),
    })),
  };
}

/**
 * One cadre's year for the material pack: 活跃度 of each month begun by `asOf` and 满意度 over the
 * year so far. The caller has already been allowed to read the cadre.
 */
export async function cadreYearEngagement(
  p: Platform,
  cadreId: string,
  year: number,
  asOf: string,
): Promise<TCadreYearEngagement> {
  const lastMonth = asOf.slice(0, 4) > String(year) ? 12 : Number(asOf.slice(5, 7));
  const end = monthSpan(year, Math.max(1, lastMonth)).to;
  const [[figures], perMonth] = await Promise.all([
    cadreFigures(p.db, { cadre: cadreId }, `${year}-01-01`, end, `${year}-01-01`),
    reachedPerMonth(p.db, cadreId, year),
  ]);
  const contacts = figures?.contacts ?? 0;
  const months = asOf.slice(0, 4) < String(year) ? 0 : lastMonth;
  return {
    months: Array.from({ length: months }, (_, i) => ({
      month: i + 1,
      ...activeness(contacts, perMonth.find((m) => m.month === i + 1)?.reached ?? 0),
    })),
    satisfaction: satisfaction(figures?.year_ratings ?? 0, figures?.year_score_sum ?? 0),
  };
}
