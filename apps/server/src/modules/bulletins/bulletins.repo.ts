import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { bulletinSettings, cadres, organizations, orgPresets } from '../../platform/db/schema.ts';

/** The open organizations directly under `orgId`, in the tree's order. */
export function lowerOrgs(db: Db, orgId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.parentId, orgId), isNull(organizations.closedOn)))
    .orderBy(asc(organizations.divisionCode), asc(organizations.name));
}

export async function cadreNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: cadres.id, name: cadres.name })
    .from(cadres)
    .where(inArray(cadres.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function orgNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The switches set along a chain of organization ids, nearest last. */
export function settingsOnChain(db: Db, chain: string[]) {
  return db
    .select({ setting: bulletinSettings, name: organizations.name })
    .from(bulletinSettings)
    .innerJoin(organizations, eq(organizations.id, bulletinSettings.orgId))
    .where(inArray(bulletinSettings.orgId, chain));
}

export async function adoptsPresets(db: Db, orgId: string) {
  const [row] = await db
    .select({ id: orgPresets.orgId })
    .from(orgPresets)
    .where(eq(orgPresets.orgId, orgId))
    .limit(1);
  return row !== undefined;
}

export function upsertSettings(
  db: Db,
  orgId: string,
  s: { rankOrgs: boolean; rankCadres: boolean; updatedBy: string; updatedAt: Date },
) {
  return db
    .insert(bulletinSettings)
    .values({ orgId, ...s })
    .onConflictDoUpdate({ target: bulletinSettings.orgId, set: s });
}
