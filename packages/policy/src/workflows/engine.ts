/**
 * A small typed state-machine engine for the review workflows. A workflow is data: states with Chinese labels and the
 * deadline each starts, and events that name the actors that may fire them, the states they apply in, the state they
 * lead to, and their guards. `fire` is pure: the API persists what it returns (the new state and the effects).
 */
import type { HolidayCalendar } from '../calendar/holiday-calendar';
import { type Deadline, isWithin } from '../deadlines';
import { type IsoDate, shanghaiDate } from '../dates';
import { z } from 'zod';
import type { Fen } from '../money';
import type { DongguanRegionCode } from '../regions';
import { type Actor, actorLabel } from '../roles';
import { ruleById } from '../rules';

/** "CV-13 指南 五(三)": the rule id with its article from the catalogue. */
export function citation(ruleId: string): string {
  const rule = ruleById(ruleId);
  return rule ? `${rule.id} ${rule.article}` : ruleId;
}

/** An approval the API has recorded for an earlier event and not voided yet. */
export interface Approval {
  id: string;
  event: string;
}

/** What the caller knows when an actor fires an event. Program-specific fields are read only by the guards that need them. */
export interface FireContext {
  actor: Actor;
  now: Date;
  /** When the application entered its current state: the start of that state's deadline. */
  enteredAt?: Date;
  approvals?: readonly Approval[];
  /** Final review: the amount the review recognises, and the ceiling `evaluate` computed for the facts. */
  recognisedFen?: Fen;
  ceilingFen?: Fen;
  /** RD: the contract (任务书) end date in force, extensions granted so far, a requested new end, a change's date. */
  contractEnd?: IsoDate;
  extensionsGranted?: number;
  requestedEnd?: IsoDate;
  changedOn?: IsoDate;
  /** Payments: who fires the event and who prepared the payment (four-eyes check). */
  actorId?: string;
  preparedBy?: string;
  /** CV town review: the town/park the reviewer works for, and the one the applicant registered under. */
  actorRegion?: DongguanRegionCode;
  applicantRegion?: DongguanRegionCode;
  /** GEN-7's calendar with the arrangements entered so far; the published one when absent. */
  holidays?: HolidayCalendar;
}

/** A guard returns a Chinese message saying why the event may not fire, or undefined to allow it. */
export type Guard = (ctx: FireContext) => string | undefined;

export interface StateDeadline<E extends string> {
  /** The rule whose clock it is (the one `start` cites), known without computing a date. */
  rule: Deadline['rule'];
  /** The deadline of a state entered at `enteredAt`; one counted in working days reads `holidays`. */
  start: (enteredAt: Date, holidays?: HolidayCalendar) => Deadline;
  /** The event the system fires once the deadline has passed. */
  onExpiry: E;
}

export interface StateDef<E extends string> {
  label: string;
  terminal?: boolean;
  deadline?: StateDeadline<E>;
}

export interface EventDef<S extends string, E extends string> {
  label: string;
  from: readonly S[];
  to: S;
  actors: readonly Actor[];
  /** Firing records an approval that a later event may void. */
  approval?: boolean;
  /** Standing approvals of these events are voided when this event fires (a return voids its round's approvals). */
  voids?: readonly E[];
  /** 'open': only while the current state's deadline runs; 'expired': only after it has passed. */
  deadline?: 'open' | 'expired';
  guard?: Guard;
  /** Effects beyond the state change that the API must persist, computed from the context once the guard passed. */
  effects?: (ctx: FireContext) => Effect<E>[];
}

export interface Workflow<S extends string = string, E extends string = string> {
  id: string;
  label: string;
  initial: S;
  states: { readonly [K in S]: StateDef<E> };
  events: { readonly [K in E]: EventDef<S, E> };
  /** The stages a progress timeline draws, in order; side states (returned, rejected…) are shown at the last one reached. */
  mainPath: readonly S[];
}

/** Types a workflow definition: state names are the keys of `states`, event names the keys of `events`, and every
 * other mention of a state or event is checked against them. */
export function defineWorkflow<const S extends string, const E extends string>(workflow: {
  id: string;
  label: string;
  initial: NoInfer<S>;
  states: { readonly [K in S]: StateDef<NoInfer<E>> };
  events: { readonly [K in E]: EventDef<NoInfer<S>, NoInfer<E>> };
  mainPath: readonly NoInfer<S>[];
}): Workflow<S, E> {
  return workflow;
}

