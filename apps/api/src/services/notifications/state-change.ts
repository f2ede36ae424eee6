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

/**
 * Every state change of an application: an inbox message to each of the enterprise's staff, one to the queue of each
 * role that acts next, and a WeChat subscribe message per staff member with an openid (queued in `outbox`).
 */
export async function notifyStateChange(
  trx: Transaction<Database>,
  application: Application,
  fromState: string,
  outbox: Outbox,
  now: Date,
): Promise<void> {
  if (application.state === fromState) return;
  const programId = application.program_id as ProgramId;
  const workflow = workflows[programId];
  const stateLabel =
    workflow.states[application.state as keyof typeof workflow.states]?.label ?? application.state;
  const fromLabel = workflow.states[fromState as keyof typeof workflow.states]?.label ?? fromState;
  const project = String(application.form.projectName ?? programLabels[programId]);
  const ref = application.tracking_number ?? application.id.slice(0, 8);
  const title = `${project}：${stateLabel}`;
  const body = `申报 ${ref}（${programLabels[programId]}）由“${fromLabel}”进入“${stateLabel}”。`;

  const staff = await trx
    .selectFrom('enterprise_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.wechat_openid'])
    .where('m.enterprise_id', '=', application.enterprise_id)
    .where('u.disabled_at', 'is', null)
    .execute();
  const base = {
    enterprise_id: application.enterprise_id,
    application_id: application.id,
    kind: 'application_state',
    title,
    body,
    created_at: now,
  };
  const rows = [
    ...staff.map((s) => ({ ...base, user_id: s.id, role: null })),
    ...nextRoles(programId, application.state).map((role) => ({
      ...base,
      user_id: null,
      role,
      title: `待办：${title}`,
    })),
  ];
  if (rows.length) await trx.insertInto('notifications').values(rows).execute();
  for (const s of staff) {
    if (!s.wechat_openid) continue;
    outbox.push({
      openid: s.wechat_openid,
      page: `pages/application/index?id=${application.id}`,
      projectName: project,
      stateLabel,
      at: now,
      note: `由“${fromLabel}”进入“${stateLabel}”`,
    });
  }
}
