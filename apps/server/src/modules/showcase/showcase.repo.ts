import { and, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { subtreePattern } from '../../platform/db/like.ts';
import {
  activities,
  activityContacts,
  cadres,
  contactKeepers,
  contactPoints,
  contacts,
  organizations,
  publishedCases,
} from '../../platform/db/schema.ts';

const authorOrg = alias(organizations, 'author_org');
const pointOrg = alias(organizations, 'point_org');
const caseOrg = alias(organizations, 'case_org');

/** How many cases a list or a showcase answers at most, newest first. */
const LIMIT = 200;

/**
 * The case activities whose organization (the point's, else the author's) lies in the subtree of
 * `path`, within `scope` (the reader's activity scope), with their publication if any.
 */
export async function casesUnder(
  db: Db,
  path: string,
  scopeOf: (joined: { cadreOrgPath: PgColumn; pointOrgPath: PgColumn }) => Promise<SQL | undefined>,
) {
  const scope = await scopeOf({ cadreOrgPath: authorOrg.path, pointOrgPath: pointOrg.path });
  return db
    .select({
      id: activities.id,
      cadreId: activities.cadreId,
      cadreName: cadres.name,
      date: activities.startDate,
      details: activities.details,
      note: activities.note,
      orgId: sql<string>`coalesce(${pointOrg.id}, ${authorOrg.id})`,
      orgName: sql<string>`coalesce(${pointOrg.name}, ${authorOrg.name})`,
      published: publishedCases,
    })
    .from(activities)
    .innerJoin(cadres, eq(cadres.id, activities.cadreId))
    .innerJoin(authorOrg, eq(authorOrg.id, cadres.orgId))
    .leftJoin(contactPoints, eq(contactPoints.id, activities.pointId))
    .leftJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId))
    .leftJoin(publishedCases, eq(publishedCases.activityId, activities.id))
    .where(
      and(
        eq(activities.type, 'case'),
        sql`coalesce(${pointOrg.path}, ${authorOrg.path}) like ${subtreePattern(path)}`,
        scope,
      ),
    )
    .orderBy(desc(activities.startDate), activities.id)
    .limit(LIMIT);
}

/** A case activity with its author and the organization it is published under (its point's, else its author's). */
export async function findCase(db: Db, activityId: string) {
  const [row] = await db
    .select({
      id: activities.id,
      cadreId: activities.cadreId,
      date: activities.startDate,
      orgId: sql<string>`coalesce(${pointOrg.id}, ${authorOrg.id})`,
    })
    .from(activities)
    .innerJoin(cadres, eq(cadres.id, activities.cadreId))
    .innerJoin(authorOrg, eq(authorOrg.id, cadres.orgId))
    .leftJoin(contactPoints, eq(contactPoints.id, activities.pointId))
    .leftJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId))
    .where(and(eq(activities.id, activityId), eq(activities.type, 'case')));
  return row ?? null;
}

/**
 * The names a published case must not carry: the youths it names and those its author keeps (a
 * case is written about the people the cadre knows). For a batch of cases, in two queries.
 */
export async function namesNear(db: Db, cases: readonly { id: string; cadreId: string }[]) {
  if (cases.length === 0) return new Map<string, string[]>();
  const named = await db
    .select({ key: activityContacts.activityId, name: contacts.name })
    .from(activityContacts)
    .innerJoin(contacts, eq(contacts.id, activityContacts.contactId))
    .where(
      inArray(
        activityContacts.activityId,
        cases.map((c) => c.id),
      ),
    );
  const kept = await db
    .select({ key: contactKeepers.cadreId, name: contacts.name })
    .from(contactKeepers)
    .innerJoin(contacts, eq(contacts.id, contactKeepers.contactId))
    .where(inArray(contactKeepers.cadreId, [...new Set(cases.map((c) => c.cadreId))]));
  const of = (list: { key: string; name: string }[], key: string) =>
    list.filter((r) => r.key === key).map((r) => r.name.trim());
  return new Map(
    cases.map((c) => [
      c.id,
      [...new Set([...of(named, c.id), ...of(kept, c.cadreId)])].filter((n) => n.length > 0),
    ]),
  );
}

/** The published cases of the subtree of `path`, newest case first. */
export function publishedUnder(db: Db, path: string) {
  return db
    .select({
      id: publishedCases.activityId,
      title: publishedCases.title,
      body: publishedCases.body,
      orgId: publishedCases.orgId,
      orgName: caseOrg.name,
      date: activities.startDate,
      publishedAt: publishedCases.publishedAt,
    })
    .from(publishedCases)
    .innerJoin(caseOrg, eq(caseOrg.id, publishedCases.orgId))
    .innerJoin(activities, eq(activities.id, publishedCases.activityId))
    .where(like(caseOrg.path, subtreePattern(path)))
    .orderBy(desc(activities.startDate), desc(publishedCases.publishedAt))
    .limit(LIMIT);
}
