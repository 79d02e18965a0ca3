import { addDays, type Milestone } from '@lianxin/domain';
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { cadres, contactPoints, organizations, postings } from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

/** seed 002 四.2: 联系点……每名干部联系1个点，每2年一轮换 */
const ROTATION = sql`(${contactPoints.fromDate} + interval '2 years')::date`;

/**
 * Points a posting opened (the posted county is the cadre's point, seed 002 四.2) still held when
 * their two years are up or will be within `days`: each one a milestone of its own, with its holder.
 * A tenure ended by the due day has rotated.
 */
export async function rotationsDue(db: Db, whose: SQL, asOf: string, days: number) {
  const rows = await db
    .selectDistinct({
      pointId: contactPoints.id,
      orgName: organizations.name,
      from: contactPoints.fromDate,
      due: sql<string>`${ROTATION}::text`,
      cadreId: cadres.id,
      cadreName: cadres.name,
    })
    .from(contactPoints)
    .innerJoin(postings, eq(postings.pointId, contactPoints.id))
    .innerJoin(organizations, eq(organizations.id, contactPoints.orgId))
    .innerJoin(cadres, eq(cadres.id, contactPoints.cadreId))
    .where(
      and(
        whose,
        sql`${ROTATION} <= ${addDays(asOf, days)}::date`,
        or(isNull(contactPoints.toDate), sql`${contactPoints.toDate} > ${ROTATION}`),
      ),
    )
    .orderBy(sql`4`, organizations.name);
  return rows.map((r) => ({
    milestone: {
      kind: 'point_rotation',
      who: 'org',
      preset: 'cyl-2015-sink-to-grassroots',
      rule: 'cyl2015.one_county_each',
      due: r.due,
      title: {
        zh: `联系点${r.orgName}（${r.from} 起）满两年应轮换`,
        en: `Contact point ${r.orgName} (since ${r.from}) is due for its 2-year rotation`,
      },
    } satisfies Milestone,
    cadre: { id: r.cadreId, name: r.cadreName },
  }));
}

/** The cadre's own points due. */
export const ofCadre = (cadreId: string) => eq(contactPoints.cadreId, cadreId);
/** The points of cadres in an organization's subtree: the sending organ's department sees them. */
export const ofCadresUnder = (orgPath: string) =>
  sql`${cadres.orgId} in (select id from organizations where path like ${subtreePattern(orgPath)})`;
