import type { Database } from '@dg/db';
import { PROGRAM_IDS, type ProgramId } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { findApplication } from '../applications/load';
import { inTransaction } from '../applications/transaction';
import { applyEvent, RefusedEvent } from './fire';
import { workflowOf } from '../applications/workflow';

/** The returned-for-correction states: those whose deadline is the CV-13 resubmission clock, with their expiry event. */
function resubmissionStates(): { program: ProgramId; state: string; event: string }[] {
  return PROGRAM_IDS.flatMap((program) =>
    Object.entries(
      workflowOf(program).states as Record<string, { deadline?: { rule: string; onExpiry: string } }>,
    )
      .filter(([, def]) => def.deadline?.rule === 'CV-13')
      .map(([state, def]) => ({ program, state, event: def.deadline!.onExpiry })),
  );
}

const BATCH = 100;

/**
 * CV-13: a returned application not resubmitted by the end of its 5th natural day is deemed abandoned. Fires the
 * workflow's expiry event as the system. Safe to run twice and on several instances at once: rows are claimed with
 * FOR UPDATE SKIP LOCKED, and the workflow refuses the event once the state has moved on.
 */
export async function abandonOverdueReturns(db: Kysely<Database>, now: Date, log: Logger): Promise<number> {
  let abandoned = 0;
  for (const { program, state, event } of resubmissionStates()) {
    for (;;) {
      const done = await inTransaction(db, async (trx) => {
        const rows = await trx
          .selectFrom('applications')
          .select('id')
          .where('program_id', '=', program)
          .where('state', '=', state)
          .where('deadline_at', '<', now)
          .orderBy('deadline_at')
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        let progressed = false;
        for (const { id } of rows) {
          const loaded = await findApplication(trx, id);
          if (!loaded) continue;
          try {
            await applyEvent(trx, loaded, {
              event,
              actor: { userId: null, role: 'system', townCode: null },
              reason: '逾期未补正，视为放弃申报（CV-13）',
              requestId: null,
              now,
            });
            abandoned += 1;
            progressed = true;
          } catch (error) {
            if (!(error instanceof RefusedEvent)) throw error;
            log.warn({ applicationId: id, refusal: error.message }, 'overdue return not abandoned');
          }
        }
        // A full batch that moved nothing would come back unchanged: stop instead of spinning.
        return rows.length < BATCH || !progressed;
      });
      if (done) break;
    }
  }
  return abandoned;
}
