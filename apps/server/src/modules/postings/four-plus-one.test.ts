import { describe, expect, it } from 'vitest';
import { countsAsGrassrootsDay, mondayOf, weeklyView, weeksUntil } from './four-plus-one.ts';

const act = (cadreId: string, type: string, start: string, end = start, mode: string | null = null) => ({
  cadreId,
  type,
  start,
  end,
  mode,
});

describe('"4+1": a day a week among grassroots youth', () => {
  it('counts visits, stays, events, lectures and face-to-face talks, not phone calls or meetings', () => {
    expect(countsAsGrassrootsDay(act('a', 'visit', '2026-03-02'))).toBe(true);
    expect(countsAsGrassrootsDay(act('a', 'talk', '2026-03-02', '2026-03-02', 'face_to_face'))).toBe(true);
    expect(countsAsGrassrootsDay(act('a', 'talk', '2026-03-02', '2026-03-02', 'phone'))).toBe(false);
    expect(countsAsGrassrootsDay(act('a', 'leader_meeting', '2026-03-02'))).toBe(false);
  });

  it('runs weeks Monday to Sunday', () => {
    expect(mondayOf('2026-03-01')).toBe('2026-02-23'); // a Sunday
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(weeksUntil('2026-03-04', 3)).toEqual({
      weeks: ['2026-02-16', '2026-02-23', '2026-03-02'],
      from: '2026-02-16',
      to: '2026-03-08',
    });
  });

  it('shows who missed a finished week, not the week still running', () => {
    const span = weeksUntil('2026-03-04', 3);
    const view = weeklyView(
      [
        { id: 'a', name: '甲' },
        { id: 'b', name: '乙' },
      ],
      [
        // a stay over a weekend covers two weeks
        act('a', 'live_with', '2026-02-21', '2026-02-23'),
        act('b', 'event', '2026-02-18'),
        act('b', 'talk', '2026-02-25', '2026-02-25', 'phone'),
      ],
      span,
      '2026-03-04',
    );
    expect(view.currentWeek).toBe('2026-03-02');
    expect(view.cadres[0]).toMatchObject({
      days: [['2026-02-21', '2026-02-22'], ['2026-02-23'], []],
      missed: 0,
    });
    expect(view.cadres[1]).toMatchObject({ days: [['2026-02-18'], [], []], missed: 1 });
  });
});