/** zod schemas of a workflow's state and event names, for API inputs and outputs. */
export function stateSchema<S extends string, E extends string>(workflow: Workflow<S, E>) {
  return z.enum(Object.keys(workflow.states) as [S, ...S[]], { error: `不是${workflow.label}的状态` });
}

export function eventSchema<S extends string, E extends string>(workflow: Workflow<S, E>) {
  return z.enum(Object.keys(workflow.events) as [E, ...E[]], { error: `不是${workflow.label}的操作` });
}

export type StateOf<W> = W extends Workflow<infer S, string> ? S : never;
export type EventOf<W> = W extends Workflow<string, infer E> ? E : never;

export type Effect<E extends string = string> =
  | { kind: 'record_approval'; event: E }
  | { kind: 'void_approvals'; approvalIds: string[] }
  | { kind: 'start_deadline'; deadline: Deadline; onExpiry: E }
  | { kind: 'clear_deadline' }
  | { kind: 'set_recognised_amount'; amountFen: Fen }
  | { kind: 'extend_contract'; newEnd: IsoDate };

export type RefusalCode = 'INVALID_STATE' | 'FORBIDDEN_ROLE' | 'GUARD_FAILED';

export type FireResult<S extends string = string, E extends string = string> =
  | { ok: true; from: S; to: S; event: E; effects: Effect<E>[] }
  | { ok: false; code: RefusalCode; message: string };

const refuse = (code: RefusalCode, message: string): FireResult<never, never> => ({
  ok: false,
  code,
  message,
});

// Object.keys and plain loops instead of Object.hasOwn, findLast and at: the mini-program's older JS engines lack
// them and nothing polyfills them (a bare `in` would accept inherited names such as "toString").
function hasOwn<K extends string>(record: { readonly [key in K]: unknown }, key: string): key is K {
  return Object.keys(record).includes(key);
}

function lastEntry<S extends string>(history: readonly HistoryEntry<S>[], match: (state: S) => boolean) {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i] as HistoryEntry<S>;
    if (match(entry.state)) return entry;
  }
  return undefined;
}

function deadlineRefusal<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  state: S,
  rule: 'open' | 'expired',
  ctx: FireContext,
): string | undefined {
  const spec = workflow.states[state].deadline;
  if (!spec) return undefined;
  if (!ctx.enteredAt) return `缺少进入“${workflow.states[state].label}”的时间，无法判断期限`;
  const deadline = spec.start(ctx.enteredAt, ctx.holidays);
  const expired = ctx.now.getTime() > deadline.lastMoment.getTime();
  const cited = citation(deadline.rule);
  if (rule === 'open' && expired)
    return `已超过期限：${deadline.description}，最迟 ${deadline.date} 23:59:59（${cited}）`;
  if (rule === 'expired' && !expired) return `期限尚未届满：${deadline.date} 23:59:59 截止（${cited}）`;
  return undefined;
}

/**
 * Fires `eventName` on an application in `state`. Pure; throws only MissingHolidayDataError when a working-day
 * deadline it reads or starts reaches a year `ctx.holidays` does not cover (data is missing, not a user error).
 */
export function fire<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  state: S | string,
  eventName: E | string,
  ctx: FireContext,
): FireResult<S, E> {
  if (!hasOwn(workflow.states, state)) return refuse('INVALID_STATE', `${workflow.label}没有状态“${state}”`);
  if (!hasOwn(workflow.events, eventName))
    return refuse('INVALID_STATE', `${workflow.label}没有操作“${eventName}”`);
  const event = workflow.events[eventName];
  const from = workflow.states[state];
  if (!event.from.includes(state)) {
    return refuse('INVALID_STATE', `当前状态“${from.label}”下不能执行“${event.label}”`);
  }
  if (!event.actors.includes(ctx.actor)) {
    return refuse('FORBIDDEN_ROLE', `${actorLabel(ctx.actor)}无权执行“${event.label}”`);
  }
  const guardMessage =
    (event.deadline && deadlineRefusal(workflow, state, event.deadline, ctx)) || event.guard?.(ctx);
  if (guardMessage) return refuse('GUARD_FAILED', guardMessage);

  const effects: Effect<E>[] = [];
  if (event.approval) effects.push({ kind: 'record_approval', event: eventName });
  if (event.voids?.length) {
    const voided = (ctx.approvals ?? []).filter((a) => (event.voids as readonly string[]).includes(a.event));
    if (voided.length) effects.push({ kind: 'void_approvals', approvalIds: voided.map((a) => a.id) });
  }
  if (event.effects) effects.push(...event.effects(ctx));
  if (event.to !== state) {
    if (from.deadline) effects.push({ kind: 'clear_deadline' });
    const target = workflow.states[event.to].deadline;
    if (target)
      effects.push({
        kind: 'start_deadline',
        deadline: target.start(ctx.now, ctx.holidays),
        onExpiry: target.onExpiry,
      });
  }
  return { ok: true, from: state, to: event.to, event: eventName, effects };
}

