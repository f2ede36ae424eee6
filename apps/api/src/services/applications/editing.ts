import { availableEvents } from '@dg/policy';
import type { Application } from '@dg/db';
import { conflict } from '../../errors';
import { workflowOf } from './workflow';

/** The workflow events that carry a (re)submitted form: the form and its materials are editable where one applies. */
const FORM_EVENTS = ['submit', 'resubmit'] as const;

/** The event that would (re)submit the application in its current state, if the applicant may submit now. */
export function formEvent(application: Pick<Application, 'program_id' | 'state'>): string | undefined {
  const workflow = workflowOf(application.program_id);
  const allowed: string[] = availableEvents(workflow, application.state, 'enterprise_staff');
  return FORM_EVENTS.find((e) => allowed.includes(e));
}

/** Refuses (CONFLICT, with `refusal`) unless the applicant may still change and (re)submit the form. */
export function assertEditable(
  application: Pick<Application, 'program_id' | 'state'>,
  refusal = '当前状态下申报内容不能修改',
): void {
  if (!formEvent(application)) throw conflict(refusal);
}

/** University, institute and new R&D institution applicants are not "enterprises" for CV-14 (8). */
export function isEnterpriseCategory(category: string): boolean {
  return !['university', 'research_institute', 'new_rnd_institution'].includes(category);
}
