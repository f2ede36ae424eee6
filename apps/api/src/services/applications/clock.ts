import type { AppDeps } from '../../deps';

/** The time a procedure acts at: the deps' clock when set (tests replaying dated rules), else now. */
export const clockOf = (ctx: { deps: Pick<AppDeps, 'clock'> }): Date => ctx.deps.clock?.() ?? new Date();
