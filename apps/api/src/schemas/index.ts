// `@dg/api/schemas`: the zod schemas clients share with the server. Pure zod + @dg/policy, never server code.
export * from './auth';
export * from './common';
export * from './enterprises';
export * from './files';
export * from './applications';
export * from './reviews';
export * from './compute';
export * from './edge';
export * from './after-review';
export * from './users';
export * from './funding-lists';
export * from './stats';
