import type { PostingPlan, PostingProblem } from '@lianxin/domain';
import { describe, expect, it } from 'vitest';
import { applyMove } from './plan-edit.ts';

const cadre = (id: string, grassrootsYears = 3) => ({
  id,
  organ: 'central',
  rank: 'division' as const,
  grassrootsYears,
  probationEndsOn: null,
  avoidBatches: [],
});

const problem: PostingProblem = {
  format: 'lianxin-posting/1',
  batches: [
    { id: 'b1', start: '2026-09-01' },
    { id: 'b2', start: '2027-03-01' },
  ],
  organs: [{ id: 'central', level: 'central' }],
  cadres: [cadre('c1'), cadre('c2'), cadre('c3'), cadre('c4', 1)],
  counties: ['k1', 'k2', 'k3', 'k4'].map((id) => ({
    id,
    prefecture: id < 'k3' ? 'p1' : 'p2',
    province: 'x',
  })),
};

const plan: PostingPlan = {
  assignments: [
    { cadre: 'c1', batch: 'b1', county: 'k1', group: 'g1', months: 4 },
    { cadre: 'c2', batch: 'b1', county: 'k2', group: 'g1', months: 4 },
    { cadre: 'c3', batch: 'b2', county: 'k3', group: 'g2', months: 4 },
  ],
  groups: [
    { id: 'g1', batch: 'b1', prefecture: 'p1', leader: 'c1', members: ['c1', 'c2'] },
    { id: 'g2', batch: 'b2', prefecture: 'p2', leader: 'c3', members: ['c3'] },
  ],
  unassigned: [{ cadre: 'c4', reason: 'test' }],
  violations: [],
  score: {} as PostingPlan['score'],
};

const edited = (r: ReturnType<typeof applyMove>) => {
  if ('problems' in r) throw new Error(JSON.stringify(r.problems));
  return r.plan;
};

describe('moving a cadre by hand', () => {
  it('moves the cadre into another group, and a leader who leaves leaves the group leaderless', () => {
    const next = edited(applyMove(problem, plan, 'c1', { batch: 'b2', county: 'k4', group: 'g2' }));
    expect(next.assignments.find((a) => a.cadre === 'c1')).toMatchObject({
      batch: 'b2',
      county: 'k4',
      group: 'g2',
    });
    expect(next.groups.find((g) => g.id === 'g1')).toMatchObject({ leader: null, members: ['c2'] });
    expect(next.groups.find((g) => g.id === 'g2')?.members).toEqual(['c3', 'c1']);
    // the stored plan is not touched
    expect(plan.groups[0]?.members).toEqual(['c1', 'c2']);
  });

  it('opens a new group in the target county’s prefecture, led by the cadre on request, and drops empty groups', () => {
    const next = edited(applyMove(problem, plan, 'c3', { county: 'k4', group: 'new', lead: true }));
    const group = next.groups.find((g) => g.members.includes('c3'));
    expect(group).toMatchObject({ batch: 'b2', prefecture: 'p2', leader: 'c3' });
    expect(group?.id).not.toBe('g2');
    expect(next.groups.some((g) => g.id === 'g2')).toBe(false);
  });

  it('places an unassigned cadre with the months the planner would propose', () => {
    const next = edited(applyMove(problem, plan, 'c4', { batch: 'b1', county: 'k3', group: 'g1' }));
    expect(next.assignments.find((a) => a.cadre === 'c4')?.months).toBe(6);
    expect(next.unassigned).toEqual([]);
  });

  it('names unknown batches, targets and groups instead of guessing', () => {
    const r = applyMove(problem, plan, 'c1', { batch: 'b9', county: 'k9', group: 'g9' });
    expect('problems' in r && r.problems.map((p) => p.path)).toEqual(['batch', 'county', 'group']);
    const unplaced = applyMove(problem, plan, 'c4', { months: 4 });
    expect('problems' in unplaced && unplaced.problems.map((p) => p.path)).toEqual(['batch']);
  });
});
