import { type ProgramId, type Workflow, workflows } from '@dg/policy';

/** The program's workflow with its state and event names widened to strings, for code that handles any program. */
export const workflowOf = (program: string): Workflow =>
  workflows[program as ProgramId] as unknown as Workflow;
