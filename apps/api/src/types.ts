// `@dg/api`: what clients may import from the server package — types only. Schemas: `@dg/api/schemas`.
export type { AppRouter, RouterInputs, RouterOutputs } from './routers/root';
export type { Role } from './authz/roles';
