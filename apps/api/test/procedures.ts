import { appRouter } from '../src/routers/root';
import type { Access } from '../src/trpc';

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  access: Access | undefined;
}

/** Every procedure of the appRouter, read from the router itself so procedures added later are included. */
export function listProcedures(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureInfo['type']; meta?: { access?: Access } } }
  >;
  return Object.entries(record).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    access: procedure._def.meta?.access,
  }));
}
