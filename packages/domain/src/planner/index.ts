export { greedyPlan } from './greedy.ts';
export { plan } from './plan.ts';
export * from './problem.ts';
export {
  countiesFromCommittees,
  type SampleSize,
  sampleProgram,
  syntheticCounties,
} from './sample.ts';
export { checkPlan, SOFT_WEIGHTS, scorePlan } from './score.ts';
export { programKindsOfLevel, suggestBatches, suggestedBatchCount } from './suggest.ts';
export { type ParsedProblem, parseProblem } from './validate.ts';
