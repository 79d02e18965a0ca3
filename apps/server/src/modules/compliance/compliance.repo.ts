import { and, asc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { cadres, contactPoints, exemptions, organizations, orgPresets } from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

export type ExemptionRow = typeof exemptions.$inferSelect;
export type AdoptionRow = typeof orgPresets.$inferSelect & { path: string };

/** Adoptions of `preset` on the chain above `path` and anywhere in its subtree, with their paths. */
export function adoptionsAroundPath(db: Db, preset: string, path: string): Promise<AdoptionRow[]> {
  return db
    .select({
      orgId: orgPresets.orgId,
      preset: orgPresets.preset,
      params: orgPresets.params,
      path: organizations.path,
    })
    .from(orgPresets)
    .innerJoin(organizations, eq(organizations.id, orgPresets.orgId))
    .where(
      and(
        eq(orgPresets.preset, preset),
        sql`(${organizations.path} like ${subtreePattern(path)} or ${path} like ${organizations.path} || '%')`,
      ),
    )
    .orderBy(asc(organizations.path));
}

/** Adoptions at the organization and above it: what is in force there. */
export function adoptionsInForceAt(db: Db, path: string): Promise<AdoptionRow[]> {
  return db
    .select({
      orgId: orgPresets.orgId,
      preset: orgPresets.preset,
      params: orgPresets.params,
      path: organizations.path,
    })
    .from(orgPresets)
    .innerJoin(organizations, eq(organizations.id, orgPresets.orgId))
    .where(sql`${path} like ${organizations.path} || '%'`)
    .orderBy(asc(organizations.path), asc(orgPresets.preset));
}

export async function upsertAdoption(
  db: Db,
  row: { orgId: string; preset: string; params: Record<string, Record<string, unknown>> },
) {
  await db
    .insert(orgPresets)
    .values(row)
    .onConflictDoUpdate({ target: [orgPresets.orgId, orgPresets.preset], set: { params: row.params } });
}

export async function findAdoption(db: Db, orgId: string, preset: string) {
  const [row] = await db
    .select()
    .from(orgPresets)
    .where(and(eq(orgPresets.orgId, orgId), eq(orgPresets.preset, preset)));
  return row ?? null;
}

/** An exemption with the path of the organization that requested it (for scope checks). */
export async function findExemption(db: Db, id: string) {
  const [row] = await db
    .select({ exemption: exemptions, requesterPath: organizations.path })
    .from(exemptions)
    .innerJoin(organizations, eq(organizations.id, exemptions.requestedByOrgId))
    .where(eq(exemptions.id, id));
  return row ?? null;
}

export function listExemptions(db: Db, scopePath: string | null, status?: 'pending' | 'approved') {
  const conditions: (SQL | undefined)[] = [
    scopePath === null ? undefined : like(organizations.path, subtreePattern(scopePath)),
    status === undefined
      ? undefined
      : status === 'pending'
        ? sql`${exemptions.approvedBy} is null`
        : sql`${exemptions.approvedBy} is not null`,
  ];
  return db
    .select({ exemption: exemptions })
    .from(exemptions)
    .innerJoin(organizations, eq(organizations.id, exemptions.requestedByOrgId))
    .where(and(...conditions))
    .orderBy(asc(exemptions.fromDate), asc(exemptions.id))
    .then((rows) => rows.map((r) => r.exemption));
}

/** The organizations a point lies in for scope: where it is, and who holds it (a cadre's org or an organ). */
export async function pointOrgPaths(db: Db, pointId: string): Promise<string[] | null> {
  const result = await db.execute(sql`
    select o.path as at, h.path as holder, co.path as cadre_org
      from ${contactPoints} p
      join organizations o on o.id = p.org_id
      left join organizations h on h.id = p.holder_org_id
      left join cadres c on c.id = p.cadre_id
      left join organizations co on co.id = c.org_id
     where p.id = ${pointId}`);
  const [row] = (result as unknown as { rows: Record<string, string | null>[] }).rows;
  if (!row) return null;
  return [row.at, row.holder, row.cadre_org].filter((x): x is string => x !== null);
}

/** Cadres by id with their organization's name: the few a dashboard page names. */
export function cadresByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: cadres.id,
      name: cadres.name,
      orgId: cadres.orgId,
      orgName: organizations.name,
      department: cadres.department,
      rank: cadres.rank,
      employment: cadres.employment,
    })
    .from(cadres)
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(inArray(cadres.id, ids));
}
