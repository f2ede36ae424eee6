import { createHash } from 'node:crypto';
import { applyRate, materialChecklists, type ProgramId, programLabels, roundDownToYuan } from '@dg/policy';
import type { Actor } from '../authz/actor';
import { createDraft } from '../services/applications/drafts';
import { changeMaterial } from '../services/applications/materials';
import type { FileStore } from '../services/files/store';
import { submitApplication } from '../services/applications/submit';
import { abandonOverdueReturns } from '../services/reviews/abandon-overdue';
import { decide, returnForCorrection } from '../services/reviews/decide';
import { declareConflict, scoreApplication } from '../services/reviews/experts';
import { recordInspection } from '../services/reviews/inspections';
import { demoEditions, demoForms } from './application-forms';
import type { SeedContext, SeedStep } from './context';
import { demoMaterialPdf } from './demo-material-pdf';
import { demoEnterprises, demoUscc } from './enterprises';
import { demoStaff } from './people';

// Applications of every program in every review state reachable so far, made by driving the real services and
// workflows step by step on a demo clock (2025, inside the CV-12 window), so every seeded history is a real one.

type Step =
  | { kind: 'submit' }
  | { kind: 'event'; as: string; event: string; recognise?: boolean }
  | { kind: 'score'; as: string }
  | { kind: 'inspect'; as: string }
  /** `recent`: returned yesterday (real time), so its CV-13 clock is still running. */
  | { kind: 'return'; as: string; recent?: boolean }
  | { kind: 'abandon-job' };

const accept: Step = { kind: 'event', as: 'city1', event: 'accept' };
const cvPath = (town: string): Step[] => [
  { kind: 'submit' },
  accept,
  { kind: 'event', as: 'city1', event: 'pass_qualification' },
  { kind: 'event', as: 'city1', event: 'pass_formal' },
  { kind: 'event', as: `town-${town}`, event: 'pass_town' },
  { kind: 'score', as: 'expert1' },
  { kind: 'event', as: 'expert1', event: 'approve_final', recognise: true },
];
const detailPath: Step[] = [
  { kind: 'submit' },
  accept,
  { kind: 'event', as: 'city2', event: 'pass_formal' },
  { kind: 'score', as: 'expert2' },
  { kind: 'event', as: 'expert2', event: 'pass_expert' },
  { kind: 'inspect', as: 'expert2' },
  { kind: 'event', as: 'expert2', event: 'pass_site' },
  { kind: 'event', as: 'approver1', event: 'shortlist' },
];
const toQualification = cvPath('').slice(0, 2);
const toFormal = cvPath('').slice(0, 3);

interface Scenario {
  enterprise: string;
  program: ProgramId;
  steps: Step[];
  /** A draft left half filled. */
  halfFilled?: boolean;
}

