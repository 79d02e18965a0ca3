export * from './grades.ts';
export * from './milestones.ts';
export { drawSpotCheckSample } from './sampling.ts';
export * from './targets.ts';
