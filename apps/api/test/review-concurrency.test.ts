import { resubmissionDeadline } from '@dg/policy';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abandonOverdueReturns } from '../src/services/reviews/abandon-overdue';
import { CV_CLOCK, type Client, freshKey, readyDraft } from './application-flow';
import { codeOf, startTestApi, type TestApi } from './harness';

// Real concurrency needs a server that runs statements in parallel: PostgreSQL with a connection pool.

describe('concurrent review decisions on postgres', () => {
  let api: TestApi;
  let lin: Client;
  let token: string;
  const staff: Record<string, Client> = {};

  beforeAll(async () => {
    api = await startTestApi('postgres');
    api.server.deps.clock = () => CV_CLOCK;
    token = await api.wechatToken('lin');
    lin = api.client({ token });
    for (const login of ['city1', 'city2'])
      staff[login] = api.client({ cookie: await api.staffCookie(login) });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function inQualification() {
    const { id, version } = await readyDraft(api, lin, token, 'humen-apparel', 'compute-voucher');
    await lin.applications.submit.mutate({ id, version, idempotencyKey: freshKey('s') });
    const { application } = await staff.city1!.reviews.get.query({ id });
    await staff.city1!.reviews.decide.mutate({ id, version: application.version, event: 'accept' });
    return (await staff.city1!.reviews.get.query({ id })).application;
  }

  it('lets one of two reviewers deciding at once win; the other gets CONFLICT and both attempts are kept', async () => {
    const application = await inQualification();
    const outcomes = await Promise.all([
      codeOf(
        staff.city1!.reviews.decide.mutate({
          id: application.id,
          version: application.version,
          event: 'pass_qualification',
        }),
      ),
      codeOf(
        staff.city2!.reviews.decide.mutate({
          id: application.id,
          version: application.version,
          event: 'reject_qualification',
        }),
      ),
    ]);
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
    const detail = await staff.city1!.reviews.get.query({ id: application.id });
    expect(detail.application.version).toBe(application.version + 1);
    const attempts = detail.history.filter((h) =>
      ['pass_qualification', 'reject_qualification'].includes(h.event),
    );
    expect(attempts).toHaveLength(2);
    expect(attempts.filter((h) => h.accepted)).toHaveLength(1);
    const winner = attempts.find((h) => h.accepted)!;
    expect(detail.application.state).toBe(winner.toState);
  });

  it('abandons each overdue return exactly once when two job runs race', async () => {
    const returnedIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const application = await inQualification();
      await staff.city1!.reviews.decide.mutate({
        id: application.id,
        version: application.version,
        event: 'pass_qualification',
      });
      const current = (await staff.city1!.reviews.get.query({ id: application.id })).application;
      await staff.city1!.reviews.returnForCorrection.mutate({
        id: application.id,
        version: current.version,
        reasons: [{ itemKey: 'cv-03', reason: '算力服务证明未加盖公章' }],
      });
      returnedIds.push(application.id);
    }
    const after = new Date(resubmissionDeadline(CV_CLOCK).lastMoment.getTime() + 1000);
    const log = pino({ level: 'silent' });
    const [a, b] = await Promise.all([
      abandonOverdueReturns(api.server.deps.db, after, log),
      abandonOverdueReturns(api.server.deps.db, after, log),
    ]);
    expect(a + b).toBe(3);
    for (const id of returnedIds) {
      const { history, application } = await staff.city1!.reviews.get.query({ id });
      expect(application.state).toBe('abandoned');
      expect(history.filter((h) => h.event === 'deadline_missed')).toHaveLength(1);
    }
  });
});
