import { PROGRAM_IDS } from '@dg/policy';
import { z } from 'zod';

const programId = z.enum(PROGRAM_IDS);
const count = z.number().int();

/** stats.overview: submitted applications (drafts excluded) counted by workflow state, program and town. */
export const statsOverviewOutput = z.object({
  byState: z.array(z.object({ programId, state: z.string(), label: z.string(), count })),
  byProgram: z.array(
    z.object({ programId, label: z.string(), count, recognisedFen: count, ceilingFen: count }),
  ),
  byTown: z.array(z.object({ townCode: z.string(), count })),
});
