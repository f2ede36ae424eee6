import { PROGRAM_IDS, type ProgramId, programLabels, workflows } from '@dg/policy';

export const programOptions = PROGRAM_IDS.map((id) => ({ value: id, label: programLabels[id] }));

/** The states a queue can be filtered by: the chosen program's, or every program's (same id, same label). */
export function stateOptions(program: ProgramId | undefined) {
  const chosen = program ? [workflows[program]] : Object.values(workflows);
  const seen = new Map<string, string>();
  for (const workflow of chosen) {
    for (const [state, def] of Object.entries(workflow.states as Record<string, { label: string }>)) {
      if (state !== 'draft' && !seen.has(state)) seen.set(state, def.label);
    }
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}
