export * from './dates';
export * from './money';
export * from './calendar';
export * from './deadlines';
export * from './validators';
export * from './regions';
export * from './roles';
