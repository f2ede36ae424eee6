import {
  evaluate,
  type Facts,
  factsSchema,
  type ParameterOverride,
  type ProgramId,
  shanghaiDate,
  type Verdict,
} from '@dg/policy';
import type { z } from 'zod';
import { type ApplicationForm, applicationFormSchema } from '../../schemas/applications';
import type { Applicant, LoadedApplication } from './load';

// Staged validation: a draft may be anything (issues are warnings); submit demands a form that passes the strict
// schema, whose facts the policy core then judges.

export interface FormIssue {
  path: string;
  message: string;
}

export interface FormCheck {
  issues: FormIssue[];
  /** Present when the form passed the strict schema. */
  form?: ApplicationForm;
  verdict?: Verdict;
}

const toIssues = (error: z.ZodError): FormIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** The facts document the policy core judges: the form's claims, the applicant's identity and credit flags from the
 * system of record, the edition applied under and the day of submission. */
export function factsOf(form: ApplicationForm, applicant: Applicant, edition: string, asOf: string): Facts {
  const a = form.applicant;
  const base = {
    edition,
    asOf,
    applicant: {
      uscc: applicant.uscc,
      category: a.category,
      industrial: a.industrial,
      registeredInDongguan: a.registeredInDongguan,
      operatingInDongguan: a.operatingInDongguan,
      independentLegalPerson: a.independentLegalPerson,
      abnormalOperationListed: applicant.abnormalOperationListed,
      seriousDishonestyListed: applicant.seriousDishonestyListed,
      fiscalFundingExcluded: false,
      researchDishonestyRecorded: false,
    },
  };
  switch (form.program) {
    case 'compute-voucher':
      return {
        ...base,
        program: form.program,
        relatedToPlatformOrProvider: form.relatedToPlatformOrProvider,
        fundedByOtherFiscalFunds: form.fundedByOtherFiscalFunds,
        grantedThisYearFen: form.grantedThisYearFen,
        payments: form.payments,
      };
    case 'vertical-model-rd':
      return {
        ...base,
        program: form.program,
        participants: form.participants,
        fundedByOtherFiscalFunds: form.fundedByOtherFiscalFunds,
        baseModelFiled: form.baseModelFiled,
        ipRetainedInDongguan: form.ipRetainedInDongguan,
        totalInvestmentFen: form.totalInvestmentFen,
        requestedFen: form.requestedFen,
        plannedStart: form.plannedStart,
        plannedEnd: form.plannedEnd,
        guidePublishedOn: form.guidePublishedOn,
        contractSignedOn: null,
      };
    case 'edge-node-deployment':
      return {
        ...base,
        program: form.program,
        participants: form.participants,
        fundedByOtherFiscalFunds: form.fundedByOtherFiscalFunds,
        items: form.items.map(({ description: _description, ...item }) => item),
        stationsServed: form.stationsServed,
        connectedNodes: form.connectedNodes,
      };
  }
}

export interface CheckFormInput {
  program: ProgramId;
  form: Record<string, unknown>;
  applicant: Applicant;
  edition: string;
  asOf: string;
  parameterOverrides: readonly ParameterOverride[];
}

/** A loaded application's form as the checks read it, judged on the Shanghai calendar day of `now`. */
export const checkInputOf = (loaded: LoadedApplication, now: Date): CheckFormInput => ({
  program: loaded.application.program_id as ProgramId,
  form: loaded.application.form,
  applicant: loaded.enterprise,
  edition: loaded.editionCode,
  asOf: shanghaiDate(now),
  parameterOverrides: loaded.parameterOverrides,
});

/** The strict schema's warnings on a form, by path, and the parsed form once it passes: what a draft save reports. */
export function formIssues(input: Pick<CheckFormInput, 'program' | 'form' | 'applicant'>): FormCheck {
  const parsed = applicationFormSchema.safeParse({ ...input.form, program: input.program });
  if (!parsed.success) return { issues: toIssues(parsed.error) };
  const form = parsed.data;
  const issues: FormIssue[] = [];
  if (form.applicant.uscc !== input.applicant.uscc)
    issues.push({ path: 'applicant.uscc', message: '统一社会信用代码与企业登记信息不一致' });
  return { issues, form };
}

/** Checks a form against the strict schema and, once it passes, asks the policy core for the verdict. */
export function checkForm(input: CheckFormInput): FormCheck {
  const checked = formIssues(input);
  if (!checked.form) return checked;
  const facts = factsSchema.safeParse(factsOf(checked.form, input.applicant, input.edition, input.asOf));
  if (!facts.success) return { issues: [...checked.issues, ...toIssues(facts.error)], form: checked.form };
  const verdict = evaluate(facts.data, { parameterOverrides: input.parameterOverrides });
  return { ...checked, verdict };
}
