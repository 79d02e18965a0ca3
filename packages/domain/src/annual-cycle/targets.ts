import { num } from '../compliance/params.ts';
import type { ParamsOf } from './milestones.ts';

/** The yearly figures a self-check reports against (seed 001, 四项重点任务), read from the rules in force. */
export interface CycleTargets {
  lectures: number;
  visits: number;
  grassrootsDays: number;
  youthsMet: number;
  leagueCadresTalked: number;
  researchReports: number;
}

/** The targets of baoji2018 as the caller's levels tightened them; null where the preset is not in force. */
export function cycleTargets(presetInForce: boolean, paramsOf: ParamsOf): CycleTargets | null {
  if (!presetInForce) return null;
  const read = (rule: string, param: string) => {
    const params = paramsOf(rule);
    if (!params) throw new Error(`No rule ${rule}`);
    return num(params, param);
  };
  return {
    lectures: read('baoji2018.lectures', 'lectures'),
    visits: read('baoji2018.visits', 'visits'),
    grassrootsDays: read('baoji2018.grassroots_time', 'days'),
    youthsMet: read('baoji2018.youths_met', 'youths'),
    leagueCadresTalked: read('baoji2018.cadre_talks', 'cadres'),
    // 每年年初确定1个调研课题: one report a year, a fact of the seed rather than a parameter
    researchReports: 1,
  };
}
