import { addDays, type IsoDate, PROGRAM_IDS, type ProgramId, publicNoticeEnd } from '@dg/policy';
import type { Actor } from '../authz/actor';
import { createFundingPlan, approveFundingPlan, submitFundingPlan } from '../services/funding/plans';
import { updateEdition } from '../services/funding/budget';
import { closeNoticeBatch, createNoticeBatch, publishNoticeBatch } from '../services/notices/batches';
import { recordObjection, resolveObjection } from '../services/notices/objections';
import type { Outbox } from '../services/notifications/state-change';
import { concludeConsultation, recordOpinion } from '../services/opinions/consultation';
import { prepareDisbursement, prepareRdPayment } from '../services/payments/prepare';
import { signContract } from '../services/contracts/sign';
import type { Act } from '../services/progress/act';
import type { SeedContext, SeedStep } from './context';
import { demoStaff } from './people';
import { demoEditions } from './application-forms';

// After the review, on the demo clock (October–November 2025): budgets, a public notice per program for the
// applications the review step left on notice (one objection dismissed), opinions, funding plans approved, the R&D
// 任务书 signed with its phase-1 payment waiting for finance's check, and the subsidies' payments prepared.

const budgets: Record<ProgramId, number> = {
  'compute-voucher': 500_000_000,
  'vertical-model-rd': 1_000_000_000,
  'edge-node-deployment': 500_000_000,
};

const at = (day: IsoDate) => new Date(`${day}T10:00:00+08:00`);

function actAs(ctx: SeedContext, login: string, day: IsoDate): Act {
  const person = demoStaff.find((s) => s.login === login)!;
  const actor: Actor = {
    userId: ctx.refs.users.get(login)!,
    role: person.role,
    displayName: person.displayName,
    townCode: person.townCode ?? null,
    sessionId: 'seed',
    sessionKind: 'web',
    activeEnterprise: null,
  };
  return { db: ctx.trx, actor, requestId: null, now: at(day) };
}

export const seedAfterReview: SeedStep = {
  name: 'public notices, funding plans, contracts and payments',
  async run(ctx) {
    const { trx } = ctx;
    // Seeding sends no WeChat messages; the inbox rows are written as usual.
    const outbox: Outbox = [];
    const noticeStart: IsoDate = '2025-10-09';
    const closeOn = addDays(publicNoticeEnd(noticeStart).date, 1);
    for (const program of PROGRAM_IDS) {
      const editionId = ctx.refs.editions.get(`${program}:${demoEditions[program]}`)!;
      const edition = await trx
        .selectFrom('editions')
        .select('version')
        .where('id', '=', editionId)
        .executeTakeFirstOrThrow();
      await updateEdition(trx, actAs(ctx, 'admin', '2025-10-08'), {
        editionId,
        version: edition.version,
        budgetFen: budgets[program],
      });
      const onNotice = await trx
        .selectFrom('applications')
        .select('id')
        .where('program_id', '=', program)
        .where('state', '=', 'public_notice')
        .orderBy('state_entered_at')
        .execute();
      if (!onNotice.length) continue;
      const ids = onNotice.map((a) => a.id);
      const organiser = actAs(ctx, 'city1', '2025-10-08');
      const draft = await createNoticeBatch(trx, organiser, {
        programId: program,
        title: `2025年${program === 'compute-voucher' ? '第一批“算力券”奖补' : program === 'vertical-model-rd' ? '垂直领域模型研发' : '边端智算节点部署'}拟资助项目公示`,
        applicationIds: ids,
      });
      const batch = await publishNoticeBatch(trx, organiser, {
        id: draft.id,
        version: draft.version,
        startsOn: noticeStart,
      });
      if (program === 'vertical-model-rd') {
        const objection = await recordObjection(trx, actAs(ctx, 'city1', '2025-10-10'), {
          batchId: batch.id,
          applicationId: ids[0]!,
          objector: '匿名来电',
          content: '反映项目团队已获其他财政资金支持。',
          receivedOn: '2025-10-10',
        });
        await resolveObjection(
          trx,
          actAs(ctx, 'approver1', '2025-10-13'),
          {
            id: objection.id,
            version: objection.version,
            upheld: false,
            resolution: '经核查未获其他财政资金支持，异议不成立。',
          },
          outbox,
        );
      }
      await closeNoticeBatch(
        trx,
        actAs(ctx, 'city1', closeOn),
        { id: batch.id, version: batch.version },
        outbox,
      );
      if (program !== 'compute-voucher') {
        for (const id of ids) {
          const opinionAct = actAs(ctx, 'city2', addDays(closeOn, 1));
          await recordOpinion(trx, opinionAct, {
            applicationId: id,
            kind: 'department',
            unitName: '市工业和信息化局',
            agrees: true,
            content: '无不同意见。',
          });
          await recordOpinion(trx, opinionAct, {
            applicationId: id,
            kind: 'town',
            unitName: '项目所在镇街（园区）',
            agrees: true,
            content: '同意推荐。',
          });
          const app = await trx
            .selectFrom('applications')
            .select('version')
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          await concludeConsultation(
            trx,
            actAs(ctx, 'city2', addDays(closeOn, 2)),
            { applicationId: id, version: app.version },
            outbox,
          );
        }
      }
      const planAct = actAs(ctx, 'city1', '2025-10-24');
      const plan = await createFundingPlan(trx, planAct, {
        editionId,
        title: '2025年资助计划（第一批）',
        applicationIds: ids,
      });
      const submitted = await submitFundingPlan(trx, planAct, { id: plan.id, version: plan.version });
      await approveFundingPlan(
        trx,
        actAs(ctx, 'approver1', '2025-10-28'),
        { id: plan.id, version: submitted.version, decisionReference: '东府办复〔2025〕108号' },
        outbox,
      );
      for (const id of ids) {
        const app = await trx
          .selectFrom('applications')
          .select(['state', 'version'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const finance = actAs(ctx, 'finance1', '2025-11-06');
        if (app.state === 'contract_signing') {
          await signContract(
            trx,
            actAs(ctx, 'city2', '2025-11-05'),
            {
              applicationId: id,
              version: app.version,
              contractNumber: `DGKJ-RD-2025-${String(ids.indexOf(id) + 1).padStart(3, '0')}`,
              terms: '承担单位按任务书开展研发，按期完成考核指标，资助资金专款专用。',
              indicators: [
                { key: 'model', name: '垂直领域模型', target: '完成行业模型训练并通过第三方测评' },
                { key: 'deploy', name: '应用推广', target: '在不少于 3 条产线部署应用' },
              ],
              signedOn: '2025-11-05',
              startOn: '2025-10-01',
              endOn: '2027-09-30',
            },
            outbox,
          );
          await prepareRdPayment(trx, finance, { applicationId: id });
        } else if (app.state === 'disbursement') {
          await prepareDisbursement(trx, finance, { applicationIds: [id] });
        }
      }
    }
  },
};
