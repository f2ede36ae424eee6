/** Valid facts for tests, built from POLICY.md's example and patched per case; every build passes the schema. */
import {
  type ComputeVoucherFacts,
  type EdgeNodeDeploymentFacts,
  factsSchema,
  type InvestmentItem,
  type Payment,
  type Verdict,
  type VerticalModelRdFacts,
} from '../src/index';

export const USCC = '91441900MA4UJ8XX5J';

const clean = {
  abnormalOperationListed: false,
  seriousDishonestyListed: false,
  fiscalFundingExcluded: false,
  researchDishonestyRecorded: false,
};

export function payment(patch: Partial<Payment> = {}): Payment {
  return {
    id: 'P1',
    viaPlatform: true,
    paidOn: '2024-06-01',
    serviceStart: '2024-06-01',
    serviceEnd: '2024-11-30',
    amountFen: 6_000_000,
    toDesignatedAccount: true,
    invoice: 'invoice_copy',
    ...patch,
  };
}

type ApplicantPatch<F extends { applicant: unknown }> = { applicant?: Partial<F['applicant']> };

export function cvFacts(
  patch: Partial<Omit<ComputeVoucherFacts, 'applicant'>> & ApplicantPatch<ComputeVoucherFacts> = {},
): ComputeVoucherFacts {
  const { applicant, ...rest } = patch;
  return factsSchema.parse({
    program: 'compute-voucher',
    edition: '2025-1',
    asOf: '2025-11-10',
    applicant: {
      uscc: USCC,
      category: 'manufacturing',
      registeredInDongguan: true,
      independentLegalPerson: true,
      ...clean,
      ...applicant,
    },
    relatedToPlatformOrProvider: false,
    fundedByOtherFiscalFunds: false,
    grantedThisYearFen: 0,
    payments: [payment()],
    ...rest,
  }) as ComputeVoucherFacts;
}

export function rdFacts(
  patch: Partial<Omit<VerticalModelRdFacts, 'applicant'>> & ApplicantPatch<VerticalModelRdFacts> = {},
): VerticalModelRdFacts {
  const { applicant, ...rest } = patch;
  return factsSchema.parse({
    program: 'vertical-model-rd',
    edition: '2025',
    asOf: '2025-07-15',
    applicant: { uscc: USCC, operatingInDongguan: true, ...clean, ...applicant },
    participants: [],
    baseModelFiled: true,
    ipRetainedInDongguan: false,
    totalInvestmentFen: 300_000_000,
    requestedFen: 80_000_000,
    plannedStart: '2025-07-01',
    plannedEnd: '2027-06-30',
    guidePublishedOn: '2025-06-01',
    contractSignedOn: null,
    ...rest,
  }) as VerticalModelRdFacts;
}

export function item(patch: Partial<InvestmentItem> = {}): InvestmentItem {
  return {
    kind: 'hardware',
    category: 'compute_box',
    newPurchase: true,
    amountFen: 20_000_000,
    ...patch,
  } as InvestmentItem;
}

export function enFacts(
  patch: Partial<Omit<EdgeNodeDeploymentFacts, 'applicant'>> & ApplicantPatch<EdgeNodeDeploymentFacts> = {},
): EdgeNodeDeploymentFacts {
  const { applicant, ...rest } = patch;
  return factsSchema.parse({
    program: 'edge-node-deployment',
    edition: '2025',
    asOf: '2025-09-01',
    applicant: { uscc: USCC, industrial: true, operatingInDongguan: true, ...clean, ...applicant },
    participants: [],
    items: [item()],
    stationsServed: 40,
    connectedNodes: 35,
    ...rest,
  }) as EdgeNodeDeploymentFacts;
}

export function participant(
  name: string,
  region: 'dongguan' | 'guangdong' | 'mainland' | 'hongkong' | 'macao',
) {
  return { name, region, abnormalOperationListed: false, seriousDishonestyListed: false };
}

export const findingsOf = (v: Verdict, rule: string) => v.findings.filter((f) => f.rule === rule);
export const blockingRules = (v: Verdict) =>
  v.findings.filter((f) => f.severity === 'blocking').map((f) => f.rule);
export const amountOf = (v: Verdict, name: string) => v.basis.amounts.find((a) => a.name === name)?.fen;
