// The compliance engine's public face: presets as data, facts in, results out (decision 8).
export type { EvaluateOptions, PresetAdoption } from './context.ts';
export {
  type Branches,
  type BranchFigures,
  type DashboardFigures,
  dashboardFigures,
  gradedResults,
  headline,
  type LaggardFigures,
  laggardFigures,
  monthEnds,
  type Page,
  pageOf,
  type RuleFigures,
  ruleFigures,
} from './dashboard.ts';
export { addDays, firstMonday } from './dates.ts';
export { evaluate, evaluationSteps } from './engine.ts';
export type * from './facts.ts';
export { UNLISTED } from './facts.ts';
export { factsFromLedger, presetsInForceFromLedger } from './from-ledger.ts';
export type * from './ledger.ts';
export {
  type Param,
  type ParamOverrides,
  type Params,
  type ParamUnit,
  type TightenError,
  type TightenErrorCode,
  type TightenResult,
  tighten,
} from './params.ts';
export { countStatuses, isAdvisoryResult, passRate, type StatusCounts } from './pass-rate.ts';
export { ALL_RULES, PRESETS, ruleById } from './presets.ts';
export { isAdvisory, type PresetDef, type RuleDef } from './rule.ts';
export * from './types.ts';
