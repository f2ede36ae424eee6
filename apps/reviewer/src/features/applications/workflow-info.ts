import { type FireContext, type ProgramId, workflows } from '@dg/policy';

interface EventView {
  to: string;
  terminal: boolean;
}

function eventDef(program: string, event: string) {
  const workflow = workflows[program as ProgramId];
  const events = workflow?.events as Record<
    string,
    { to: string; effects?: (ctx: FireContext) => { kind: string }[] }
  >;
  return { workflow, def: events?.[event] };
}

/** Where an event leads, read from the program's workflow in the policy core. */
export function eventTarget(program: string, event: string): EventView | undefined {
  const { workflow, def } = eventDef(program, event);
  if (!def) return undefined;
  const states = workflow.states as Record<string, { terminal?: boolean }>;
  return { to: def.to, terminal: Boolean(states[def.to]?.terminal) };
}

/**
 * Whether the event records a recognised amount (final review): the workflow's own effect says so when asked with
 * an amount, so the page asks for one exactly where the policy core will use it.
 */
export function recordsRecognisedAmount(program: string, event: string): boolean {
  const { def } = eventDef(program, event);
  const effects = def?.effects?.({ actor: 'approver', now: new Date(), recognisedFen: 0 }) ?? [];
  return effects.some((effect) => effect.kind === 'set_recognised_amount');
}

/** Whether the program's review workflow has a stage (site inspection, consultation…): pages show its panel only then. */
export function hasStage(program: string, state: string): boolean {
  const workflow = workflows[program as ProgramId];
  return Boolean(workflow) && Object.hasOwn(workflow.states, state);
}
