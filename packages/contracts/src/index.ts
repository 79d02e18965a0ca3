export * from './auth.ts';
export * from './common.ts';
export * from './enums.ts';
export * from './imports.ts';
export * from './ledger.ts';
export * from './organizations.ts';
export * from './people.ts';
