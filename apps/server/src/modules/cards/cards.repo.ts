import { and, desc, eq, gte, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
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

/** A cadre's ratings per score (满意度) and the card messages their problems came from. */
export async function feedbackCounts(db: Db, cadreId: string) {
  const scores = await db
    .select({ score: cardRatings.score, n: sql<number>`count(*)::int` })
    .from(cardRatings)
    .where(eq(cardRatings.cadreId, cadreId))
    .groupBy(cardRatings.score);
  const [messages] = await db
    .select({
      total: sql<number>`count(*)::int`,
      replied: sql<number>`count(${cardMessages.repliedAt})::int`,
    })
    .from(cardMessages)
    .innerJoin(activities, eq(activities.id, cardMessages.activityId))
    .where(eq(activities.cadreId, cadreId));
  return { scores, messages: messages ?? { total: 0, replied: 0 } };
}

/** The latest ratings of a cadre that came with a line of text. */
export function recentComments(db: Db, cadreId: string, limit: number) {
  return db
    .select({
      id: cardRatings.id,
      score: cardRatings.score,
      comment: cardRatings.comment,
      ratedOn: cardRatings.ratedOn,
    })
    .from(cardRatings)
    .where(and(eq(cardRatings.cadreId, cadreId), isNotNull(cardRatings.comment)))
    .orderBy(desc(cardRatings.createdAt))
    .limit(limit);
}
