import { cycleMilestones, cycleTargets, dueDate, filingState, type MilestoneKind } from '@lianxin/domain';
import { chinaToday } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Platform } from '../../platform/platform.ts';
import { presetsInForce } from './annual-cycle.repo.ts';

/** The year's calendar at an organization: milestones and targets of the presets in force there. */
export async function cycleAt(db: Db, orgPath: string, year: number) {
  const { presets, paramsOf } = await presetsInForce(db, orgPath);
  const milestones = cycleMilestones(presets, year, paramsOf);
  return {
    presets,
    paramsOf,
    milestones,
    targets: cycleTargets(presets.includes('baoji-2018-close-contact'), paramsOf),
    due: (kind: MilestoneKind, who: 'cadre' | 'org' = 'cadre') => dueDate(milestones, kind, who),
  };
}

/** Today in China time, the day filings are dated and deadlines compared with. */
export const today = (p: Platform) => chinaToday(p.clock);

/** A filing's state against a deadline; without a deadline in force, it is only filed or pending. */
export function stateOf(due: string | null, filedOn: string | null, asOf: string) {
  if (due === null) return filedOn ? ('on_time' as const) : ('pending' as const);
  return filingState(due, filedOn, asOf);
}
