export * from './activities.ts';
export * from './bilingual.ts';
export * from './compliance/index.ts';
export * from './divisions.ts';
export * from './org-tree.ts';
export * from './password-policy.ts';
export * from './personal-data.ts';
