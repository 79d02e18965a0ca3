import { hasField, type TActivitySummary, type TAttachment, type TLedgerActivity } from '@lianxin/contracts';
import { onSiteDays } from '@lianxin/domain';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { chainedStatement } from '../../platform/audit.ts';
import { type Db, namedStatement, preparedPerDb } from '../../platform/db/client.ts';
import {
  activities,
  activityContacts,
  attachments,
  cadres,
  contactPoints,
  contacts,
  organizations,
} from '../../platform/db/schema.ts';

export type ActivityRow = typeof activities.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

export const cadreOrg = alias(organizations, 'cadre_org');
export const pointOrg = alias(organizations, 'point_org');

// written out in full: the subqueries must see the outer row
const attachmentCount = sql<number>`(select count(*)::int from attachments x where x.activity_id = activities.id)`;
const contactIdList = sql<
  string[]
>`coalesce((select json_agg(ac.contact_id order by ac.contact_id) from activity_contacts ac where ac.activity_id = activities.id), '[]'::json)`;

const columns = {
  activity: activities,
  cadreName: cadres.name,
  cadreOrgPath: cadreOrg.path,
  pointOrgPath: pointOrg.path,
  attachmentCount,
  contactIds: contactIdList,
};

export type ActivityView = {
  activity: ActivityRow;
  cadreName: string;
  cadreOrgPath: string;
  pointOrgPath: string | null;
  attachmentCount: number;
  contactIds: string[];
};

function selectActivities(db: Db) {
  return db
    .select(columns)
    .from(activities)
    .innerJoin(cadres, eq(cadres.id, activities.cadreId))
    .innerJoin(cadreOrg, eq(cadreOrg.id, cadres.orgId))
    .leftJoin(contactPoints, eq(contactPoints.id, activities.pointId))
    .leftJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId));
}

function countActivities(db: Db, where: SQL | undefined) {
  return db
    .select({ n: sql<number>`count(*)::int` })
    .from(activities)
    .innerJoin(cadres, eq(cadres.id, activities.cadreId))
    .innerJoin(cadreOrg, eq(cadreOrg.id, cadres.orgId))
    .leftJoin(contactPoints, eq(contactPoints.id, activities.pointId))
    .leftJoin(pointOrg, eq(pointOrg.id, contactPoints.orgId))
    .where(where);
}

const parseIds = (v: unknown): string[] => (typeof v === 'string' ? JSON.parse(v) : ((v as string[]) ?? []));

export async function findActivity(db: Db, id: string): Promise<ActivityView | null> {
  const [row] = await selectActivities(db).where(eq(activities.id, id));
  return row ? { ...row, contactIds: parseIds(row.contactIds) } : null;
}

