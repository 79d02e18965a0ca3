import type {
  TActivityType,
  TCreateActivityRequest,
  TLedgerActivity,
  TUpdateActivityRequest,
} from '@lianxin/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** The quick entry's form values, for every type; each type reads the ones it has. */
export interface EntryValues {
  date?: Dayjs;
  start?: Dayjs;
  end?: Dayjs;
  travelDays?: number;
  mode?: 'face_to_face' | 'phone' | 'online';
  channel?: 'wechat' | 'qq' | 'weibo' | 'phone' | 'other';
  kind?: 'culture_sports' | 'social' | 'skills' | 'volunteer' | 'other';
  audience?: number;
  outcome?: string;
  title?: string;
  workStatus?: 'planned' | 'in_progress' | 'done';
  problemStatus?: 'open' | 'in_progress' | 'resolved' | 'escalated';
  org?: string;
  attendees?: number;
  point?: string | null;
  contacts?: string[];
  note?: string;
  /** a visit's problems found (问题清单), each raised as a problem of its own when the visit is saved */
  problems?: (string | undefined)[];
}

/** A form's day as the interchange writes it (YYYY-MM-DD), '' when none. */
export const isoDay = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** The interchange record of one entry; the server checks it again. */
export function entryBody(
  type: TActivityType,
  v: EntryValues,
  id: string,
  cadre: string,
): TCreateActivityRequest & { id: string } {
  const common = {
    id,
    cadre,
    ...(v.point ? { point: v.point } : {}),
    ...(v.contacts && v.contacts.length > 0 ? { contacts: v.contacts } : {}),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  };
  const date = isoDay(v.date);
  const title = v.title?.trim() ?? '';
  switch (type) {
    case 'visit':
      return { ...common, type, start: isoDay(v.start), end: isoDay(v.end), travelDays: v.travelDays ?? 0 };
    case 'live_with':
      return { ...common, type, start: isoDay(v.start), end: isoDay(v.end) };
    case 'lecture':
      return { ...common, type, date, audience: v.audience ?? 0 };
    case 'talk':
      return {
        ...common,
        type,
        date,
        mode: v.mode ?? 'face_to_face',
        ...(v.attendees !== undefined && v.attendees !== null ? { attendees: v.attendees } : {}),
      };
    case 'online':
      return { ...common, type, date, channel: v.channel ?? 'wechat' };
    case 'event':
      return { ...common, type, date, kind: v.kind ?? 'other' };
    case 'leader_meeting':
      return { ...common, type, date };
    case 'practical_help':
      return { ...common, type, date, outcome: v.outcome?.trim() ?? '' };
    case 'work_item':
      return { ...common, type, title, status: v.workStatus ?? 'planned', ...(date ? { date } : {}) };
    case 'case':
    case 'article':
    case 'system':
    case 'research_report':
      return { ...common, type, date, title };
    case 'open_day':
      return { ...common, type, date, org: v.org ?? '', attendees: v.attendees ?? 0 };
    case 'problem':
      return { ...common, type, date, status: v.problemStatus ?? 'open', ...(title ? { title } : {}) };
  }
}

/** The form's values of a stored record, to correct it with the same form. */
export function entryValues(r: TLedgerActivity): EntryValues {
  const day = (s: string | undefined) => (s ? dayjs(s) : undefined);
  return {
    date: day('date' in r ? r.date : undefined),
    start: day('start' in r ? r.start : undefined),
    end: day('end' in r ? r.end : undefined),
    travelDays: 'travelDays' in r ? r.travelDays : undefined,
    mode: 'mode' in r ? r.mode : undefined,
    channel: 'channel' in r ? r.channel : undefined,
    kind: 'kind' in r ? r.kind : undefined,
    audience: 'audience' in r ? r.audience : undefined,
    outcome: 'outcome' in r ? r.outcome : undefined,
    title: 'title' in r ? r.title : undefined,
    workStatus: r.type === 'work_item' ? r.status : undefined,
    problemStatus: r.type === 'problem' ? r.status : undefined,
    org: 'org' in r ? r.org : undefined,
    attendees: 'attendees' in r ? r.attendees : undefined,
    point: r.point ?? null,
    contacts: r.contacts ?? [],
    note: r.note,
  };
}

/**
 * The change that makes a stored record what the form now says. An optional field the form left
 * empty is sent as null (or no contacts), so clearing it removes it: the point, the note, the
 * contacts, a problem's title and a work item's date.
 */
export function entryPatch(type: TActivityType, v: EntryValues): TUpdateActivityRequest {
  const { id: _id, cadre: _cadre, type: _type, ...fields } = entryBody(type, v, '', '');
  return {
    point: null,
    note: null,
    contacts: [],
    ...(type === 'problem' ? { title: null } : {}),
    ...(type === 'work_item' ? { date: null } : {}),
    ...(type === 'talk' ? { attendees: null } : {}),
    ...fields,
  };
}

/**
 * The problems a visit found, each a 问题清单 record of its own dated the visit's last day, at the
 * same point and with the same youths: one entry on the phone, as many records as problems.
 */
export function visitProblemBodies(
  v: EntryValues,
  cadre: string,
  makeId: () => string,
): (TCreateActivityRequest & { id: string })[] {
  const date = isoDay(v.end ?? v.date);
  return (v.problems ?? [])
    .map((t) => t?.trim() ?? '')
    .filter((t) => t.length > 0)
    .map((title) => ({
      id: makeId(),
      cadre,
      type: 'problem' as const,
      date,
      status: 'open' as const,
      title: title.slice(0, 200),
      ...(v.point ? { point: v.point } : {}),
      ...(v.contacts && v.contacts.length > 0 ? { contacts: v.contacts } : {}),
    }));
}

/** The dates an entry was given, in words: 2026-03-02 or 2026-03-02 至 2026-03-06. */
export function entryWhen(type: TActivityType, v: EntryValues): string {
  const fields = fieldsOf(type);
  if (fields.includes('start')) {
    const from = isoDay(v.start);
    const to = isoDay(v.end);
    return from === to ? from : `${from} 至 ${to}`;
  }
  return isoDay(v.date) || '未定日期';
}

/** The year an entry counts in (a visit counts on the day it ends). */
export function entryYear(type: TActivityType, v: EntryValues): number {
  const d = fieldsOf(type).includes('start') ? v.end : v.date;
  return (d ?? dayjs()).year();
}

/** The form fields each type shows, in order (the server names the same in its error details). */
export function fieldsOf(type: TActivityType): (keyof EntryValues)[] {
  const tail: (keyof EntryValues)[] = ['point', 'contacts', 'note'];
  switch (type) {
    case 'visit':
      return ['start', 'end', 'travelDays', ...tail];
    case 'live_with':
      return ['start', 'end', ...tail];
    case 'lecture':
      return ['date', 'audience', ...tail];
    case 'talk':
      return ['mode', 'date', 'attendees', ...tail];
    case 'online':
      return ['channel', 'date', ...tail];
    case 'event':
      return ['kind', 'date', ...tail];
    case 'leader_meeting':
      return ['date', ...tail];
    case 'practical_help':
      return ['date', 'outcome', ...tail];
    case 'work_item':
      return ['title', 'workStatus', 'date', ...tail];
    case 'case':
    case 'article':
    case 'system':
    case 'research_report':
      return ['title', 'date', ...tail];
    case 'open_day':
      return ['date', 'org', 'attendees', ...tail];
    case 'problem':
      return ['title', 'date', 'problemStatus', ...tail];
  }
}