export const demoScenarios: Scenario[] = [
  // 算力券
  { enterprise: 'humen-apparel', program: 'compute-voucher', steps: [], halfFilled: true },
  { enterprise: 'nancheng-software', program: 'compute-voucher', steps: [{ kind: 'submit' }] },
  { enterprise: 'dalang-textile', program: 'compute-voucher', steps: toQualification },
  { enterprise: 'changan-molds', program: 'compute-voucher', steps: toFormal },
  {
    enterprise: 'humen-apparel',
    program: 'compute-voucher',
    steps: [...toFormal, { kind: 'return', as: 'city1', recent: true }],
  },
  { enterprise: 'songshanhu-robotics', program: 'compute-voucher', steps: cvPath('songshanhu').slice(0, 4) },
  { enterprise: 'changan-molds', program: 'compute-voucher', steps: cvPath('changan').slice(0, 5) },
  { enterprise: 'songshanhu-robotics', program: 'compute-voucher', steps: cvPath('songshanhu') },
  {
    enterprise: 'nancheng-software',
    program: 'compute-voucher',
    steps: [...toQualification, { kind: 'event', as: 'city2', event: 'reject_qualification' }],
  },
  {
    enterprise: 'dalang-textile',
    program: 'compute-voucher',
    steps: [...toFormal, { kind: 'return', as: 'city1' }, { kind: 'abandon-job' }],
  },
  {
    enterprise: 'songshanhu-institute',
    program: 'compute-voucher',
    steps: [...toFormal, { kind: 'return', as: 'city1' }, { kind: 'submit' }],
  },
  // 垂直领域模型研发
  { enterprise: 'songshanhu-institute', program: 'vertical-model-rd', steps: [] },
  { enterprise: 'nancheng-software', program: 'vertical-model-rd', steps: detailPath.slice(0, 2) },
  { enterprise: 'songshanhu-robotics', program: 'vertical-model-rd', steps: detailPath.slice(0, 3) },
  { enterprise: 'changan-molds', program: 'vertical-model-rd', steps: detailPath.slice(0, 5) },
  { enterprise: 'songshanhu-institute', program: 'vertical-model-rd', steps: detailPath.slice(0, 7) },
  { enterprise: 'nancheng-software', program: 'vertical-model-rd', steps: detailPath },
  {
    enterprise: 'dalang-textile',
    program: 'vertical-model-rd',
    steps: [...detailPath.slice(0, 4), { kind: 'event', as: 'expert2', event: 'reject_expert' }],
  },
  // 边端智算节点部署
  { enterprise: 'dalang-textile', program: 'edge-node-deployment', steps: [{ kind: 'submit' }] },
  { enterprise: 'humen-apparel', program: 'edge-node-deployment', steps: detailPath.slice(0, 3) },
  { enterprise: 'changan-molds', program: 'edge-node-deployment', steps: detailPath.slice(0, 5) },
  { enterprise: 'songshanhu-robotics', program: 'edge-node-deployment', steps: detailPath.slice(0, 7) },
  { enterprise: 'humen-apparel', program: 'edge-node-deployment', steps: detailPath },
  {
    enterprise: 'dalang-textile',
    program: 'edge-node-deployment',
    steps: [...detailPath.slice(0, 2), { kind: 'event', as: 'city2', event: 'reject_formal' }],
  },
];

const DAY = 24 * 3600 * 1000;
/** 09:30 Shanghai on 2025-08-01: the first seeded application's first step. */
const DEMO_START = Date.parse('2025-08-01T01:30:00Z');

function staffActor(ctx: SeedContext, login: string): Actor {
  const person = demoStaff.find((s) => s.login === login);
  const userId = ctx.refs.users.get(login);
  if (!person || !userId) throw new Error(`seed: no demo staff ${login}`);
  return {
    userId,
    role: person.role,
    displayName: person.displayName,
    townCode: person.townCode ?? null,
    sessionId: 'seed',
    sessionKind: 'web',
    activeEnterprise: null,
  };
}

/** The demo files each store already holds, so each item's PDF is written once. */
const storedIn = new WeakMap<FileStore, Set<string>>();

