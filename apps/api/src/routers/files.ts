import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { idInput } from '../schemas/common';
import { fileSchema } from '../schemas/files';
import { loadReadableFile } from '../services/files/access';
import { presentFile } from '../services/files/present';
import { authedProcedure, enterpriseProcedure } from '../trpc';
import { compiled } from '../output-validation';

// Bytes go over plain HTTP (http/files.ts: POST /files, GET /files/:id); metadata over tRPC.
export const filesRouter = {
  /** Metadata of a file the caller may read. */
  get: authedProcedure
    .input(idInput)
    .output(compiled(fileSchema))
    .query(async ({ ctx, input }) => presentFile(await loadReadableFile(ctx.deps.db, ctx.actor, input.id))),

  /** The active enterprise's uploads, newest first. */
  mine: enterpriseProcedure.output(compiled(z.array(fileSchema))).query(async ({ ctx }) => {
    const rows = await ctx.deps.db
      .selectFrom('files')
      .selectAll()
      .where('owner_enterprise_id', '=', ctx.enterprise.id)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map(presentFile);
  }),
} satisfies TRPCRouterRecord;
