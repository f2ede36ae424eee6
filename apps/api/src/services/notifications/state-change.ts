import type { Application, Database } from '@dg/db';
import { availableEvents, type ProgramId, programLabels, roles, type Workflow, workflows } from '@dg/policy';
import type { Transaction } from 'kysely';
import type { SubscribeMessage } from './subscribe-message';

/** WeChat messages to send once the transaction that changed the state has committed. */
export type Outbox = SubscribeMessage[];

/** Who acts next in a state: the staff roles that may fire one of its events (enterprise staff get their inbox anyway). */
export function nextRoles(programId: ProgramId, state: string) {
  const workflow: Workflow = workflows[programId];
  return roles.filter(
    (role) => role !== 'enterprise_staff' && availableEvents(workflow, state, role).length > 0,
  );
}

interface Change {
  project: string;
  stateLabel: string;
  fromLabel: string;
  title: string;
  body: string;
}

function describe(application: Application, fromState: string): Change {
  const programId = application.program_id as ProgramId;
  const workflow: Workflow = workflows[programId];
  const stateLabel = workflow.states[application.state]?.label ?? application.state;
  const fromLabel = workflow.states[fromState]?.label ?? fromState;
  const project = String(application.form.projectName ?? programLabels[programId]);
  const ref = application.tracking_number ?? application.id.slice(0, 8);
  return {
    project,
    stateLabel,
    fromLabel,
    title: `${project}：${stateLabel}`,
    body: `申报 ${ref}（${programLabels[programId]}）由“${fromLabel}”进入“${stateLabel}”。`,
  };
}

function staffOf(trx: Transaction<Database>, enterpriseId: string) {
  return trx
    .selectFrom('enterprise_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.wechat_openid'])
    .where('m.enterprise_id', '=', enterpriseId)
    .where('u.disabled_at', 'is', null)
    .execute();
}

/**
 * Every state change of an application (called by the workflow's `applyEvent`, in its transaction): an inbox message
 * to each of the enterprise's staff and one to the queue of each role that acts next.
 */
export async function notifyStateChange(
  trx: Transaction<Database>,
  application: Application,
  fromState: string,
  now: Date,
): Promise<void> {
  if (application.state === fromState) return;
  const change = describe(application, fromState);
  const base = {
    enterprise_id: application.enterprise_id,
    application_id: application.id,
    kind: 'application_state',
    title: change.title,
    body: change.body,
    created_at: now,
  };
  const rows = [
    ...(await staffOf(trx, application.enterprise_id)).map((s) => ({ ...base, user_id: s.id, role: null })),
    ...nextRoles(application.program_id as ProgramId, application.state).map((role) => ({
      ...base,
      user_id: null,
      role,
      title: `待办：${change.title}`,
    })),
  ];
  if (rows.length) await trx.insertInto('notifications').values(rows).execute();
}

/** The WeChat subscribe messages for a state change, one per staff member with an openid, to send after commit. */
export async function queueWechatMessages(
  trx: Transaction<Database>,
  application: Application,
  fromState: string,
  outbox: Outbox,
  now: Date,
): Promise<void> {
  if (application.state === fromState) return;
  const change = describe(application, fromState);
  for (const s of await staffOf(trx, application.enterprise_id)) {
    if (!s.wechat_openid) continue;
    outbox.push({
      openid: s.wechat_openid,
      page: `pages/application/index?id=${application.id}`,
      projectName: change.project,
      stateLabel: change.stateLabel,
      at: now,
      note: `由“${change.fromLabel}”进入“${change.stateLabel}”`,
    });
  }
}
