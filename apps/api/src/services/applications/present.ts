import type { Application } from '@dg/db';
import { type HistoryEntry, type ProgramId, programLabels, progress, timeline } from '@dg/policy';
import type { ApplicationSummary, ListedApplication } from '../../schemas/applications';
import type { LoadedApplication } from './load';
import { workflowOf } from './workflow';

/** A deadline this close counts as due soon in the queues and lists. */
const DUE_SOON_MS = 48 * 3600 * 1000;

/** The application columns a list item reads (the applicant's own list selects only these, never the form). */
export const LISTED_COLUMNS = [
  'a.id',
  'a.program_id',
  'a.state',
  'a.tracking_number',
  'a.ceiling_fen',
  'a.recognised_fen',
  'a.deadline_at',
  'a.created_at',
] as const;

/** The application columns a summary (and a timeline) reads: the reviewers' lists select these, never the form. */
export const SUMMARY_COLUMNS = [
  ...LISTED_COLUMNS,
  'a.enterprise_id',
  'a.state_entered_at',
  'a.submitted_at',
  'a.version',
] as const;

type Column<T extends readonly string[]> = T[number] extends `a.${infer C}` ? C : never;
export type ListedRow = Pick<Application, Column<typeof LISTED_COLUMNS>>;
export type SummaryRow = Pick<Application, Column<typeof SUMMARY_COLUMNS>>;

export interface SummaryParts {
  application: SummaryRow;
  enterpriseName: string;
  townCode: string;
  editionCode: string;
}

export function stateLabel(program: string, state: string): string {
  const states = workflowOf(program).states as Record<string, { label: string }>;
  return states[state]?.label ?? state;
}

/** What a list shows of an application: what it is, where it stands, its amounts and its current deadline. */
export function presentListed(a: ListedRow, now: Date): ListedApplication {
  const program = a.program_id as ProgramId;
  return {
    id: a.id,
    program,
    programLabel: programLabels[program],
    state: a.state,
    stateLabel: stateLabel(program, a.state),
    trackingNumber: a.tracking_number,
    ceilingFen: a.ceiling_fen,
    recognisedFen: a.recognised_fen,
    deadlineAt: a.deadline_at?.toISOString() ?? null,
    overdue: a.deadline_at !== null && now.getTime() > a.deadline_at.getTime(),
    createdAt: a.created_at.toISOString(),
  };
}

export function presentSummary(parts: SummaryParts, now: Date): ApplicationSummary {
  const a = parts.application;
  const deadline = a.deadline_at?.getTime();
  return Object.assign(presentListed(a, now), {
    edition: parts.editionCode,
    enterpriseId: a.enterprise_id,
    enterpriseName: parts.enterpriseName,
    townCode: parts.townCode,
    dueSoon: deadline !== undefined && now.getTime() <= deadline && deadline - now.getTime() <= DUE_SOON_MS,
    stateEnteredAt: a.state_entered_at.toISOString(),
    submittedAt: a.submitted_at?.toISOString() ?? null,
    version: a.version,
  });
}

type Accepted = readonly { to_state: string | null; at: Date }[];

/** The states an application entered and when: its creation, then each accepted event that moved it. */
function historyOf(application: Pick<Application, 'created_at'>, initial: string, accepted: Accepted) {
  const history: HistoryEntry[] = [{ state: initial, at: application.created_at }];
  for (const e of accepted) if (e.to_state) history.push({ state: e.to_state, at: e.at });
  return history;
}

/** The progress timeline from the accepted events (the states entered and when), as the policy core draws it. */
export function timelineOf(application: Pick<Application, 'program_id' | 'created_at'>, accepted: Accepted) {
  const workflow = workflowOf(application.program_id);
  return timeline(workflow, historyOf(application, workflow.initial, accepted));
}

/** The same timeline summed up in one line, for lists. */
export function progressLineOf(
  application: Pick<Application, 'program_id' | 'created_at'>,
  accepted: Accepted,
) {
  const workflow = workflowOf(application.program_id);
  return progress(workflow, historyOf(application, workflow.initial, accepted));
}

export const summaryOf = (loaded: LoadedApplication, now: Date) =>
  presentSummary(
    {
      application: loaded.application,
      enterpriseName: loaded.enterprise.name,
      townCode: loaded.enterprise.townCode,
      editionCode: loaded.editionCode,
    },
    now,
  );
