import { describe, expect, it } from 'vitest';
import {
  cycleMilestones,
  dueDate,
  dueItems,
  filingState,
  presetRuleParams,
  tightenedParams,
} from './milestones.ts';
import { cycleTargets } from './targets.ts';

describe('annual-cycle deadlines', () => {
  const baoji = cycleMilestones(['baoji-2018-close-contact'], 2026);

  it('sets the seed 001 deadlines from the preset', () => {
    expect(dueDate(baoji, 'task_list', 'cadre')).toBe('2026-01-31');
    expect(dueDate(baoji, 'midyear_report', 'cadre')).toBe('2026-06-30');
    expect(dueDate(baoji, 'research_report', 'cadre')).toBe('2026-10-31');
    expect(dueDate(baoji, 'report_recommendation', 'org')).toBe('2026-12-31');
    expect(baoji.map((m) => m.due)).toEqual([...baoji.map((m) => m.due)].sort());
  });

  it('follows a deadline a lower level tightened, and ignores one it tried to loosen', () => {
    const levels = [{ by: '01-20' }, { by: '02-15' }, { by: '01-15' }];
    const params = tightenedParams('baoji2018.task_list_filed', levels);
    const ms = cycleMilestones(['baoji-2018-close-contact'], 2026, (id) =>
      id === 'baoji2018.task_list_filed' ? params : undefined,
    );
    expect(dueDate(ms, 'task_list', 'cadre')).toBe('2026-01-15');
    const loosened = tightenedParams('baoji2018.task_list_filed', [{ by: '03-01' }]);
    expect(presetRuleParams('baoji2018.task_list_filed')).toEqual(loosened);
  });

  it('adds the milestones of other presets in force, and none for a preset without a cycle', () => {
    const ms = cycleMilestones(['baoji-2018-close-contact', 'guangdong-2006-contact-points'], 2026);
    expect(dueDate(ms, 'point_registration', 'org')).toBe('2026-02-28');
    expect(cycleMilestones(['cyl-2014-contact-points'], 2026)).toEqual([]);
  });

  it('tells a late filing from an on-time one, and a missing one from a pending one', () => {
    expect(filingState('2026-01-31', '2026-01-31', '2026-03-01')).toBe('on_time');
    expect(filingState('2026-01-31', '2026-02-01', '2026-03-01')).toBe('late');
    expect(filingState('2026-01-31', null, '2026-01-31')).toBe('pending');
    expect(filingState('2026-01-31', null, '2026-02-01')).toBe('missing');
  });

  it('lists what is due within the reminder window and what is overdue, not what is done', () => {
    const cadre = baoji.filter((m) => m.who === 'cadre');
    const items = dueItems(cadre, (m) => m.kind === 'task_list', '2026-06-10', 30);
    expect(items.map((i) => [i.milestone.kind, i.state, i.daysLeft])).toEqual([
      ['midyear_report', 'pending', 20],
    ]);
    const late = dueItems(cadre, () => false, '2026-02-10', 30);
    expect(late.map((i) => [i.milestone.kind, i.state, i.daysLeft])).toEqual([['task_list', 'missing', -10]]);
  });
});

describe('self-check targets', () => {
  it('reads the seed 001 figures, tightened where a level tightened them', () => {
    const targets = cycleTargets(true, (id) =>
      id === 'baoji2018.lectures' ? tightenedParams(id, [{ lectures: 6 }]) : presetRuleParams(id),
    );
    expect(targets).toEqual({
      lectures: 6,
      visits: 10,
      grassrootsDays: 60,
      youthsMet: 100,
      leagueCadresTalked: 20,
      researchReports: 1,
    });
    expect(cycleTargets(false, presetRuleParams)).toBeNull();
  });
});
