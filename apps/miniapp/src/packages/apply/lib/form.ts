import type { RouterOutputs } from '@dg/api';
import type { ComputeVoucherForm, EdgeNodeDeploymentForm, VerticalModelRdForm } from '@dg/api/schemas';
import { type IsoDate, shanghaiDate } from '@dg/policy';
import { api } from '../../../api/client';
import { emptyPayment } from '../../../components/payment-editor';
import type { Draft } from '../../../lib/draft';

export type CvFormDraft = Draft<ComputeVoucherForm>;
export type RdFormDraft = Draft<VerticalModelRdForm>;
export type EnFormDraft = Draft<EdgeNodeDeploymentForm>;
type ApplicantDraft = CvFormDraft['applicant'];

/** 附件1 一 from what the platform holds about the enterprise (its own members see it unmasked). */
function applicantFrom(e: RouterOutputs['enterprises']['current']): ApplicantDraft {
  return {
    enterpriseName: e.name,
    uscc: e.uscc,
    registrationType: '有限责任公司',
    townCode: e.townCode as ApplicantDraft['townCode'],
    licenceAddress: e.address ?? '',
    bankAccountName: e.bankAccountName ?? '',
    bankName: e.bankName ?? '',
    bankAccountNumber: e.bankAccountNumber ?? '',
    legalRep: { name: e.legalRepName, mobile: e.legalRepMobile, email: '' },
    contact: { name: '', mobile: '', email: '' },
    category: e.category,
    registeredInDongguan: true,
    operatingInDongguan: true,
    independentLegalPerson: true,
    industrial: e.industrial,
  };
}

/** Payments imported from the compute service platform carry its ids; rows typed by the user are 付款N. */
export const isTypedPayment = (id: string) => /^付款\d+$/.test(id);

/** A new 附件1 form, pre-filled from what the platform already holds: the enterprise (its own members see it
 * unmasked) and its payments on the city compute service platform (CV-2, CV-5..CV-8); the rest is left blank. */
export async function blankComputeVoucherForm(
  today: IsoDate = shanghaiDate(new Date()),
): Promise<CvFormDraft> {
  const [e, platformPayments] = await Promise.all([
    api.enterprises.current.query(),
    // An enterprise without ordering rights has no platform records; the form then starts with one empty row.
    api.compute.metering.voucherEvidence.query({}).catch(() => []),
  ]);
  const paidFen = platformPayments.reduce((sum, p) => sum + p.amountFen, 0);
  return {
    program: 'compute-voucher',
    applicant: applicantFrom(e),
    mainUses: [],
    applicationFields: [],
    outcomes: {},
    rentalContractCount: 1,
    contractTotalFen: null,
    paidFen: platformPayments.length > 0 ? paidFen : null,
    relatedToPlatformOrProvider: false,
    fundedByOtherFiscalFunds: false,
    grantedThisYearFen: 0,
    payments: platformPayments.length > 0 ? platformPayments : [emptyPayment([], today)],
  };
}

/** A new R&D application: the applicant pre-filled, the project left to the applicant. */
export async function blankVerticalModelRdForm(
  today: IsoDate = shanghaiDate(new Date()),
): Promise<RdFormDraft> {
  const e = await api.enterprises.current.query();
  return {
    program: 'vertical-model-rd',
    applicant: applicantFrom(e),
    participants: [],
    projectName: '',
    summary: '',
    baseModelName: '',
    baseModelFilingNumber: '',
    baseModelFiled: true,
    ipRetainedInDongguan: false,
    fundedByOtherFiscalFunds: false,
    totalInvestmentFen: null,
    requestedFen: null,
    plannedStart: today,
    plannedEnd: today,
    guidePublishedOn: today,
  };
}

/** A new edge-deployment application: the applicant pre-filled and the connected nodes counted from the platform. */
export async function blankEdgeNodeDeploymentForm(): Promise<EnFormDraft> {
  const [e, nodes] = await Promise.all([
    api.enterprises.current.query(),
    api.edge.nodes.list.query({ limit: 500 }).catch(() => ({ items: [], total: 0 })),
  ]);
  // Connected as the platform counts it (EN-7): onboarded and heard from at least once.
  const connected = nodes.items.filter((n) => n.status === 'active' && n.connectedAt !== null);
  return {
    program: 'edge-node-deployment',
    applicant: applicantFrom(e),
    participants: [],
    projectName: '',
    summary: '',
    fundedByOtherFiscalFunds: false,
    items: [
      { kind: 'hardware', category: 'compute_box', newPurchase: true, amountFen: null, description: '' },
    ],
    stationsServed: connected.reduce((sum, n) => sum + n.stationsServed, 0),
    connectedNodes: connected.length,
  };
}

/** How a field's server-side issue is shown: a warning once the user has typed something, an error after a refused
 * submit, nothing for an untouched empty field while editing. */
export type Note = (path: string, filled: boolean) => { warning?: string; error?: string };

export function noteFrom(issues: readonly { path: string; message: string }[], strict: boolean): Note {
  const byPath = new Map(issues.map((i) => [i.path, i.message]));
  return (path, filled) => {
    const message = byPath.get(path);
    if (!message) return {};
    if (strict) return { error: message };
    return filled ? { warning: message } : {};
  };
}
