import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  activities,
  cardMessages,
  cardRatings,
  contactPoints,
  organizations,
  publicCards,
} from '../../platform/db/schema.ts';

export type CardRow = typeof publicCards.$inferSelect;
export type CardMessageRow = typeof cardMessages.$inferSelect;

/** Whose card: a cadre's, or a contact point's (a tenure's). */
export type CardOwner = { cadre: string } | { point: string };

export async function findCard(
  db: Db,
  by: { id: string } | { token: string } | CardOwner,
): Promise<CardRow | null> {
  const where =
    'id' in by
      ? eq(publicCards.id, by.id)
      : 'token' in by
        ? eq(publicCards.token, by.token)
        : 'cadre' in by
          ? eq(publicCards.cadreId, by.cadre)
          : eq(publicCards.pointId, by.point);
  const [row] = await db.select().from(publicCards).where(where);
  return row ?? null;
}

/** The organizations of the points a cadre holds on `day`, by name. */
export async function heldPointNames(db: Db, cadreId: string, day: string) {
  const held = and(
    lte(contactPoints.fromDate, day),
    or(isNull(contactPoints.toDate), gte(contactPoints.toDate, day)),
  );
  const rows = await db
    .select({ name: organizations.name })
    .from(contactPoints)
    .innerJoin(organizations, eq(organizations.id, contactPoints.orgId))
    .where(and(eq(contactPoints.cadreId, cadreId), held))
    .orderBy(organizations.path);
  return [...new Set(rows.map((r) => r.name))];
}

export async function findMessage(
  db: Db,
  by: { id: string } | { codeHash: string } | { activityId: string },
) {
  const where =
    'id' in by
      ? eq(cardMessages.id, by.id)
      : 'codeHash' in by
        ? eq(cardMessages.codeHash, by.codeHash)
        : eq(cardMessages.activityId, by.activityId);
  const [row] = await db
    .select({ message: cardMessages, activity: activities, ratingId: cardRatings.id })
    .from(cardMessages)
    .innerJoin(activities, eq(activities.id, cardMessages.activityId))
    .leftJoin(cardRatings, eq(cardRatings.messageId, cardMessages.id))
    .where(where);
  return row ?? null;
}
