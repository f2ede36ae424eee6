import type { ComputeVoucherForm } from '@dg/api/schemas';
import { type IsoDate, shanghaiDate } from '@dg/policy';
import { api } from '../../../api/client';
import { emptyPayment } from '../../../components/payment-editor';
import type { Draft } from '../../../lib/draft';

export type CvFormDraft = Draft<ComputeVoucherForm>;

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
    applicant: {
      enterpriseName: e.name,
      uscc: e.uscc,
      registrationType: '有限责任公司',
      townCode: e.townCode as CvFormDraft['applicant']['townCode'],
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
    },
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