/** The events `actor` may try in `state` (guards not evaluated): what a page offers as buttons. */
export function availableEvents<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  state: S,
  actor: Actor,
): E[] {
  return (Object.keys(workflow.events) as E[]).filter((name) => {
    const event = workflow.events[name];
    return event.from.includes(state) && event.actors.includes(actor);
  });
}

export interface HistoryEntry<S extends string = string> {
  state: S;
  /** The instant the application entered `state`. */
  at: Date;
}

export interface TimelineStage<S extends string = string> {
  state: S;
  label: string;
  status: 'done' | 'current' | 'next';
  /** The Shanghai day the stage was (last) entered, for stages done or current. */
  enteredOn?: IsoDate;
}

export interface Timeline<S extends string = string> {
  /** The application's actual state, which may be a side state such as 退回补正 shown at its stage. */
  state: S;
  stateLabel: string;
  finished: boolean;
  stages: TimelineStage<S>[];
}

/** Where an application stands on its workflow's main path, from its history: what timelines and progress draw. */
function standing<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  history: readonly HistoryEntry<S>[],
) {
  const current = lastEntry(history, () => true)?.state ?? workflow.initial;
  const lastMain =
    lastEntry(history, (state) => workflow.mainPath.includes(state))?.state ?? workflow.initial;
  const reached = workflow.mainPath.indexOf(lastMain);
  const finished = workflow.states[current].terminal === true;
  // The main-path stages before `done` are done; the one at `reached`, when not done, is the current one.
  const done = Math.max(0, finished && current === lastMain ? reached + 1 : reached);
  return { current, finished, reached, done };
}

/** The main-path stages with their status and dates, for the mini-program's progress page. */
export function timeline<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  history: readonly HistoryEntry<S>[],
): Timeline<S> {
  const { current, finished, reached, done } = standing(workflow, history);
  const stages = workflow.mainPath.map((state, index): TimelineStage<S> => {
    const status = index < done ? 'done' : index === reached ? 'current' : 'next';
    const entry = status === 'next' ? undefined : lastEntry(history, (entered) => entered === state);
    return {
      state,
      label: workflow.states[state].label,
      status,
      ...(entry ? { enteredOn: shanghaiDate(entry.at) } : {}),
    };
  });
  return { state: current, stateLabel: workflow.states[current].label, finished, stages };
}

export interface Progress<S extends string = string> {
  state: S;
  stateLabel: string;
  finished: boolean;
  /** Main-path stages done, of `total`. */
  done: number;
  total: number;
  /** The stage the application is at (a side state such as 退回补正 is at the stage it left from); none when done. */
  current: { state: S; label: string } | null;
}

/**
 * A timeline in one line, for lists: "进度 3/10 · 当前：形式审查". The same standing as `timeline` draws, without
 * the stages' dates, which a list of applications does not show.
 */
export function progress<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  history: readonly HistoryEntry<S>[],
): Progress<S> {
  const { current, finished, reached, done } = standing(workflow, history);
  const stage = done === reached ? workflow.mainPath[reached] : undefined;
  return {
    state: current,
    stateLabel: workflow.states[current].label,
    finished,
    done,
    total: workflow.mainPath.length,
    current: stage === undefined ? null : { state: stage, label: workflow.states[stage].label },
  };
}

/** The progress line of a timeline already drawn. */
export function progressOf<S extends string>(t: Timeline<S>): Progress<S> {
  const current = t.stages.find((s) => s.status === 'current');
  return {
    state: t.state,
    stateLabel: t.stateLabel,
    finished: t.finished,
    done: t.stages.filter((s) => s.status === 'done').length,
    total: t.stages.length,
    current: current ? { state: current.state, label: current.label } : null,
  };
}

/** Guard helper: the act happens on the Shanghai day of `now` and must be within the deadline. */
export function lateMessage(deadline: Deadline, now: Date): string | undefined {
  return isWithin(deadline, shanghaiDate(now))
    ? undefined
    : `已超过期限：${deadline.description}，最迟 ${deadline.date}（${citation(deadline.rule)}）`;
}
