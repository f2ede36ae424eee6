export * from './dates';
export * from './money';
export * from './calendar';
export * from './deadlines';
