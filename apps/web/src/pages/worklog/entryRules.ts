import type { TActivityType } from '@lianxin/contracts';
import { activityDateProblems } from '@lianxin/domain';
import type { Dayjs } from 'dayjs';
import { type EntryValues, fieldsOf, isoDay } from './entryBody.ts';

export type EntryField = keyof EntryValues;
export type EntryErrors = Partial<Record<EntryField, string>>;

const blank = (v: unknown) => v === undefined || v === null || v === '';

/** A count: empty passes (the field's `required` says otherwise), else a whole number from `min`. */
function countError(v: number | undefined, min: number, message: string) {
  return blank(v) || (Number.isInteger(v) && (v as number) >= min) ? undefined : message;
}

const wholeCount = (label: string, v: number | undefined) => countError(v, 0, `${label}须为不小于 0 的整数`);

/** Work is recorded once done: no day after today (the server refuses it too). */
const pastDay = (label: string, d: Dayjs | undefined, today: Dayjs) => {
  if (!d) return `请填写${label}`;
  return d.isAfter(today, 'day') ? '日期不能晚于今天' : undefined;
};

/**
 * A visit's or a stay's span as the server checks it (the domain's rule, its words): the last day
 * not before the first, the travel days within the span.
 */
function spanError(field: 'end' | 'travelDays', v: EntryValues): string | undefined {
  const start = isoDay(v.start);
  const end = isoDay(v.end);
  if (!start || !end) return undefined;
  const travelDays = Number.isInteger(v.travelDays) ? v.travelDays : undefined;
  return activityDateProblems({ type: 'visit', start, end, travelDays }).find((p) => p.field === field)?.zh;
}

/**
 * What is wrong with one field of the quick entry form (its words, the same as the server's), or
 * undefined. The server checks every record again; these only save a round trip.
 */
export function entryFieldError(
  type: TActivityType,
  field: EntryField,
  v: EntryValues,
  today: Dayjs,
): string | undefined {
  switch (field) {
    case 'title':
      return type !== 'problem' && !v.title?.trim() ? '请填写标题' : undefined;
    case 'date':
      return type === 'work_item' ? undefined : pastDay('日期', v.date, today);
    case 'start':
      return pastDay('开始日期', v.start, today);
    case 'end':
      return pastDay('结束日期', v.end, today) ?? spanError('end', v);
    case 'travelDays':
      return wholeCount('在途天数', v.travelDays) ?? spanError('travelDays', v);
    case 'audience':
      return blank(v.audience) ? '请填写听众人数' : wholeCount('听众人数', v.audience);
    case 'outcome':
      return v.outcome?.trim() ? undefined : '请填写办理结果';
    case 'org':
      return v.org ? undefined : '请填写举办组织';
    case 'attendees':
      // a talk's head count stands in for naming each youth of a group talk
      if (type === 'talk') return countError(v.attendees, 2, '集体谈话至少 2 人');
      return blank(v.attendees) ? '请填写参加人数' : wholeCount('参加人数', v.attendees);
    case 'contacts':
      return type === 'talk' && (v.contacts?.length ?? 0) === 0 && !((v.attendees ?? 0) >= 2)
        ? '请点选至少一名谈话的青年，或填写集体谈话人数'
        : undefined;
    default:
      return undefined;
  }
}

/** Every field of the type that is wrong, with what is wrong with it. */
export function entryErrors(type: TActivityType, v: EntryValues, today: Dayjs): EntryErrors {
  const found: EntryErrors = {};
  for (const field of fieldsOf(type)) {
    const error = entryFieldError(type, field, v, today);
    if (error) found[field] = error;
  }
  return found;
}

/**
 * The fields whose rule reads another's value, checked again when it changes: a talk's youths on
 * its head count, a span's last day and travel days on its days.
 */
export const dependents: Partial<Record<EntryField, EntryField[]>> = {
  attendees: ['contacts'],
  start: ['end', 'travelDays'],
  end: ['travelDays'],
};
