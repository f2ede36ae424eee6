import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors';
import { netReceivedFen } from '../payments/workflow';

export async function contractDetail(db: Kysely<Database>, applicationId: string, enterpriseId?: string) {
  const c = await db
    .selectFrom('rd_contracts as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .selectAll('c')
    .select(['a.state', 'a.version as application_version', 'a.enterprise_id'])
    .where('c.application_id', '=', applicationId)
    .executeTakeFirst();
  if (!c || (enterpriseId && c.enterprise_id !== enterpriseId)) throw notFound('任务书不存在或无权查看');
  const changes = await db
    .selectFrom('rd_contract_changes')
    .selectAll()
    .where('contract_id', '=', c.id)
    .orderBy('filed_at')
    .execute();
  const received = await db.transaction().execute((trx) => netReceivedFen(trx, applicationId));
  return {
    id: c.id,
    applicationId: c.application_id,
    applicationState: c.state,
    applicationVersion: c.application_version,
    contractNumber: c.contract_number,
    terms: c.terms,
    indicators: c.indicators,
    signedOn: c.signed_on,
    startOn: c.start_on,
    originalEndOn: c.original_end_on,
    endOn: c.end_on,
    extensionsGranted: c.extensions_granted,
    approvedGrantFen: c.approved_grant_fen,
    phase1Fen: c.phase1_fen,
    actualInvestmentFen: c.actual_investment_fen,
    receivedFen: received,
    acceptance: c.acceptance,
    settlement: c.settlement,
    closure: c.closure,
    changes: changes.map((ch) => ({
      id: ch.id,
      kind: ch.kind,
      subject: ch.subject,
      description: ch.description,
      changedOn: ch.changed_on,
      requestedEndOn: ch.requested_end_on,
      state: ch.state,
      decisionNote: ch.decision_note,
    })),
  };
}
