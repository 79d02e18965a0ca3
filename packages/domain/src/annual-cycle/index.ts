export * from './grades.ts';
export * from './milestones.ts';
export * from './sampling.ts';
export * from './targets.ts';
