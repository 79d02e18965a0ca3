import { describe, expect, it } from 'vitest';
import { activityDateProblems, countingDate, isRealDate, onSiteDays, spanDays } from './activities.ts';

describe('activity dates', () => {
  it('counts on-site days as the span less travel days', () => {
    expect(spanDays('2026-03-02', '2026-03-08')).toBe(7);
    expect(onSiteDays({ start: '2026-03-02', end: '2026-03-08', travelDays: 1 })).toBe(6);
    expect(onSiteDays({ start: '2025-12-30', end: '2026-01-02', travelDays: 0 })).toBe(4);
  });

  it('rejects travel days beyond the visit, an end before the start, and impossible dates', () => {
    expect(
      activityDateProblems({ type: 'visit', start: '2026-03-02', end: '2026-03-04', travelDays: 3 }),
    ).toEqual([]);
    expect(
      activityDateProblems({ type: 'visit', start: '2026-03-02', end: '2026-03-04', travelDays: 4 })[0]
        ?.field,
    ).toBe('travelDays');
    expect(
      activityDateProblems({ type: 'visit', start: '2026-03-05', end: '2026-03-04', travelDays: 0 })[0]
        ?.field,
    ).toBe('end');
    expect(activityDateProblems({ type: 'talk', date: '2026-02-30' })[0]?.field).toBe('date');
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
  });

  it('refuses dates after today when today is given, except a planned work item', () => {
    const today = '2026-12-05';
    expect(activityDateProblems({ type: 'talk', date: '2026-12-05' }, { today })).toEqual([]);
    expect(activityDateProblems({ type: 'talk', date: '2026-12-06' }, { today })[0]?.field).toBe('date');
    expect(activityDateProblems({ type: 'talk', date: '2026-12-06' })).toEqual([]);
    expect(
      activityDateProblems(
        { type: 'visit', start: '2026-12-04', end: '2026-12-07', travelDays: 0 },
        { today },
      ).map((p) => p.field),
    ).toEqual(['end']);
    expect(
      activityDateProblems({ type: 'work_item', status: 'planned', date: '2027-01-10' }, { today }),
    ).toEqual([]);
    expect(
      activityDateProblems({ type: 'work_item', status: 'done', date: '2027-01-10' }, { today }),
    ).toHaveLength(1);
  });

  it('files a visit under the day it ends', () => {
    expect(countingDate({ type: 'visit', start: '2025-12-29', end: '2026-01-03' })).toBe('2026-01-03');
    expect(countingDate({ type: 'lecture', date: '2025-12-31' })).toBe('2025-12-31');
  });
});
