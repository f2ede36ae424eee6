export type { Checked } from './check';
export * from './bank-account';
export * from './mask';
export * from './mobile';
export * from './resident-id';
export * from './uscc';
