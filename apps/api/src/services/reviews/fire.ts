import {
  type Application,
  type ApplicationUpdate,
  type Database,
  json,
  type NewApplicationEvent,
} from '@dg/db';
import {
  type Actor,
  type DongguanRegionCode,
  type Effect,
  type FireContext,
  fire,
  MissingHolidayDataError,
} from '@dg/policy';
import type { Kysely, Transaction } from 'kysely';
import { DomainError, type DomainErrorCode, holidayDataMissing, notFound } from '../../errors';
import { appendAudit } from '../audit/append';
import { findApplication, type LoadedApplication } from '../applications/load';
import { inTransaction } from '../applications/transaction';
import { holidayCalendarOf } from '../calendar/holidays';
import { workflowOf } from '../applications/workflow';
import { notifyStateChange } from '../notifications/state-change';

// Drives an application through its program's @dg/policy workflow and persists what `fire` returns: the new state
// with optimistic locking on `version`, the event in the history, the approvals it records or voids, the deadline it
// starts, the audit row. A refused attempt is kept in the history too, in its own write after the rollback.

export interface FireActor {
  userId: string | null;
  role: Actor;
  /** A town reviewer's town (CV town review is the applicant's own town's). */
  townCode: string | null;
}

export interface FireRequest {
  event: string;
  actor: FireActor;
  /** The version the caller's decision was based on; a system job passes none and acts on what it read. */
  expectedVersion?: number;
  reason?: string;
  /** Recorded with the event (e.g. the reasons per material of a return). */
  data?: Record<string, unknown>;
  /** Final review: the amount recognised. */
  recognisedFen?: number;
  requestId: string | null;
  now: Date;
  /** Columns written with the state change (submit: tracking number, ceiling). */
  changes?: ApplicationUpdate;
  /** The caller's own precondition (e.g. an expert scored first): a message refuses the attempt as BAD_REQUEST. */
  precondition?: (trx: Transaction<Database>, loaded: LoadedApplication) => Promise<string | undefined>;
  /** R&D contract facts the RD-5/RD-6 guards read (the 任务书 end in force, extensions so far, requested end, change day). */
  contract?: Pick<FireContext, 'contractEnd' | 'extensionsGranted' | 'requestedEnd' | 'changedOn'>;
}

/** A refused event: the typed error for the caller and the history row to keep. */
export class RefusedEvent extends DomainError {
  readonly record: NewApplicationEvent;
  constructor(code: DomainErrorCode, message: string, record: NewApplicationEvent) {
    super(code, message);
    this.record = record;
  }
}

const refusalCodes: Record<'INVALID_STATE' | 'FORBIDDEN_ROLE' | 'GUARD_FAILED', DomainErrorCode> = {
  INVALID_STATE: 'CONFLICT',
  FORBIDDEN_ROLE: 'FORBIDDEN',
  GUARD_FAILED: 'BAD_REQUEST',
};

function eventRow(
  application: Application,
  req: FireRequest,
  to: string | null,
  extra: Record<string, unknown>,
) {
  return {
    application_id: application.id,
    event: req.event,
    from_state: application.state,
    to_state: to,
    actor_user_id: req.actor.userId,
    actor_role: req.actor.role,
    accepted: to !== null,
    reason: req.reason ?? null,
    data: json({ ...req.data, ...extra }),
    at: req.now,
  } satisfies NewApplicationEvent;
}

/** Refuses an attempt; the history keeps it (see `keepingRefusals`). */
export function refuse(
  code: DomainErrorCode,
  message: string,
  application: Application,
  req: FireRequest,
): never {
  throw new RefusedEvent(code, message, eventRow(application, req, null, { refusal: message }));
}

/**
 * Runs the policy core's `fire`, whose one throw is a working-day deadline (GEN-7's notice) reaching a year without
 * holiday data: refused like any other attempt, kept in the history, never a server error.
 */
function firing<T>(run: () => T, application: Application, req: FireRequest): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof MissingHolidayDataError)) throw error;
    const refusal = holidayDataMissing(error.year);
    return refuse(refusal.code, refusal.message, application, req);
  }
}