/** Demo material files: one small PDF per checklist item, naming the item, stored once per item. */
async function attachDemoMaterials(
  ctx: SeedContext,
  applicationId: string,
  version: number,
  program: ProgramId,
  enterpriseId: string,
  userId: string,
  now: Date,
): Promise<number> {
  let current = version;
  for (const item of materialChecklists[program].filter((m) => m.required)) {
    const name = `（${item.order}）${item.title}`;
    const bytes = demoMaterialPdf(name, [
      programLabels[program],
      '演示数据：东莞市人工智能+制造扶持平台的示例材料',
    ]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = storedIn.get(ctx.files) ?? storedIn.set(ctx.files, new Set()).get(ctx.files)!;
    if (!stored.has(sha256)) {
      await ctx.files.put(sha256, bytes);
      stored.add(sha256);
    }
    const file = await ctx.trx
      .insertInto('files')
      .values({
        sha256,
        mime: 'application/pdf',
        size_bytes: bytes.byteLength,
        storage_key: sha256,
        original_name: `${item.order}-${item.title}.pdf`,
        owner_enterprise_id: enterpriseId,
        uploaded_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const loaded = await changeMaterial(
      ctx.trx,
      userId,
      enterpriseId,
      { id: applicationId, version: current, itemKey: item.key, fileId: file.id },
      'attach',
      now,
    );
    current = loaded.application.version;
  }
  return current;
}

async function runScenario(ctx: SeedContext, scenario: Scenario, index: number): Promise<void> {
  const enterprise = demoEnterprises.find((e) => e.key === scenario.enterprise)!;
  const enterpriseId = ctx.refs.enterprises.get(enterprise.key)!;
  const ownerCode = Object.keys(enterprise.staff)[0]!;
  const ownerId = ctx.refs.users.get(ownerCode)!;
  let clock = DEMO_START + index * 2 * DAY;
  const form = demoForms[scenario.program](enterprise);
  if (scenario.halfFilled) delete form.payments;
  const draft = await createDraft(
    ctx.trx,
    ownerId,
    enterpriseId,
    {
      program: scenario.program,
      edition: demoEditions[scenario.program],
      form,
      idempotencyKey: `demo-${index}`,
    },
    new Date(clock),
  );
  const id = draft.loaded.application.id;
  let version = scenario.steps.length
    ? await attachDemoMaterials(
        ctx,
        id,
        draft.loaded.application.version,
        scenario.program,
        enterpriseId,
        ownerId,
        new Date(clock),
      )
    : draft.loaded.application.version;
  let ceilingFen = 0;
  for (const [n, step] of scenario.steps.entries()) {
    clock += DAY;
    const now = new Date(clock);
    if (step.kind === 'submit') {
      const result = await submitApplication(
        ctx.trx,
        { userId: ownerId, role: 'enterprise_staff', townCode: null },
        enterpriseId,
        { id, version, idempotencyKey: `demo-${index}-submit-${n}` },
        null,
        now,
      );
      version = result.application.version;
      ceilingFen = result.application.ceiling_fen ?? 0;
    } else if (step.kind === 'event') {
      const row = await decide(
        ctx.trx,
        staffActor(ctx, step.as),
        {
          id,
          version,
          event: step.event,
          ...(step.recognise && { recognisedFen: roundDownToYuan(applyRate(ceilingFen, 9000)) }),
        },
        null,
        now,
      );
      version = row.version;
    } else if (step.kind === 'score') {
      const actor = staffActor(ctx, step.as);
      await scoreApplication(
        ctx.trx,
        actor,
        { actor: { userId: actor.userId, role: actor.role }, requestId: null },
        {
          id,
          scores: { compliance: 27, feasibility: 30, innovation: 28 - (index % 5) },
          comment: '材料齐全，方案可行。',
        },
        now,
      );
    } else if (step.kind === 'inspect') {
      const actor = staffActor(ctx, step.as);
      await recordInspection(
        ctx.trx,
        actor,
        { actor: { userId: actor.userId, role: actor.role }, requestId: null },
        {
          id,
          visitedOn: now.toISOString().slice(0, 10),
          result: 'pass',
          findings: '现场设备与申报清单一致，节点已接入平台并正常运行。',
          fileIds: [],
        },
      );
    } else if (step.kind === 'return') {
      const row = await returnForCorrection(
        ctx.trx,
        staffActor(ctx, step.as),
        {
          id,
          version,
          reasons: [
            { itemKey: 'cv-06', reason: '发票为抵扣联，请补充发票联（CV-7）' },
            { itemKey: 'cv-05', reason: '信用中国截图缺少“失信被执行人”一项' },
          ],
        },
        null,
        step.recent ? new Date(Date.now() - DAY) : now,
      );
      version = row.version;
    } else {
      await abandonOverdueReturns(ctx.trx, new Date(clock + 7 * DAY), ctx.log);
    }
  }
}

export const seedApplications: SeedStep = {
  name: 'applications in every review state',
  async run(ctx) {
    // 郑博士 declared a tie to 松湖智能: never shown its applications.
    const expert3 = staffActor(ctx, 'expert3');
    const songshanhu = demoEnterprises.find((e) => e.key === 'songshanhu-robotics')!;
    await declareConflict(
      ctx.trx,
      expert3,
      { actor: { userId: expert3.userId, role: 'expert' }, requestId: null },
      { uscc: demoUscc(songshanhu), reason: '曾任该企业技术顾问' },
    );
    for (const [index, scenario] of demoScenarios.entries()) await runScenario(ctx, scenario, index);
  },
};
