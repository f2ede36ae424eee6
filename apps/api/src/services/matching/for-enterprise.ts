import type { Database } from '@dg/db';
import {
  addYears,
  addDays,
  edgeNodeDeploymentParameters,
  evaluate,
  type Facts,
  factsSchema,
  type Finding,
  type IsoDate,
  type ParameterOverride,
  type ProgramId,
  programLabels,
  readTable,
  shanghaiDate,
  verticalModelRdParameters,
} from '@dg/policy';
import { type Kysely, sql } from 'kysely';
import { notFound } from '../../errors';
import { computeVoucherPayments } from '../compute/voucher-evidence';
import { connectedNodes } from './platform-facts';

// 免申即享-style matching for the mini-program's home page: for each program edition, whether the enterprise can apply
// now and the most it could get, judged by @dg/policy on what the platform already knows. What the platform cannot
// know (investment, the model's filing…) is assumed at the level that reaches the cap, and said so in `assumptions`.

/** Rules about the applicant itself, the edition's window, the platform's own records: what "can apply now" means. */
const DECIDING = /^(GEN-[1256]|CV-|EN-1|EN-7)/;

interface Enterprise {
  id: string;
  uscc: string;
  category: string;
  industrial: boolean;
  abnormal_operation_listed: boolean;
  serious_dishonesty_listed: boolean;
}

/** The investment at which `rate` stops binding and the cap does (fen, rounded up). */
const investmentReaching = (capFen: number, rateBp: number) => Math.ceil((capFen * 10_000) / rateBp);

async function grantedThisYear(db: Kysely<Database>, enterpriseId: string, year: string) {
  const row = await db
    .selectFrom('budget_allocations as b')
    .innerJoin('applications as a', 'a.id', 'b.application_id')
    .select(sql<string>`coalesce(sum(b.granted_fen), 0)`.as('granted'))
    .where('a.enterprise_id', '=', enterpriseId)
    .where('a.program_id', '=', 'compute-voucher')
    .where(sql<string>`to_char(b.allocated_at at time zone 'Asia/Shanghai', 'YYYY')`, '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.granted);
}

async function factsFor(
  db: Kysely<Database>,
  program: ProgramId,
  edition: string,
  asOf: IsoDate,
  e: Enterprise,
  dishonest: boolean,
): Promise<{ facts: unknown; assumptions: string[] }> {
  const applicant = {
    uscc: e.uscc,
    category: e.category,
    industrial: e.industrial,
    registeredInDongguan: true,
    operatingInDongguan: true,
    independentLegalPerson: true,
    abnormalOperationListed: e.abnormal_operation_listed,
    seriousDishonestyListed: e.serious_dishonesty_listed,
    fiscalFundingExcluded: false,
    researchDishonestyRecorded: dishonest,
  };
  const base = { edition, asOf, applicant, participants: [], fundedByOtherFiscalFunds: false };
  switch (program) {
    case 'compute-voucher':
      return {
        facts: {
          ...base,
          program,
          relatedToPlatformOrProvider: false,
          grantedThisYearFen: await grantedThisYear(db, e.id, asOf.slice(0, 4)),
          payments: await computeVoucherPayments(db, e.id),
        },
        assumptions: [
          '按平台记录的已支付算力费用测算',
          '假设与平台及算力服务商无关联关系、未获其他财政资金支持',
        ],
      };
    case 'vertical-model-rd': {
      const reading = readTable(verticalModelRdParameters, edition, asOf);
      const investment = reading.inForce
        ? investmentReaching(reading.values.maxGrantIpRetained, reading.values.rateIpRetained)
        : 0;
      return {
        facts: {
          ...base,
          program,
          baseModelFiled: true,
          ipRetainedInDongguan: true,
          totalInvestmentFen: investment,
          plannedStart: asOf,
          plannedEnd: addDays(addYears(asOf, 2), -1),
          guidePublishedOn: asOf,
          contractSignedOn: null,
        },
        assumptions: ['假设基于已备案大模型二次开发、知识产权留在东莞、项目投入足以达到资助上限'],
      };
    }
    case 'edge-node-deployment': {
      const nodes = await connectedNodes(db, e.id);
      const reading = readTable(edgeNodeDeploymentParameters, edition, asOf);
      const investment = reading.inForce
        ? investmentReaching(reading.values.maxGrant, reading.values.rate)
        : 0;
      return {
        facts: {
          ...base,
          program,
          items: [{ kind: 'hardware', category: 'compute_box', newPurchase: true, amountFen: investment }],
          stationsServed: nodes.stations,
          connectedNodes: nodes.connected,
        },
        assumptions: [
          `按平台记录的已接入节点 ${nodes.connected} 个、服务工位 ${nodes.stations} 个测算`,
          '假设新购软硬件投入足以达到资助上限',
        ],
      };
    }
  }
}

export async function matchingForEnterprise(db: Kysely<Database>, enterpriseId: string, now: Date) {
  const e = await db
    .selectFrom('enterprises')
    .select([
      'id',
      'uscc',
      'category',
      'industrial',
      'abnormal_operation_listed',
      'serious_dishonesty_listed',
    ])
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!e) throw notFound('企业不存在');
  const dishonest = !!(await db
    .selectFrom('dishonesty_records')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst());
  const editions = await db
    .selectFrom('editions')
    .select(['id', 'program_id', 'code', 'title', 'parameter_overrides'])
    .orderBy('program_id')
    .orderBy('code')
    .execute();
  const asOf = shanghaiDate(now);
  const results = [];
  for (const edition of editions) {
    const program = edition.program_id as ProgramId;
    const overrides = (edition.parameter_overrides ?? []) as ParameterOverride[];
    const { facts, assumptions } = await factsFor(db, program, edition.code, asOf, e, dishonest);
    const parsed = factsSchema.safeParse(facts);
    if (!parsed.success) continue;
    const verdict = evaluate(parsed.data as Facts, { parameterOverrides: overrides });
    const findings: Finding[] = verdict.findings.filter((f) => DECIDING.test(f.rule));
    const blocking = findings.filter((f) => f.severity === 'blocking');
    results.push({
      programId: program,
      programLabel: programLabels[program],
      editionId: edition.id,
      edition: edition.code,
      title: edition.title,
      canApplyNow: blocking.length === 0,
      estimatedCeilingFen: verdict.subsidyFen,
      reasons: blocking.map((f) => `${f.message}（${f.rule} ${f.article}）`),
      findings,
      assumptions,
    });
  }
  return results.sort(
    (a, b) => Number(b.canApplyNow) - Number(a.canApplyNow) || b.estimatedCeilingFen - a.estimatedCeilingFen,
  );
}
