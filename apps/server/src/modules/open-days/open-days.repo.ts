import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { openDaySignups, openDays, organizations } from '../../platform/db/schema.ts';

const counted = {
  day: openDays,
  orgName: organizations.name,
  signedUp: sql<number>`(select count(*)::int from open_day_signups s where s.open_day_id = ${openDays.id})`,
  checkedIn: sql<number>`(select count(*)::int from open_day_signups s where s.open_day_id = ${openDays.id} and s.checked_in_at is not null)`,
};

export async function findOpenDay(db: Db, id: string) {
  const [row] = await db
    .select(counted)
    .from(openDays)
    .innerJoin(organizations, eq(organizations.id, openDays.orgId))
    .where(eq(openDays.id, id));
  return row ?? null;
}

export function openDaysOf(db: Db, orgId: string) {
  return db
    .select(counted)
    .from(openDays)
    .innerJoin(organizations, eq(organizations.id, openDays.orgId))
    .where(eq(openDays.orgId, orgId))
    .orderBy(asc(openDays.heldOn));
}

export function signupsOf(db: Db, openDayId: string) {
  return db
    .select()
    .from(openDaySignups)
    .where(eq(openDaySignups.openDayId, openDayId))
    .orderBy(asc(openDaySignups.createdAt), asc(openDaySignups.name));
}

export async function findSignup(db: Db, openDayId: string, id: string) {
  const [row] = await db
    .select()
    .from(openDaySignups)
    .where(and(eq(openDaySignups.openDayId, openDayId), eq(openDaySignups.id, id)));
  return row ?? null;
}
