import type { TCadre } from '@lianxin/contracts';
import { and, eq, ilike, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { cadres, organizations } from '../../platform/db/schema.ts';
import { escapeLike, subtreePattern } from '../organizations/organizations.repo.ts';

export type CadreRow = typeof cadres.$inferSelect;

const columns = { cadre: cadres, orgName: organizations.name, orgPath: organizations.path };

export function toCadreDto(r: { cadre: CadreRow; orgName: string }): TCadre {
  const c = r.cadre;
  return {
    id: c.id,
    name: c.name,
    orgId: c.orgId,
    orgName: r.orgName,
    department: c.department,
    rank: c.rank as TCadre['rank'],
    employment: c.employment as TCadre['employment'],
    grassrootsYears: Number(c.grassrootsYears),
    hiredOn: c.hiredOn,
    probationEndsOn: c.probationEndsOn,
    position: c.position,
    ethnicity: c.ethnicity,
    politicalStatus: c.politicalStatus,
    education: c.education,
    joinedLeagueOn: c.joinedLeagueOn,
    positionSince: c.positionSince,
    mobileMasked: c.mobileMasked,
    idNumberMasked: c.idNumberMasked,
    active: c.active,
  };
}

export async function findCadre(db: Db, id: string) {
  const [row] = await db
    .select(columns)
    .from(cadres)
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(eq(cadres.id, id));
  return row ?? null;
}

/** Cadres of an organization subtree, by name, one page. */
export async function listCadres(
  db: Db,
  q: { orgPath: string; name?: string; page: number; pageSize: number },
) {
  const where = and(
    like(organizations.path, subtreePattern(q.orgPath)),
    q.name ? ilike(cadres.name, `%${escapeLike(q.name)}%`) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(columns)
      .from(cadres)
      .innerJoin(organizations, eq(organizations.id, cadres.orgId))
      .where(where)
      .orderBy(organizations.path, cadres.name, cadres.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cadres)
      .innerJoin(organizations, eq(organizations.id, cadres.orgId))
      .where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** The cadre already holding this mobile or ID number (decision 1: match, never duplicate). */
export async function findCadreByPersonalHash(db: Db, column: 'mobileHash' | 'idNumberHash', hash: string) {
  const [row] = await db
    .select({ id: cadres.id, name: cadres.name })
    .from(cadres)
    .where(eq(cadres[column], hash));
  return row ?? null;
}
