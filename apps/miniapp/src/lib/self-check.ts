import {
  type EdgeNodeDeploymentFacts,
  evaluate,
  factsSchema,
  type IsoDate,
  type ProgramId,
  type Verdict,
} from '@dg/policy';
import type { Draft, FactsDraft } from './draft';
import { currentEdition } from './editions';
import { issuesByPath } from './draft';

export type SelfCheck = { ok: true; verdict: Verdict } | { ok: false; errors: Map<string, string> };

/** The same policy core the server runs, on the device: a complete draft gets a verdict, an incomplete one its gaps. */
export function selfCheck(draft: FactsDraft): SelfCheck {
  const parsed = factsSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, errors: issuesByPath(parsed.error.issues) };
  return { ok: true, verdict: evaluate(parsed.data) };
}

const clean = {
  abnormalOperationListed: false,
  seriousDishonestyListed: false,
  fiscalFundingExcluded: false,
  researchDishonestyRecorded: false,
};

/** A blank self-check for a program: nothing claimed, no list flags set, amounts left for the user to type. */
export function blankDraft(program: ProgramId, uscc: string, today: IsoDate): FactsDraft {
  const common = { edition: currentEdition(program), asOf: today };
  switch (program) {
    case 'compute-voucher':
      return {
        program,
        ...common,
        applicant: {
          uscc,
          category: 'manufacturing',
          registeredInDongguan: true,
          independentLegalPerson: true,
          ...clean,
        },
        relatedToPlatformOrProvider: false,
        fundedByOtherFiscalFunds: false,
        grantedThisYearFen: 0,
        payments: [
          {
            id: '付款1',
            viaPlatform: true,
            paidOn: today,
            serviceStart: today,
            serviceEnd: today,
            amountFen: null,
            toDesignatedAccount: true,
            invoice: 'invoice_copy',
          },
        ],
      };
    case 'vertical-model-rd':
      return {
        program,
        ...common,
        applicant: { uscc, operatingInDongguan: true, ...clean },
        fundedByOtherFiscalFunds: false,
        baseModelFiled: true,
        ipRetainedInDongguan: false,
        totalInvestmentFen: null,
        plannedStart: today,
        plannedEnd: today,
        guidePublishedOn: today,
        contractSignedOn: null,
      };
    case 'edge-node-deployment': {
      const draft: Draft<EdgeNodeDeploymentFacts> = {
        program,
        ...common,
        applicant: { uscc, operatingInDongguan: true, industrial: true, ...clean },
        fundedByOtherFiscalFunds: false,
        items: [{ kind: 'hardware', category: 'compute_box', newPurchase: true, amountFen: null }],
        stationsServed: null,
        connectedNodes: null,
      };
      return draft;
    }
  }
}