/** One page, newest first (a visit or stay by the day it ends, policy-rules.md). */
export async function listActivities(db: Db, where: SQL | undefined, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([
    selectActivities(db)
      .where(where)
      .orderBy(
        sql`coalesce(${activities.endDate}, ${activities.startDate}) desc nulls last`,
        desc(activities.createdAt),
        activities.id,
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    countActivities(db, where),
  ]);
  return {
    items: items.map((r) => ({ ...r, contactIds: parseIds(r.contactIds) })) as ActivityView[],
    total: Number(total?.n ?? 0),
  };
}

/** Every activity of the given tenures, oldest first: the body of a point's ledger. */
export async function activitiesOfPoints(db: Db, pointIds: string[]): Promise<ActivityView[]> {
  if (pointIds.length === 0) return [];
  const rows = await selectActivities(db)
    .where(inArray(activities.pointId, pointIds))
    .orderBy(sql`coalesce(${activities.endDate}, ${activities.startDate}) nulls last`, activities.createdAt);
  return rows.map((r) => ({ ...r, contactIds: parseIds(r.contactIds) }));
}

/** The interchange record of a stored activity: the dates and the type's fields back in place. */
export function toLedgerActivity(a: ActivityRow, contactIds: string[]): TLedgerActivity {
  const record: Record<string, unknown> = { id: a.id, cadre: a.cadreId, type: a.type };
  if (contactIds.length > 0) record.contacts = contactIds;
  if (a.pointId) record.point = a.pointId;
  if (a.note !== null) record.note = a.note;
  Object.assign(record, a.details);
  if (hasField(a.type, 'start')) {
    record.start = a.startDate;
    record.end = a.endDate;
    if (hasField(a.type, 'travelDays')) record.travelDays = a.travelDays ?? 0;
  } else if (a.startDate) {
    record.date = a.startDate;
  }
  return record as TLedgerActivity;
}

/** How an interchange record is stored: dates in columns, the type's own fields in `details`. */
export function toActivityRow(r: TLedgerActivity): Omit<ActivityRow, 'createdAt'> {
  const {
    id,
    cadre,
    type,
    contacts: _c,
    point,
    note,
    ...rest
  } = r as Record<string, unknown> & TLedgerActivity;
  const { start, end, date, travelDays, ...details } = rest as Record<string, unknown>;
  return {
    id,
    cadreId: cadre,
    type,
    pointId: (point as string | undefined) ?? null,
    startDate: ((start ?? date) as string | undefined) ?? null,
    endDate: ((end ?? date) as string | undefined) ?? null,
    travelDays: (travelDays as number | undefined) ?? null,
    details,
    note: (note as string | undefined) ?? null,
  };
}

export function toActivitySummary(v: ActivityView): TActivitySummary {
  const a = v.activity;
  const d = a.details as Record<string, unknown>;
  const spanned = hasField(a.type, 'start');
  const travels = hasField(a.type, 'travelDays');
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  return {
    id: a.id,
    type: a.type as TActivitySummary['type'],
    cadreId: a.cadreId,
    cadreName: v.cadreName,
    pointId: a.pointId,
    start: spanned ? a.startDate : null,
    end: spanned ? a.endDate : null,
    date: spanned ? null : a.startDate,
    travelDays: travels ? (a.travelDays ?? 0) : null,
    onSiteDays:
      travels && a.startDate && a.endDate
        ? onSiteDays({ start: a.startDate, end: a.endDate, travelDays: a.travelDays ?? 0 })
        : null,
    title: str('title'),
    status: str('status'),
    assignee: str('assignee'),
    dueOn: str('dueOn'),
    passedTo: str('passedTo') as TActivitySummary['passedTo'],
    answer: str('answer'),
    reply: str('reply'),
    repliedOn: str('repliedOn'),
    origin: str('origin') === 'card' ? 'card' : null,
    contactIds: v.contactIds,
    note: a.note,
    attachmentCount: Number(v.attachmentCount),
  };
}

const field = sql.placeholder;
/** The activity and its contacts as CTEs `a`, `c`, written `when` the statement says (see activityValues). */
const activityCtes = (when: SQL) => sql`a as (
    insert into activities (id, cadre_id, type, point_id, start_date, end_date, travel_days, details, note)
    select ${field('id')}, ${field('cadreId')}, ${field('type')}, ${field('pointId')}, ${field('startDate')}::date,
           ${field('endDate')}::date, ${field('travelDays')}::int, ${field('details')}::jsonb, ${field('note')}
    ${when} returning id, created_at),
  c as (insert into activity_contacts (activity_id, contact_id)
    select a.id, x from a, unnest(${field('contactIds')}::text[]) x)`;

/**
 * A recorded activity, its contacts and its audit row in one statement (AuditLog.write): the
 * request's one write is a single round trip. An id taken already (a draft sent twice) raises a
 * unique violation, and nothing is written.
 */
export const activityCreate = chainedStatement('activity_create', {
  ctes: activityCtes(sql`from chain`),
  answer: sql`(select created_at from a) as at`,
});

/** The same inserts inside a transaction that appends its own audit row (a card's message). */
const activityInsert = namedStatement('activity_insert', sql`with ${activityCtes(sql``)} select 1`);

export function activityValues(row: Omit<ActivityRow, 'createdAt'>, contactIds: string[]) {
  return { ...row, details: JSON.stringify(row.details), contactIds };
}

export async function insertActivity(tx: Db, row: Omit<ActivityRow, 'createdAt'>, contactIds: string[]) {
  await activityInsert(tx).execute(activityValues(row, contactIds));
}

/** When activityCreate's row was created: node-postgres answers a raw timestamptz as text, PGlite as a Date. */
export const createdAtOf = (row: { at: Date | string }) => new Date(row.at);

export type NamedContact = { id: string; name: string; kept: boolean };

/**
 * What recording work for a cadre needs to know, in one read: the cadre with their organization
 * (name, path: the access decision), and the contacts named with their names and whether the cadre
 * keeps each. Null: no such cadre.
 */
export async function cadreWithContacts(db: Db, cadreId: string, contactIds: string[]) {
  const [row] = await cadreWithContactsRead(db).execute({ cadreId, contactIds });
  if (!row) return null;
  const { named: list, ...view } = row;
  return { view, named: typeof list === 'string' ? (JSON.parse(list) as NamedContact[]) : list };
}

const cadreWithContactsRead = preparedPerDb((db) =>
  db
    .select({
      cadre: cadres,
      orgName: organizations.name,
      orgPath: organizations.path,
      named: sql<NamedContact[] | string>`coalesce((
        select json_agg(json_build_object('id', x.id, 'name', x.name, 'kept', exists (
          select 1 from contact_keepers k where k.contact_id = x.id and k.cadre_id = ${cadres.id})))
        from contacts x where x.id = any(${sql.placeholder('contactIds')}::text[])), '[]'::json)`,
    })
    .from(cadres)
    .innerJoin(organizations, eq(organizations.id, cadres.orgId))
    .where(eq(cadres.id, sql.placeholder('cadreId')))
    .prepare('cadre_with_contacts'),
);

export async function replaceActivity(db: Db, row: Omit<ActivityRow, 'createdAt'>, contactIds: string[]) {
  const { id, ...rest } = row;
  await db.update(activities).set(rest).where(eq(activities.id, id));
  await db.delete(activityContacts).where(eq(activityContacts.activityId, id));
  if (contactIds.length > 0)
    await db.insert(activityContacts).values(contactIds.map((contactId) => ({ activityId: id, contactId })));
}

/** Deletes the activity and its attachments' rows; answers the contents they referred to. */
export async function deleteActivity(db: Db, id: string): Promise<string[]> {
  const files = await db
    .delete(attachments)
    .where(eq(attachments.activityId, id))
    .returning({ sha256: attachments.sha256 });
  await db.delete(activities).where(eq(activities.id, id));
  return files.map((f) => f.sha256);
}

/** These contacts' names, and whether the cadre keeps each (contact_keepers), in one read. */
export async function contactsKeptBy(db: Db, cadreId: string | null, ids: string[]) {
  if (ids.length === 0) return [];
  const kept = cadreId
    ? sql<boolean>`exists (select 1 from contact_keepers k where k.contact_id = ${contacts.id} and k.cadre_id = ${cadreId})`
    : sql<boolean>`false`;
  return db
    .select({ id: contacts.id, name: contacts.name, kept })
    .from(contacts)
    .where(inArray(contacts.id, ids));
}

/** Of these contacts, those already named in an activity of the given tenures: linked to the point. */
export async function namedAtPoints(db: Db, pointIds: string[], ids: string[]): Promise<Set<string>> {
  if (ids.length === 0 || pointIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: activityContacts.contactId })
    .from(activityContacts)
    .innerJoin(activities, eq(activities.id, activityContacts.activityId))
    .where(and(inArray(activities.pointId, pointIds), inArray(activityContacts.contactId, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function attachmentsOf(db: Db, activityIds: string[]): Promise<Map<string, TAttachment[]>> {
  const out = new Map<string, TAttachment[]>();
  if (activityIds.length === 0) return out;
  const rows = await db
    .select()
    .from(attachments)
    .where(inArray(attachments.activityId, activityIds))
    .orderBy(attachments.createdAt, attachments.id);
  for (const r of rows) {
    const list = out.get(r.activityId) ?? [];
    list.push(toAttachmentDto(r));
    out.set(r.activityId, list);
  }
  return out;
}

export function toAttachmentDto(r: AttachmentRow): TAttachment {
  return {
    id: r.id,
    activityId: r.activityId,
    fileName: r.fileName,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function findAttachment(db: Db, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}
