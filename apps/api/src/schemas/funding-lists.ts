import { PROGRAM_IDS } from '@dg/policy';
import { z } from 'zod';
import { fundingPlanStateSchema } from './after-review';

const fen = z.number().int();
const programId = z.enum(PROGRAM_IDS);

/** budgets.list: each edition's budget beside what approvals drew from it (CV-11 用完即止) and what was paid out. */
export const budgetListOutput = z.array(
  z.object({
    editionId: z.string(),
    programId,
    code: z.string(),
    title: z.string(),
    budgetFen: fen.nullable(),
    allocatedFen: fen,
    paidFen: fen,
    remainingFen: fen.nullable(),
  }),
);

export const fundingPlanListInput = z.object({ editionId: z.string().uuid().optional() }).strict();

export const fundingPlanListOutput = z.array(
  z.object({
    id: z.string(),
    programId,
    editionId: z.string(),
    editionCode: z.string(),
    title: z.string(),
    state: fundingPlanStateSchema,
    version: z.number().int(),
    itemCount: z.number().int(),
    requestedFen: fen,
    grantedFen: fen,
    createdAt: z.string(),
  }),
);
