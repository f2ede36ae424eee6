import type { TRPCRouterRecord } from '@trpc/server';
import { idInput } from '../schemas/common';
import {
  createNoticeInput,
  noticeBatchListOutput,
  noticeBatchRowSchema,
  noticeDetailSchema,
  objectionOutput,
  publishedNoticeSchema,
  publishNoticeInput,
  recordObjectionInput,
  resolveObjectionInput,
} from '../schemas/after-review';
import {
  closeNoticeBatch,
  createNoticeBatch,
  listNoticeBatches,
  noticeList,
  publishNoticeBatch,
} from '../services/notices/batches';
import { recordObjection, resolveObjection } from '../services/notices/objections';
import { actOf, inOneTransaction } from '../services/progress/act';
import { notFound } from '../errors';
import { procedureFor, publicProcedure } from '../trpc';
import { APPROVERS, GOVERNMENT, ORGANISERS } from './after-review-access';
import { withIsoTimestamps } from './rows';
import { compiled } from '../output-validation';

/** 社会公示 (GEN-7): batches of applications that passed review, objections and their resolution. */
export const noticesRouter = {
  list: procedureFor(GOVERNMENT)
    .output(compiled(noticeBatchListOutput))
    .query(({ ctx }) => listNoticeBatches(ctx.deps.db)),
  get: procedureFor(GOVERNMENT)
    .input(idInput)
    .output(compiled(noticeDetailSchema))
    .query(({ ctx, input }) => noticeList(ctx.deps.db, input.id)),
  /** A published notice as the public web page shows it (objections are not public). */
  published: publicProcedure
    .input(idInput)
    .output(compiled(publishedNoticeSchema))
    .query(async ({ ctx, input }) => {
      const notice = await noticeList(ctx.deps.db, input.id);
      if (notice.state === 'draft') throw notFound('公示不存在');
      const { objections: _hidden, ...shown } = notice;
      return { ...shown, items: shown.items.filter((i) => i.outcome !== 'withdrawn') };
    }),
  create: procedureFor(ORGANISERS)
    .input(createNoticeInput)
    .output(compiled(noticeBatchRowSchema))
    .mutation(async ({ ctx, input }) =>
      withIsoTimestamps(
        await inOneTransaction(ctx.deps, ctx.deps.db, (trx) => createNoticeBatch(trx, actOf(ctx), input)),
      ),
    ),
  publish: procedureFor(ORGANISERS)
    .input(publishNoticeInput)
    .output(compiled(noticeBatchRowSchema))
    .mutation(async ({ ctx, input }) =>
      withIsoTimestamps(
        await inOneTransaction(ctx.deps, ctx.deps.db, (trx) => publishNoticeBatch(trx, actOf(ctx), input)),
      ),
    ),
  close: procedureFor(ORGANISERS)
    .input(publishNoticeInput.pick({ id: true, version: true }))
    .output(compiled(noticeBatchRowSchema))
    .mutation(async ({ ctx, input }) =>
      withIsoTimestamps(
        await inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
          closeNoticeBatch(trx, actOf(ctx), input, outbox),
        ),
      ),
    ),
  recordObjection: procedureFor(ORGANISERS)
    .input(recordObjectionInput)
    .output(compiled(objectionOutput))
    .mutation(({ ctx, input }) =>
      inOneTransaction(ctx.deps, ctx.deps.db, (trx) => recordObjection(trx, actOf(ctx), input)),
    ),
  /** Upheld → the application goes back to review (the workflow's uphold_objection, an approver's act). */
  resolveObjection: procedureFor(APPROVERS)
    .input(resolveObjectionInput)
    .output(compiled(objectionOutput))
    .mutation(({ ctx, input }) =>
      inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        resolveObjection(trx, actOf(ctx), input, outbox),
      ),
    ),
} satisfies TRPCRouterRecord;
