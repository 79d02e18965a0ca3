export * from './bulletin.ts';
export * from './periods.ts';
