import { progressOf, resubmissionDeadline, yearsWithHolidayData } from '@dg/policy';
import { dialects } from '@dg/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { abandonOverdueReturns } from '../src/services/reviews/abandon-overdue';
import { CV_CLOCK, type Client, checklistKeys, freshKey, readyDraft } from './application-flow';
import { codeOf, startTestApi, type TestApi } from './harness';

const DAY = 24 * 3600 * 1000;

describe.each(dialects)('applications and the review workflow on %s', (dialect) => {
  let api: TestApi;
  let now = CV_CLOCK;
  const as: Record<string, Client> = {};
  const tokens: Record<string, string> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi(dialect);
    api.server.deps.clock = () => now;
    for (const code of ['lin', 'huang', 'liu']) {
      tokens[code] = await api.wechatToken(code);
      as[code] = api.client({ token: tokens[code] });
    }
    for (const login of ['city1', 'city2', 'town-humen', 'town-changan', 'expert1', 'expert2', 'approver1']) {
      cookies[login] = await api.staffCookie(login);
      as[login] = api.client({ cookie: cookies[login] });
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Fires `event` as `who` on the version the reviewer sees now. */
  async function decide(who: string, id: string, event: string, extra: { recognisedFen?: number } = {}) {
    const { application } = await as[who]!.reviews.get.query({ id });
    return as[who]!.reviews.decide.mutate({ id, version: application.version, event, ...extra });
  }

  /** An R&D or edge application submitted and taken through formal review, expert scoring and site inspection. */
  async function throughSiteInspection(
    program: 'vertical-model-rd' | 'edge-node-deployment',
    code: string,
    key: string,
  ) {
    const { id, version } = await readyDraft(api, as[code]!, tokens[code]!, key, program);
    const { trackingNumber } = await as[code]!.applications.submit.mutate({
      id,
      version,
      idempotencyKey: freshKey('s'),
    });
    await decide('city2', id, 'accept');
    await decide('city2', id, 'pass_formal');
    await as.expert2!.reviews.score.mutate({
      id,
      scores: { compliance: 25, feasibility: 30, innovation: 30 },
    });
    await decide('expert2', id, 'pass_expert');
    await as.expert2!.reviews.recordInspection.mutate({
      id,
      visitedOn: '2025-09-15',
      result: 'pass',
      findings: '现场核验通过',
    });
    await decide('expert2', id, 'pass_site');
    return { id, trackingNumber };
  }

  it('takes a compute-voucher application from draft through final review within the ceiling', async () => {
    const half = await as.lin!.applications.saveDraft.mutate({
      program: 'compute-voucher',
      edition: '2025-1',
      form: { mainUses: ['训练'] },
      idempotencyKey: freshKey('half'),
    });
    expect(half.application.state).toBe('draft');
    expect(half.issues.map((i) => i.path)).toContain('applicant');
    // The warnings reach the applicant as they are: in Chinese, a missing field called missing.
    expect(half.issues.find((i) => i.path === 'applicant')?.message).toBe('缺少此字段');
    for (const issue of half.issues) expect(issue.message).toMatch(/\p{Script=Han}/u);

    const { id, version } = await readyDraft(api, as.lin!, tokens.lin!, 'humen-apparel', 'compute-voucher');
    const submitted = await as.lin!.applications.submit.mutate({
      id,
      version,
      idempotencyKey: freshKey('submit'),
    });
    expect(submitted.trackingNumber).toMatch(/^CV-2025-\d{6}$/);
    expect(submitted.submission.seq).toBe(1);
    expect(submitted.submission.verdict.eligible).toBe(true);
    const ceiling = submitted.submission.verdict.subsidyFen;
    expect(ceiling).toBeGreaterThan(0);
    expect(submitted.application.ceilingFen).toBe(ceiling);

    await decide('city1', id, 'accept');
    await decide('city1', id, 'pass_qualification');
    await decide('city1', id, 'pass_formal');
    await decide('town-humen', id, 'pass_town');
    expect(await codeOf(decide('expert1', id, 'approve_final', { recognisedFen: ceiling }))).toBe(
      'BAD_REQUEST',
    );
    await as.expert1!.reviews.score.mutate({
      id,
      scores: { compliance: 28, feasibility: 30, innovation: 29 },
    });
    expect(await codeOf(decide('expert1', id, 'approve_final', { recognisedFen: ceiling + 100 }))).toBe(
      'BAD_REQUEST',
    );
    const approved = await decide('expert1', id, 'approve_final', { recognisedFen: ceiling });
    expect(approved.state).toBe('public_notice');
    expect(approved.recognisedFen).toBe(ceiling);

    const detail = await as.city1!.reviews.get.query({ id });
    expect(detail.materials.map((m) => m.key)).toEqual(checklistKeys('compute-voucher'));
    expect(detail.verdict?.findings.every((f) => f.rule && f.article)).toBe(true);
    const refused = detail.history.filter((h) => !h.accepted);
    expect(refused.map((h) => [h.event, h.actorRole])).toEqual([
      ['approve_final', 'expert'],
      ['approve_final', 'expert'],
    ]);
    expect(refused[0]!.data.refusal).toMatch(/请先按评分细则提交评分/);
    expect(refused[1]!.data.refusal).toMatch(/超过政策测算的资助上限/);
    expect(detail.history.filter((h) => h.accepted).map((h) => h.toState)).toEqual([
      'submitted',
      'qualification_review',
      'formal_review',
      'town_review',
      'final_review',
      'public_notice',
    ]);
    const mine = await as.lin!.applications.mine.query({ program: 'compute-voucher', limit: 50 });
    const item = mine.items.find((i) => i.id === id)!;
    expect(item.progress.current?.state).toBe('public_notice');
  });

  it.each([
    ['vertical-model-rd', 'huang', 'nancheng-software'],
    ['edge-node-deployment', 'liu', 'dalang-textile'],
  ] as const)(
    'takes a %s application from draft through expert review, inspection and shortlisting',
    async (program, code, key) => {
      const { id, trackingNumber } = await throughSiteInspection(program, code, key);
      expect(trackingNumber).toMatch(program === 'vertical-model-rd' ? /^RD-2025-/ : /^EN-2025-/);
      const shortlisted = await decide('approver1', id, 'shortlist');
      expect(shortlisted.state).toBe('public_notice');
      const detail = await as.approver1!.reviews.get.query({ id });
      expect(detail.inspections).toHaveLength(1);
      expect(detail.scores[0]?.total).toBe(85);
      expect(detail.approvals.map((a) => a.event)).toEqual([
        'pass_formal',
        'pass_expert',
        'pass_site',
        'shortlist',
      ]);
    },
  );

  it('refuses, with a typed error kept in the history, a shortlist whose 5-working-day notice reaches a year without holiday data', async () => {
    now = CV_CLOCK;
    const { id } = await throughSiteInspection('vertical-model-rd', 'huang', 'nancheng-software');
    const lastYear = Math.max(...yearsWithHolidayData);
    // The Monday of the last week of the last year with data: its 5th working day lies in the next year.
    now = new Date(`${lastYear}-12-28T02:00:00Z`);
    try {
      const error = await decide('approver1', id, 'shortlist').then(
        () => undefined,
        (e: unknown) => e as { data?: { code?: string }; message?: string },
      );
      expect(error?.data?.code).toBe('PRECONDITION_FAILED');
      expect(error?.message).toContain(`系统尚缺 ${lastYear + 1} 年的法定节假日安排`);
      expect(error?.message).toContain('GEN-7');
    } finally {
      now = CV_CLOCK;
    }
    const detail = await as.approver1!.reviews.get.query({ id });
    expect(detail.application.state).toBe('shortlisting');
    const refused = detail.history.filter((h) => !h.accepted);
    expect(refused.map((h) => [h.event, h.actorRole])).toEqual([['shortlist', 'approver']]);
    expect(refused[0]!.data.refusal).toContain(`系统尚缺 ${lastYear + 1} 年的法定节假日安排`);
  });

  it('keeps both frozen versions across a return for correction (CV-13) and a resubmission', async () => {
    now = CV_CLOCK;
    const { id, version } = await readyDraft(api, as.lin!, tokens.lin!, 'humen-apparel', 'compute-voucher');
    await as.lin!.applications.submit.mutate({ id, version, idempotencyKey: freshKey('s') });
    await decide('city1', id, 'accept');
    await decide('city1', id, 'pass_qualification');
    const detail = await as.city1!.reviews.get.query({ id });
    const returned = await as.city1!.reviews.returnForCorrection.mutate({
      id,
      version: detail.application.version,
      reasons: [{ itemKey: 'cv-06', reason: '请补充发票联' }],
    });
    expect(returned.state).toBe('returned');
    expect(returned.deadlineAt).toBe(resubmissionDeadline(now).lastMoment.toISOString());

    const mineView = await as.lin!.applications.get.query({ id });
    expect(mineView.returnReasons).toEqual([{ itemKey: 'cv-06', reason: '请补充发票联' }]);
    now = new Date(CV_CLOCK.getTime() + 3 * DAY);
    const corrected = await as.lin!.applications.saveDraft.mutate({
      id,
      version: mineView.application.version,
      form: { ...mineView.form, paidFen: 9_100_000 },
    });
    const resubmitted = await as.lin!.applications.submit.mutate({
      id,
      version: corrected.application.version,
      idempotencyKey: freshKey('re'),
    });
    expect(resubmitted.application.state).toBe('qualification_review');
    expect(resubmitted.submission.seq).toBe(2);
    const after = await as.city1!.reviews.get.query({ id });
    expect(after.submissions.map((s) => [s.seq, s.form.paidFen])).toEqual([
      [1, 9_000_000],
      [2, 9_100_000],
    ]);
    expect(after.application.trackingNumber).toBe(resubmitted.trackingNumber);
    expect(after.approvals.find((a) => a.event === 'pass_qualification')?.voidedAt).not.toBeNull();
  });

  it('marks a return not corrected within 5 natural days abandoned, by a job that is safe to run twice', async () => {
    now = CV_CLOCK;
    const { id, version } = await readyDraft(api, as.lin!, tokens.lin!, 'humen-apparel', 'compute-voucher');
    await as.lin!.applications.submit.mutate({ id, version, idempotencyKey: freshKey('s') });
    await decide('city1', id, 'accept');
    await decide('city1', id, 'pass_qualification');
    const detail = await as.city1!.reviews.get.query({ id });
    await as.city1!.reviews.returnForCorrection.mutate({
      id,
      version: detail.application.version,
      reasons: [{ itemKey: 'form', reason: '联系人信息有误' }],
    });
    const log = pino({ level: 'silent' });
    const db = api.server.deps.db;
    const lastMoment = resubmissionDeadline(CV_CLOCK).lastMoment.getTime();
    expect(await abandonOverdueReturns(db, new Date(lastMoment), log)).toBe(0);
    // Run on a wall-clock day whose 5-working-day notice would reach a year without holiday data: the job finds the
    // CV-13 states by their rule, not by computing every state's deadline from today (which threw there).
    vi.useFakeTimers({
      toFake: ['Date'],
      now: new Date(`${Math.max(...yearsWithHolidayData)}-12-28T02:00:00Z`),
    });
    const firstRun = await abandonOverdueReturns(db, new Date(lastMoment + 1000), log).finally(() =>
      vi.useRealTimers(),
    );
    expect(firstRun).toBeGreaterThanOrEqual(1);
    expect(await abandonOverdueReturns(db, new Date(lastMoment + 2000), log)).toBe(0);
    const mine = await as.lin!.applications.get.query({ id });
    expect(mine.application.state).toBe('abandoned');

    now = new Date(lastMoment + 5000);
    const late = as.lin!.applications.submit.mutate({
      id,
      version: mine.application.version,
      idempotencyKey: freshKey('late'),
    });
    expect(await codeOf(late)).toBe('CONFLICT');
    const history = (await as.city1!.reviews.get.query({ id })).history;
    expect(history.filter((h) => h.event === 'deadline_missed' && h.accepted)).toHaveLength(1);
    expect(history.at(-1)).toMatchObject({ accepted: false, actorRole: 'enterprise_staff' });
  });

  it('makes one submission of a draft submitted twice at once with one idempotency key', async () => {
    now = CV_CLOCK;
    const { id, version } = await readyDraft(api, as.lin!, tokens.lin!, 'humen-apparel', 'compute-voucher');
    const idempotencyKey = freshKey('double');
    const [a, b] = await Promise.all([
      as.lin!.applications.submit.mutate({ id, version, idempotencyKey }),
      as.lin!.applications.submit.mutate({ id, version, idempotencyKey }),
    ]);
    expect(a.trackingNumber).toBe(b.trackingNumber);
    expect([a.submission.seq, b.submission.seq]).toEqual([1, 1]);
    const detail = await as.city1!.reviews.get.query({ id });
    expect(detail.submissions).toHaveLength(1);
    expect(detail.history.filter((h) => h.event === 'submit' && h.accepted)).toHaveLength(1);
  });

  it('shows a town reviewer only their own town’s applications', async () => {
    now = CV_CLOCK;
    const { id, version } = await readyDraft(api, as.lin!, tokens.lin!, 'humen-apparel', 'compute-voucher');
    await as.lin!.applications.submit.mutate({ id, version, idempotencyKey: freshKey('s') });
    for (const event of ['accept', 'pass_qualification', 'pass_formal']) await decide('city1', id, event);

    const humenQueue = await as['town-humen']!.reviews.queue.query({ limit: 100 });
    expect(humenQueue.items.map((i) => i.id)).toContain(id);
    const changanQueue = await as['town-changan']!.reviews.queue.query({ limit: 100, state: 'town_review' });
    expect(changanQueue.items.every((i) => i.townCode === 'changan')).toBe(true);
    expect(changanQueue.items.map((i) => i.id)).not.toContain(id);
    expect(await codeOf(as['town-changan']!.reviews.get.query({ id }))).toBe('NOT_FOUND');
    const { application } = await as['town-humen']!.reviews.get.query({ id });
    const foreign = as['town-changan']!.reviews.decide.mutate({
      id,
      version: application.version,
      event: 'pass_town',
    });
    expect(await codeOf(foreign)).toBe('NOT_FOUND');
    expect((await decide('town-humen', id, 'pass_town')).state).toBe('final_review');
  });

  it('never shows an expert an application of an enterprise they declared a tie to', async () => {
    const inQueue = await as.expert2!.reviews.queue.query({ search: '长安', limit: 100 });
    expect(inQueue.items.length).toBeGreaterThan(0);
    const target = inQueue.items[0]!;
    await as.expert2!.reviews.declareConflict.mutate({
      uscc: (await as.city1!.reviews.get.query({ id: target.id })).enterprise.uscc,
      reason: '近亲属任该企业高管',
    });
    const after = await as.expert2!.reviews.queue.query({ search: '长安', limit: 100 });
    expect(after.items).toEqual([]);
    expect(await codeOf(as.expert2!.reviews.get.query({ id: target.id }))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        as.expert2!.reviews.score.mutate({
          id: target.id,
          scores: { compliance: 1, feasibility: 1, innovation: 1 },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await codeOf(as.expert1!.reviews.get.query({ id: target.id }))).toBe('OK');
  });

  it('pages a reviewer queue by keyset in stage-entry order, with its filters applied', async () => {
    const all = await as.city1!.reviews.queue.query({ limit: 100 });
    expect(all.items.length).toBeGreaterThan(5);
    const entered = all.items.map((i) => i.stateEnteredAt);
    expect(entered).toEqual([...entered].sort());
    const paged: string[] = [];
    let after: { stateEnteredAt: string; id: string } | undefined;
    do {
      const page = await as.city1!.reviews.queue.query({ limit: 3, ...(after && { after }) });
      paged.push(...page.items.map((i) => i.id));
      after = page.next ?? undefined;
    } while (after);
    expect(paged).toEqual(all.items.map((i) => i.id));

    const rd = await as.city1!.reviews.queue.query({ program: 'vertical-model-rd', limit: 100 });
    expect(rd.items.length).toBeGreaterThan(0);
    expect(rd.items.every((i) => i.program === 'vertical-model-rd')).toBe(true);
    const town = await as.city1!.reviews.queue.query({
      townCode: 'changan',
      state: 'final_review',
      limit: 100,
    });
    expect(town.items.every((i) => i.townCode === 'changan' && i.state === 'final_review')).toBe(true);
    const big = await as.approver1!.reviews.queue.query({ minAmountFen: 50_000_000, limit: 100 });
    expect(big.items.length).toBeGreaterThan(0);
    expect(big.items.every((i) => (i.recognisedFen ?? i.ceilingFen ?? 0) >= 50_000_000)).toBe(true);
    const bySearch = await as.city1!.reviews.queue.query({ search: all.items[0]!.trackingNumber!, limit: 5 });
    expect(bySearch.items.map((i) => i.id)).toEqual([all.items[0]!.id]);
  });

  it('flags a returned application due soon, then overdue, as its CV-13 deadline nears and passes', async () => {
    now = CV_CLOCK;
    const { id, version } = await readyDraft(api, as.lin!, tokens.lin!, 'humen-apparel', 'compute-voucher');
    await as.lin!.applications.submit.mutate({ id, version, idempotencyKey: freshKey('s') });
    await decide('city1', id, 'accept');
    await decide('city1', id, 'pass_qualification');
    const { application } = await as.city1!.reviews.get.query({ id });
    await as.city1!.reviews.returnForCorrection.mutate({
      id,
      version: application.version,
      reasons: [{ itemKey: 'cv-02', reason: '营业执照复印件不清晰' }],
    });
    const flagged = async (deadline: 'due_soon' | 'overdue') =>
      (await as.city1!.reviews.queue.query({ state: 'returned', deadline, limit: 100 })).items.some(
        (i) => i.id === id,
      );
    expect([await flagged('due_soon'), await flagged('overdue')]).toEqual([false, false]);
    now = new Date(CV_CLOCK.getTime() + 4 * DAY);
    expect([await flagged('due_soon'), await flagged('overdue')]).toEqual([true, false]);
    expect((await as.lin!.applications.get.query({ id })).application.dueSoon).toBe(true);
    now = new Date(CV_CLOCK.getTime() + 7 * DAY);
    expect([await flagged('due_soon'), await flagged('overdue')]).toEqual([false, true]);
    now = CV_CLOCK;
  });

  it('pages my applications newest first by keyset, each with its progress as its timeline sums it up', async () => {
    const all = await as.lin!.applications.mine.query({ limit: 50 });
    expect(all.items.length).toBeGreaterThan(3);
    const created = all.items.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const paged: string[] = [];
    let after: { createdAt: string; id: string } | undefined;
    do {
      const page = await as.lin!.applications.mine.query({ limit: 2, ...(after && { after }) });
      paged.push(...page.items.map((i) => i.id));
      after = page.next ?? undefined;
    } while (after);
    expect(paged).toEqual(all.items.map((i) => i.id));
    for (const item of all.items) {
      const { timeline } = await as.lin!.applications.get.query({ id: item.id });
      expect(item.progress).toEqual(progressOf(timeline));
      expect(item.progress.state).toBe(item.state);
      if (item.state === 'draft')
        expect(item.progress).toMatchObject({ done: 0, current: { state: 'draft' } });
      else expect(item.progress.done).toBeGreaterThan(0);
    }
  });

  it('judges a draft for the confirm step as submitting it today would: the same cited findings, none while incomplete', async () => {
    const half = await as.lin!.applications.saveDraft.mutate({
      program: 'compute-voucher',
      edition: '2025-1',
      form: { mainUses: ['训练'] },
      idempotencyKey: freshKey('half-verdict'),
    });
    expect(half).not.toHaveProperty('findings');
    const incomplete = await as.lin!.applications.draftVerdict.query({ id: half.application.id });
    expect(incomplete).toEqual({ issues: half.issues, findings: [] });

    const { id, version, created } = await readyDraft(
      api,
      as.lin!,
      tokens.lin!,
      'humen-apparel',
      'compute-voucher',
    );
    expect(created.issues).toEqual([]);
    const verdict = await as.lin!.applications.draftVerdict.query({ id });
    expect(verdict.issues).toEqual([]);
    expect(verdict.findings.map((f) => f.rule)).toContain('CV-9');
    for (const f of verdict.findings) expect(f.message).toMatch(/\p{Script=Han}/u);
    const { submission } = await as.lin!.applications.submit.mutate({
      id,
      version,
      idempotencyKey: freshKey('verdict-submit'),
    });
    expect(verdict.findings).toEqual(submission.verdict.findings);
    // Once submitted, the verdict that counts is the frozen one.
    expect(await codeOf(as.lin!.applications.draftVerdict.query({ id }))).toBe('CONFLICT');
    expect(await codeOf(as.huang!.applications.draftVerdict.query({ id: half.application.id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses input the database could not store (NUL characters) with BAD_REQUEST, not a server error', async () => {
    const draft = as.lin!.applications.saveDraft.mutate({
      program: 'compute-voucher',
      edition: '2025-1',
      form: { outcomes: { other: 'a\u0000b' } },
      idempotencyKey: freshKey('nul'),
    });
    expect(await codeOf(draft)).toBe('BAD_REQUEST');
    expect(await codeOf(as.city1!.reviews.queue.query({ search: 'x\u0000' }))).toBe('BAD_REQUEST');
  });

  it('lets no enterprise read or change another’s application by guessing its id', async () => {
    const { id, version } = await readyDraft(
      api,
      as.huang!,
      tokens.huang!,
      'nancheng-software',
      'compute-voucher',
    );
    const lin = as.lin!;
    expect(await codeOf(lin.applications.get.query({ id }))).toBe('NOT_FOUND');
    expect(await codeOf(lin.applications.saveDraft.mutate({ id, version, form: {} }))).toBe('NOT_FOUND');
    expect(await codeOf(lin.applications.submit.mutate({ id, version, idempotencyKey: freshKey('x') }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(lin.applications.attachMaterial.mutate({ id, version, itemKey: 'cv-01', fileId: id })),
    ).toBe('NOT_FOUND');
    const mine = await lin.applications.mine.query({ limit: 50 });
    expect(mine.items.some((i) => i.id === id)).toBe(false);
    expect((await as.huang!.applications.get.query({ id })).application.version).toBe(version);
  });
});