/** The column changes the workflow's effects ask for. */
function effectChanges(effects: readonly Effect[]): ApplicationUpdate {
  const changes: ApplicationUpdate = {};
  for (const effect of effects) {
    if (effect.kind === 'clear_deadline') changes.deadline_at ??= null;
    if (effect.kind === 'start_deadline') changes.deadline_at = effect.deadline.lastMoment;
    if (effect.kind === 'set_recognised_amount') changes.recognised_fen = effect.amountFen;
  }
  return changes;
}

/** Fires one event on a loaded application inside the caller's transaction. Throws RefusedEvent when refused. */
export async function applyEvent(
  trx: Transaction<Database>,
  loaded: LoadedApplication,
  req: FireRequest,
): Promise<Application> {
  const { application, enterprise } = loaded;
  const workflow = workflowOf(application.program_id);
  if (!Object.keys(workflow.events).includes(req.event))
    refuse('BAD_REQUEST', `${workflow.label}没有操作“${req.event}”`, application, req);
  if (req.expectedVersion !== undefined && req.expectedVersion !== application.version)
    refuse('CONFLICT', '申报已被他人处理或修改，请刷新后重试', application, req);

  const unmet = await req.precondition?.(trx, loaded);
  if (unmet) refuse('BAD_REQUEST', unmet, application, req);

  const holidays = await holidayCalendarOf(trx);
  const approvals = await trx
    .selectFrom('application_approvals')
    .select(['id', 'event'])
    .where('application_id', '=', application.id)
    .where('voided_at', 'is', null)
    .execute();
  const result = firing(
    () =>
      fire(workflow, application.state, req.event, {
        ...req.contract,
        actor: req.actor.role,
        now: req.now,
        enteredAt: application.state_entered_at,
        approvals,
        recognisedFen: req.recognisedFen,
        ceilingFen: application.ceiling_fen ?? undefined,
        actorRegion: (req.actor.townCode ?? undefined) as DongguanRegionCode | undefined,
        applicantRegion: enterprise.townCode as DongguanRegionCode,
        holidays,
      }),
    application,
    req,
  );
  if (!result.ok) refuse(refusalCodes[result.code], result.message, application, req);

  const updated = await trx
    .updateTable('applications')
    .set({
      ...req.changes,
      ...effectChanges(result.effects),
      state: result.to,
      ...(result.to !== result.from && { state_entered_at: req.now }),
      updated_at: req.now,
      version: application.version + 1,
    })
    .where('id', '=', application.id)
    .where('version', '=', application.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) refuse('CONFLICT', '申报已被他人处理或修改，请刷新后重试', application, req);

  const event = await trx
    .insertInto('application_events')
    .values(eventRow(application, req, result.to, { effects: result.effects }))
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const effect of result.effects) {
    if (effect.kind === 'record_approval') {
      await trx
        .insertInto('application_approvals')
        .values({
          application_id: application.id,
          event: effect.event,
          event_id: event.id,
          actor_user_id: req.actor.userId,
          approved_at: req.now,
        })
        .execute();
    }
    if (effect.kind === 'void_approvals') {
      await trx
        .updateTable('application_approvals')
        .set({ voided_at: req.now, voided_by_event_id: event.id })
        .where('id', 'in', effect.approvalIds)
        .execute();
    }
  }
  await notifyStateChange(trx, updated, application.state, req.now);
  await appendAudit(
    trx,
    { actor: { userId: req.actor.userId, role: req.actor.role }, requestId: req.requestId },
    {
      action: `application.${req.event}`,
      entityType: 'application',
      entityId: application.id,
      data: { from: result.from, to: result.to, reason: req.reason ?? null, version: updated.version },
    },
  );
  return updated;
}

/** Runs `fn` (which may throw RefusedEvent); a refusal's history row is written once the attempt rolled back. */
export async function keepingRefusals<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof RefusedEvent)
      await db.insertInto('application_events').values(error.record).execute();
    throw error;
  }
}

/** Loads the application and fires one event on it in a transaction of its own. */
export function fireEvent(
  db: Kysely<Database>,
  applicationId: string,
  req: FireRequest,
  visible: (loaded: LoadedApplication, trx: Transaction<Database>) => Promise<boolean> | boolean = () => true,
): Promise<Application> {
  return keepingRefusals(db, () =>
    inTransaction(db, async (trx) => {
      const loaded = await findApplication(trx, applicationId);
      if (!loaded || !(await visible(loaded, trx))) throw notFound('申报不存在或无权查看');
      return applyEvent(trx, loaded, req);
    }),
  );
}
