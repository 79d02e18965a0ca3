import { feedersOf } from '@lianxin/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { chinaToday } from '../../platform/clock.ts';
import { activities, cadres } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadOrg } from '../organizations/organizations.service.ts';
import { weeklyView, weeksUntil } from './four-plus-one.ts';

// the types that may make a day among youth (a talk only face to face: `countsAsGrassrootsDay`)
const DAY_TYPES = feedersOf('grassroots_day').map((f) => f.type);

/** The weekly "4+1" view of a county committee's organ cadres (full-time and seconded, as mz2016 asks). */
export async function fourPlusOne(
  p: Platform,
  actor: Actor,
  q: { county: string; weeks: number; until?: string },
) {
  const county = await loadOrg(p, actor, q.county, 'read');
  if (county.level !== 'county')
    throw badRequest('"4+1" is kept by county committees', '“4+1”适用于县级团委', [
      { path: 'county', message: `层级为 ${county.level} / level is ${county.level}` },
    ]);
  const today = chinaToday(p.clock);
  const span = weeksUntil(q.until ?? today, q.weeks);
  const { from, to } = span;
  const staff = await p.db
    .select({ id: cadres.id, name: cadres.name })
    .from(cadres)
    .where(
      and(
        eq(cadres.orgId, county.id),
        eq(cadres.active, true),
        inArray(cadres.employment, ['full_time', 'seconded']),
      ),
    )
    .orderBy(cadres.name, cadres.id);
  const rows =
    staff.length === 0
      ? []
      : await p.db
          .select({
            cadreId: activities.cadreId,
            type: activities.type,
            start: sql<string>`${activities.startDate}`,
            end: sql<string>`coalesce(${activities.endDate}, ${activities.startDate})`,
            mode: sql<string | null>`${activities.details}->>'mode'`,
          })
          .from(activities)
          .where(
            and(
              inArray(
                activities.cadreId,
                staff.map((s) => s.id),
              ),
              inArray(activities.type, DAY_TYPES),
              sql`${activities.startDate} <= ${to}`,
              sql`coalesce(${activities.endDate}, ${activities.startDate}) >= ${from}`,
            ),
          );
  return { county: county.id, countyName: county.name, ...weeklyView(staff, rows, span, today) };
}
