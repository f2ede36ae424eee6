import type { Database, NoticeBatchState, NoticeItemOutcome, PaymentKind } from '@dg/db';
import { maskBankAccount, paymentWorkflow, shanghaiDate } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { afterReviewOutput } from '../../schemas/applications';

type AfterReview = z.infer<typeof afterReviewOutput>;

/** payments.kind as the applicant reads it. */
const paymentKindLabels: Record<PaymentKind, string> = {
  disbursement: '资金拨付',
  rd_phase1: '研发项目第一期',
  rd_phase2: '研发项目第二期',
  reclaim: '资金追回',
};

/** The notice as the applicant reads it: running, over, or left early because an objection was upheld. */
function noticeStatusLabel(state: NoticeBatchState, outcome: NoticeItemOutcome): string {
  if (outcome === 'withdrawn') return '异议成立，已撤出公示';
  return state === 'closed' ? '公示期满' : '公示中';
}

const paymentStateLabel = (state: string) =>
  (paymentWorkflow.states as Record<string, { label: string }>)[state]?.label ?? state;

/**
 * What happened to one application after review that its enterprise may see: the latest published notice it was on
 * (GEN-7) and its share of each payment. The caller has already checked the application is the enterprise's own.
 */
export async function afterReviewOf(db: Kysely<Database>, applicationId: string): Promise<AfterReview> {
  const [notice, lines] = await Promise.all([
    db
      .selectFrom('notice_items as i')
      .innerJoin('notice_batches as b', 'b.id', 'i.batch_id')
      .select(['b.starts_on', 'b.ends_on', 'b.state', 'i.outcome'])
      .where('i.application_id', '=', applicationId)
      .where('b.state', '!=', 'draft')
      .$narrowType<{ state: Exclude<NoticeBatchState, 'draft'> }>()
      .orderBy('b.published_at', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('payment_lines as l')
      .innerJoin('payments as p', 'p.id', 'l.payment_id')
      .select([
        'p.id',
        'p.kind',
        'p.state',
        'p.amount_fen as payment_fen',
        'p.paid_at',
        'p.payee_account_name',
        'p.payee_bank',
        'p.payee_account_number',
        'l.amount_fen',
        'l.description',
      ])
      .where('l.application_id', '=', applicationId)
      .orderBy('p.created_at')
      .execute(),
  ]);
  return {
    notice:
      notice?.starts_on && notice.ends_on
        ? {
            startsOn: notice.starts_on,
            endsOn: notice.ends_on,
            state: notice.state,
            outcome: notice.outcome,
            statusLabel: noticeStatusLabel(notice.state, notice.outcome),
          }
        : null,
    payments: lines.map((p) => ({
      id: p.id,
      kind: p.kind,
      kindLabel: paymentKindLabels[p.kind],
      amountFen: p.amount_fen,
      paymentFen: p.payment_fen,
      description: p.description,
      state: p.state,
      stateLabel: paymentStateLabel(p.state),
      paidOn: p.paid_at ? shanghaiDate(p.paid_at) : null,
      payee: {
        accountName: p.payee_account_name,
        bank: p.payee_bank,
        accountNumber: maskBankAccount(p.payee_account_number),
      },
    })),
  };
}
