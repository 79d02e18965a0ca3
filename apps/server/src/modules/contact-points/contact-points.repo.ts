import type { TContactPoint } from '@lianxin/contracts';
import { and, eq, gt, inArray, isNull, like, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { activities, cadres, contactPoints, organizations } from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

export type PointRow = typeof contactPoints.$inferSelect;

const pointOrg = alias(organizations, 'point_org');
const cadreOrg = alias(organizations, 'cadre_org');
const holderOrg = alias(organizations, 'holder_org');

// written out: the subquery must see the outer row, not its own table
const successorId = sql<
  string | null
>`(select s.id from contact_points s where s.predecessor_id = contact_points.id order by s.from_date limit 1)`;

const columns = {
  point: contactPoints,
  cadreName: cadres.name,
  cadreOrgPath: cadreOrg.path,
  holderOrgName: holderOrg.name,
  holderOrgPath: holderOrg.path,
  orgName: pointOrg.name,
  orgLevel: pointOrg.level,
  orgField: pointOrg.field,
  orgPath: pointOrg.path,
  successorId,
};

/** A tenure with what access and answers need: names, and the paths of holder and point org. */
export type PointView = {
  point: PointRow;
  cadreName: string | null;
  cadreOrgPath: string | null;
  holderOrgName: string | null;
  holderOrgPath: string | null;
  orgName: string;
  orgLevel: string;
  orgField: string | null;
  orgPath: string;
  successorId: string | null;
};

function selectPoints(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(contactPoints)
    .innerJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId))
    .leftJoin(cadres, eq(cadres.id, contactPoints.cadreId))
    .leftJoin(cadreOrg, eq(cadreOrg.id, cadres.orgId))
    .leftJoin(holderOrg, eq(holderOrg.id, contactPoints.holderOrgId))
    .where(where)
    .orderBy(contactPoints.fromDate, contactPoints.id) as Promise<PointView[]>;
}

export function toContactPointDto(v: PointView): TContactPoint {
  const p = v.point;
  return {
    id: p.id,
    cadreId: p.cadreId,
    cadreName: v.cadreName,
    holderOrgId: p.holderOrgId,
    holderOrgName: v.holderOrgName,
    orgId: p.orgId,
    orgName: v.orgName,
    orgLevel: v.orgLevel as TContactPoint['orgLevel'],
    orgField: v.orgField as TContactPoint['orgField'],
    from: p.fromDate,
    to: p.toDate,
    category: p.category as TContactPoint['category'],
    topic: p.topic,
    showcase: p.showcase,
    predecessorId: p.predecessorId,
    successorId: v.successorId,
    registeredOn: p.registeredOn,
  };
}

export async function findPoint(db: Db, id: string): Promise<PointView | null> {
  const [row] = await selectPoints(db, eq(contactPoints.id, id));
  return row ?? null;
}

export function listPointsOfCadre(db: Db, cadreId: string) {
  return selectPoints(db, eq(contactPoints.cadreId, cadreId));
}

export function listPointsAtOrg(db: Db, orgId: string) {
  return selectPoints(db, eq(contactPoints.orgId, orgId));
}

/**
 * One page of the tenures at the organizations of a subtree, at any depth: one indexed prefix match
 * on the point organization's path, grouped by organization (path order), oldest tenure first. The
 * page's ids are chosen first, so names and successors are looked up for that page only.
 */
export async function listPointsInSubtree(db: Db, orgPath: string, page: number, pageSize: number) {
  const inSubtree = like(pointOrg.path, subtreePattern(orgPath));
  const ids = (
    await db
      .select({ id: contactPoints.id })
      .from(contactPoints)
      .innerJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId))
      .where(inSubtree)
      .orderBy(pointOrg.path, contactPoints.fromDate, contactPoints.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
  ).map((r) => r.id);
  const byId = new Map(
    (ids.length > 0 ? await selectPoints(db, inArray(contactPoints.id, ids)) : []).map((v) => [
      v.point.id,
      v,
    ]),
  );
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contactPoints)
    .innerJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId))
    .where(inSubtree);
  return { items: ids.flatMap((id) => byId.get(id) ?? []), total: Number(row?.n ?? 0) };
}

/** Every tenure of the point's chain, oldest first: predecessors up, successors down. */
export async function loadChain(db: Db, id: string): Promise<PointView[]> {
  const start = await findPoint(db, id);
  if (!start) return [];
  const chain = [start];
  const seen = new Set([start.point.id]);
  for (let up = start.point.predecessorId; up && !seen.has(up); ) {
    const prev = await findPoint(db, up);
    if (!prev) break;
    chain.unshift(prev);
    seen.add(up);
    up = prev.point.predecessorId;
  }
  for (let down = start.successorId; down && !seen.has(down); ) {
    const next = await findPoint(db, down);
    if (!next) break;
    chain.push(next);
    seen.add(down);
    down = next.successorId;
  }
  return chain;
}

/** Another tenure of the same holder at the same organization overlapping [from, to]. */
export async function findOverlapping(
  db: Db,
  q: {
    cadreId: string | null;
    holderOrgId: string | null;
    orgId: string;
    from: string;
    to: string | null;
    exceptId?: string;
  },
) {
  const [row] = await db
    .select({ id: contactPoints.id, from: contactPoints.fromDate, to: contactPoints.toDate })
    .from(contactPoints)
    .where(
      and(
        q.cadreId ? eq(contactPoints.cadreId, q.cadreId) : eq(contactPoints.holderOrgId, q.holderOrgId ?? ''),
        eq(contactPoints.orgId, q.orgId),
        q.exceptId ? ne(contactPoints.id, q.exceptId) : undefined,
        q.to ? sql`${contactPoints.fromDate} <= ${q.to}` : undefined,
        or(isNull(contactPoints.toDate), sql`${contactPoints.toDate} >= ${q.from}`),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Activities of a tenure dated after a day: ending the tenure then would leave them outside it. */
export async function countActivitiesAfter(db: Db, pointId: string, day: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(activities)
    .where(and(eq(activities.pointId, pointId), gt(activities.endDate, day)));
  return Number(row?.n ?? 0);
}
