import type { TPostingFigures } from '@lianxin/contracts';
import { and, eq, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  activities,
  activityContacts,
  contactPoints,
  contacts,
  organizations,
} from '../../platform/db/schema.ts';
import { subtreePattern } from '../organizations/organizations.repo.ts';

export interface PostingSpanFacts {
  cadreId: string;
  fromDate: string;
  toDate: string;
  /** the posted county's (or grassroots organization's) path */
  orgPath: string;
}

/** Activities of the cadre dated within the posting, at a point in the posted county or at no point. */
function duringPosting(s: PostingSpanFacts, atCountyOnly: boolean) {
  const atCounty = like(organizations.path, subtreePattern(s.orgPath));
  return and(
    eq(activities.cadreId, s.cadreId),
    sql`${activities.startDate} <= ${s.toDate}`,
    sql`coalesce(${activities.endDate}, ${activities.startDate}) >= ${s.fromDate}`,
    atCountyOnly ? atCounty : or(isNull(activities.pointId), atCounty),
  );
}

const text = (details: Record<string, unknown>, key: string) =>
  typeof details[key] === 'string' ? (details[key] as string) : '';

/**
 * What the work log holds of one posting (cyl2015.daily_log): friends made (cyl2015.friends: distinct
 * youths named in activities at the posted county during the posting), practical things done, cases
 * written up, work pushed.
 */
export async function postingFigures(db: Db, s: PostingSpanFacts): Promise<TPostingFigures> {
  const rows = await db
    .select({ type: activities.type, date: activities.startDate, details: activities.details })
    .from(activities)
    .leftJoin(contactPoints, eq(contactPoints.id, activities.pointId))
    .leftJoin(organizations, eq(organizations.id, contactPoints.orgId))
    .where(duringPosting(s, false))
    .orderBy(activities.startDate, activities.id);
  const [friends] = await db
    .select({ n: sql<number>`count(distinct ${activityContacts.contactId})::int` })
    .from(activities)
    .innerJoin(contactPoints, eq(contactPoints.id, activities.pointId))
    .innerJoin(organizations, eq(organizations.id, contactPoints.orgId))
    .innerJoin(activityContacts, eq(activityContacts.activityId, activities.id))
    .innerJoin(contacts, eq(contacts.id, activityContacts.contactId))
    .where(and(duringPosting(s, true), eq(contacts.role, 'youth')));
  const of = (type: string, key: string) =>
    rows.filter((r) => r.type === type).map((r) => ({ date: r.date, text: text(r.details, key) }));
  return {
    friends: Number(friends?.n ?? 0),
    practical: of('practical_help', 'outcome'),
    cases: of('case', 'title'),
    workPushed: of('work_item', 'title'),
    online: rows.filter((r) => r.type === 'online').length,
    activities: rows.length,
  };
}

/** A group's figures: the members' together (friends are counted per member, so they add up). */
export function sumFigures(all: TPostingFigures[]): TPostingFigures {
  return {
    friends: all.reduce((n, f) => n + f.friends, 0),
    practical: all.flatMap((f) => f.practical),
    cases: all.flatMap((f) => f.cases),
    workPushed: all.flatMap((f) => f.workPushed),
    online: all.reduce((n, f) => n + f.online, 0),
    activities: all.reduce((n, f) => n + f.activities, 0),
  };
}

const list = (items: { date: string | null; text: string }[]) =>
  items.length === 0
    ? '（暂无记录）'
    : items.map((i, n) => `${n + 1}. ${i.text}${i.date ? `（${i.date}）` : ''}`).join('\n');

/** The draft a summary starts from: the log's figures under the headings seed 002 asks about. */
export function draftText(title: string, f: TPostingFigures): string {
  return [
    title,
    '',
    `一、联系青年：在派驻地结识青年朋友 ${f.friends} 人，记录工作 ${f.activities} 项，网上工作 ${f.online} 次。`,
    '',
    '二、为青年办实事：',
    list(f.practical),
    '',
    '三、总结提炼的典型案例：',
    list(f.cases),
    '',
    '四、推动基层工作：',
    list(f.workPushed),
    '',
    '五、工作思考和建议：',
    '',
  ].join('\n');
}
