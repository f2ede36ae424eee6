import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarWith, MissingHolidayDataError, nthWorkday, yearsWithHolidayData } from '../src/calendar';
import { PROGRAM_IDS } from '../src/facts';
import {
  type FireContext,
  availableEvents,
  computeVoucherWorkflow as cv,
  eventSchema,
  fire,
  paymentWorkflow,
  progress,
  progressOf,
  type StateDeadline,
  stateSchema,
  timeline,
  verticalModelRdWorkflow as rd,
  type Workflow,
  workflows,
} from '../src/workflows';

const at = (local: string) => new Date(`${local}+08:00`);

describe('workflows by program', () => {
  it('has one review workflow per program', () => {
    expect(Object.keys(workflows).sort()).toEqual([...PROGRAM_IDS].sort());
    for (const id of PROGRAM_IDS) expect(workflows[id].id).toBe(id);
  });

  it('refuses unknown states and events as INVALID_STATE', () => {
    const ctx: FireContext = { actor: 'enterprise_staff', now: at('2025-11-03T10:00:00') };
    expect(fire(cv, 'archived', 'submit', ctx)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(fire(cv, 'draft', 'toString', ctx)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('explains a refusal in Chinese', () => {
    expect(fire(cv, 'town_review', 'pass_town', { actor: 'enterprise_staff', now: new Date() })).toEqual({
      ok: false,
      code: 'FORBIDDEN_ROLE',
      message: '企业经办人无权执行“镇街复核通过”',
    });
    expect(fire(cv, 'draft', 'pass_town', { actor: 'town_reviewer', now: new Date() })).toEqual({
      ok: false,
      code: 'INVALID_STATE',
      message: '当前状态“草稿”下不能执行“镇街复核通过”',
    });
  });

  it('offers zod schemas of state and event names for the API', () => {
    expect(stateSchema(cv).parse('returned')).toBe('returned');
    expect(stateSchema(cv).safeParse('closed').error?.issues[0]?.message).toBe('不是算力券申报的状态');
    expect(eventSchema(rd).safeParse('request_extension').success).toBe(true);
    expect(eventSchema(rd).safeParse('return_for_correction').success).toBe(false);
  });

  it('lists the events an actor may try in a state', () => {
    expect(availableEvents(cv, 'formal_review', 'city_reviewer').sort()).toEqual([
      'pass_formal',
      'reject_formal',
      'return_for_correction',
    ]);
    expect(availableEvents(cv, 'formal_review', 'enterprise_staff')).toEqual([]);
  });
});

describe('CV-13 return for correction', () => {
  const returnedAt = at('2025-11-03T10:00:00');
  const approvals = [
    { id: 'a1', event: 'pass_qualification' },
    { id: 'a2', event: 'pass_town' },
  ];

  it('voids the approvals of the round and starts the 5-natural-day clock', () => {
    const result = fire(cv, 'formal_review', 'return_for_correction', {
      actor: 'city_reviewer',
      now: returnedAt,
      approvals,
    });
    expect(result.ok && result.to).toBe('returned');
    expect(result.ok && result.effects).toEqual([
      { kind: 'void_approvals', approvalIds: ['a1'] },
      {
        kind: 'start_deadline',
        onExpiry: 'deadline_missed',
        deadline: expect.objectContaining({ rule: 'CV-13', date: '2025-11-08' }),
      },
    ]);
  });

  it('each return starts a new clock from the latest return', () => {
    const second = fire(cv, 'formal_review', 'return_for_correction', {
      actor: 'city_reviewer',
      now: at('2025-11-12T09:00:00'),
    });
    expect(second.ok && second.effects).toContainEqual(
      expect.objectContaining({
        kind: 'start_deadline',
        deadline: expect.objectContaining({ date: '2025-11-17' }),
      }),
    );
  });

  it('resubmission is accepted until 23:59:59 of D+5 and goes back to qualification review', () => {
    const ctx = { actor: 'enterprise_staff' as const, enteredAt: returnedAt };
    const inTime = fire(cv, 'returned', 'resubmit', { ...ctx, now: at('2025-11-08T23:59:59') });
    expect(inTime).toMatchObject({
      ok: true,
      to: 'qualification_review',
      effects: [{ kind: 'clear_deadline' }],
    });
    const late = fire(cv, 'returned', 'resubmit', { ...ctx, now: at('2025-11-09T00:00:00') });
    expect(late).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
      message: expect.stringContaining('CV-13'),
    });
  });

  it('the system abandons the application once the deadline is missed, and not before', () => {
    const ctx = { actor: 'system' as const, enteredAt: returnedAt };
    expect(fire(cv, 'returned', 'deadline_missed', { ...ctx, now: at('2025-11-08T23:59:59') })).toMatchObject(
      {
        ok: false,
        code: 'GUARD_FAILED',
      },
    );
    expect(fire(cv, 'returned', 'deadline_missed', { ...ctx, now: at('2025-11-09T00:00:01') })).toMatchObject(
      {
        ok: true,
        to: 'abandoned',
      },
    );
  });

  it('a deadline check without the time the state was entered is refused, not guessed', () => {
    expect(fire(cv, 'returned', 'resubmit', { actor: 'enterprise_staff', now: returnedAt })).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
    });
  });
});

describe("CV town review by the applicant's own town or park", () => {
  const ctx = {
    actor: 'town_reviewer' as const,
    now: at('2025-11-20T10:00:00'),
    applicantRegion: 'changping' as const,
  };

  it('the town the applicant belongs to reviews it; another town may not', () => {
    expect(fire(cv, 'town_review', 'pass_town', { ...ctx, actorRegion: 'changping' })).toMatchObject({
      ok: true,
      to: 'final_review',
    });
    expect(fire(cv, 'town_review', 'reject_town', { ...ctx, actorRegion: 'humen' })).toEqual({
      ok: false,
      code: 'GUARD_FAILED',
      message: '该申报单位属于常平镇，应由其所属镇街（园区）复核',
    });
    expect(fire(cv, 'town_review', 'pass_town', ctx)).toMatchObject({ code: 'GUARD_FAILED' });
  });
});

describe('CV final review fixes the recognised amount within the ceiling', () => {
  const ctx = { actor: 'expert' as const, now: at('2025-12-01T10:00:00'), ceilingFen: 30_000_00 };

  it('accepts an amount up to the ceiling and records it', () => {
    const result = fire(cv, 'final_review', 'approve_final', { ...ctx, recognisedFen: 30_000_00 });
    expect(result).toMatchObject({ ok: true, to: 'public_notice' });
    expect(result.ok && result.effects).toEqual([
      { kind: 'record_approval', event: 'approve_final' },
      { kind: 'set_recognised_amount', amountFen: 30_000_00 },
    ]);
  });

  it('refuses an amount above the ceiling, or none', () => {
    expect(fire(cv, 'final_review', 'approve_final', { ...ctx, recognisedFen: 30_000_01 })).toEqual({
      ok: false,
      code: 'GUARD_FAILED',
      message: '核定金额 ¥30,000.01 超过政策测算的资助上限 ¥30,000.00',
    });
    expect(fire(cv, 'final_review', 'approve_final', ctx)).toMatchObject({ code: 'GUARD_FAILED' });
    expect(fire(cv, 'final_review', 'approve_final', { ...ctx, recognisedFen: -1 })).toMatchObject({
      code: 'GUARD_FAILED',
    });
  });

  it('an upheld objection sends it back to final review and voids that approval', () => {
    const result = fire(cv, 'public_notice', 'uphold_objection', {
      actor: 'approver',
      now: at('2025-12-05T10:00:00'),
      approvals: [
        { id: 'q', event: 'pass_qualification' },
        { id: 'f', event: 'approve_final' },
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      to: 'final_review',
      effects: [{ kind: 'void_approvals', approvalIds: ['f'] }],
    });
  });
});

describe('GEN-7 public notice in the 细则 workflows', () => {
  it('entering the notice starts a 5-working-day deadline; it closes only after that', () => {
    const published = at('2025-09-26T09:00:00');
    const entered = fire(rd, 'shortlisting', 'shortlist', { actor: 'approver', now: published });
    expect(entered.ok && entered.effects).toContainEqual({
      kind: 'start_deadline',
      onExpiry: 'close_notice',
      deadline: expect.objectContaining({ rule: 'GEN-7', date: '2025-10-09' }),
    });
    const ctx = { actor: 'system' as const, enteredAt: published };
    expect(
      fire(rd, 'public_notice', 'close_notice', { ...ctx, now: at('2025-10-09T18:00:00') }),
    ).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
    });
    expect(
      fire(rd, 'public_notice', 'close_notice', { ...ctx, now: at('2025-10-10T00:00:00') }),
    ).toMatchObject({
      ok: true,
      to: 'consultation',
    });
  });
});

describe('state deadlines', () => {
  it.each(PROGRAM_IDS)(
    '%s: each names the rule its start cites, so a job can find them without a date',
    (program) => {
      const states = Object.entries(workflows[program].states) as [
        string,
        { deadline?: StateDeadline<string> },
      ][];
      const timed = states.filter(([, def]) => def.deadline);
      expect(timed.length).toBeGreaterThan(0);
      for (const [, def] of timed)
        expect(def.deadline!.start(at('2025-09-26T09:00:00')).rule).toBe(def.deadline!.rule);
    },
  );
});

describe('GEN-7 notices reaching a year the package does not cover', () => {
  const last = Math.max(...yearsWithHolidayData);
  const next = last + 1;
  // An illustrative arrangement for the next year (the tests do not know the real one): 元旦 01-01..01-03.
  const holidays = calendarWith([
    {
      year: next,
      source: `国务院办公厅关于${next}年部分节假日安排的通知（测试用）`,
      holidays: [{ name: '元旦', from: `${next}-01-01`, to: `${next}-01-03` }],
      makeUpWorkdays: [],
    },
  ]);

  it('refuses by throwing MissingHolidayDataError without that year, and counts through it with it', () => {
    const published = at(`${last}-12-28T10:00:00`);
    expect(() => fire(rd, 'shortlisting', 'shortlist', { actor: 'approver', now: published })).toThrow(
      MissingHolidayDataError,
    );
    const entered = fire(rd, 'shortlisting', 'shortlist', { actor: 'approver', now: published, holidays });
    const end = nthWorkday(`${last}-12-28`, 5, holidays);
    expect(end > `${next}-01-03`).toBe(true);
    expect(entered.ok && entered.effects).toContainEqual({
      kind: 'start_deadline',
      onExpiry: 'close_notice',
      deadline: expect.objectContaining({ rule: 'GEN-7', date: end }),
    });
    // The close guard reads the same calendar.
    expect(
      fire(rd, 'public_notice', 'close_notice', {
        actor: 'system',
        enteredAt: published,
        now: at(`${end}T18:00:00`),
        holidays,
      }),
    ).toMatchObject({ ok: false, code: 'GUARD_FAILED' });
  });
});

describe('RD-5 / RD-6 during implementation', () => {
  const base = { actor: 'enterprise_staff' as const, contractEnd: '2027-06-30', extensionsGranted: 0 };

  it('a major change is filed no later than 3 months before the contract end', () => {
    expect(
      fire(rd, 'implementation', 'request_major_change', { ...base, now: at('2027-03-30T23:00:00') }),
    ).toMatchObject({
      ok: true,
      to: 'change_review',
    });
    expect(
      fire(rd, 'implementation', 'request_major_change', { ...base, now: at('2027-03-31T08:00:00') }),
    ).toMatchObject({
      ok: false,
      code: 'GUARD_FAILED',
      message: expect.stringContaining('2027-03-30'),
    });
  });

  it('a minor change is filed within 1 month after it was made', () => {
    const ctx = { ...base, changedOn: '2026-01-31' };
    expect(
      fire(rd, 'implementation', 'file_minor_change', { ...ctx, now: at('2026-02-28T10:00:00') }),
    ).toMatchObject({
      ok: true,
      to: 'implementation',
      effects: [],
    });
    expect(
      fire(rd, 'implementation', 'file_minor_change', { ...ctx, now: at('2026-03-01T10:00:00') }),
    ).toMatchObject({
      code: 'GUARD_FAILED',
    });
  });

  it('one extension of at most 1 year; the approval extends the contract', () => {
    const now = at('2027-01-10T10:00:00');
    expect(
      fire(rd, 'implementation', 'request_extension', { ...base, now, requestedEnd: '2028-06-30' }),
    ).toMatchObject({
      ok: true,
      to: 'extension_review',
    });
    expect(
      fire(rd, 'implementation', 'request_extension', { ...base, now, requestedEnd: '2028-07-01' }),
    ).toMatchObject({
      code: 'GUARD_FAILED',
      message: expect.stringContaining('2028-06-30'),
    });
    expect(
      fire(rd, 'implementation', 'request_extension', {
        ...base,
        now,
        requestedEnd: '2028-01-01',
        extensionsGranted: 1,
      }),
    ).toMatchObject({ code: 'GUARD_FAILED', message: expect.stringContaining('只能延期一次') });
    // The completion date is a major change: a request later than 3 months before the end is refused (RD-6).
    expect(
      fire(rd, 'implementation', 'request_extension', {
        ...base,
        now: at('2027-04-01T10:00:00'),
        requestedEnd: '2028-01-01',
      }),
    ).toMatchObject({ code: 'GUARD_FAILED' });
    const approved = fire(rd, 'extension_review', 'approve_extension', {
      ...base,
      actor: 'approver',
      now: at('2027-04-20T10:00:00'),
      requestedEnd: '2028-06-30',
    });
    expect(approved).toMatchObject({
      ok: true,
      effects: [{ kind: 'extend_contract', newEnd: '2028-06-30' }],
    });
  });
});

describe('payment workflow', () => {
  const now = at('2025-12-20T10:00:00');

  it('finance checks a payment someone else prepared', () => {
    expect(
      fire(paymentWorkflow, 'prepared', 'check', { actor: 'finance', now, actorId: 'u1', preparedBy: 'u1' }),
    ).toMatchObject({ ok: false, code: 'GUARD_FAILED', message: '复核人不能是该笔支付的经办人' });
    expect(
      fire(paymentWorkflow, 'prepared', 'check', { actor: 'finance', now, actorId: 'u2', preparedBy: 'u1' }),
    ).toMatchObject({ ok: true, to: 'checked', effects: [{ kind: 'record_approval', event: 'check' }] });
  });

  it('a retry after a failure voids the earlier check', () => {
    expect(
      fire(paymentWorkflow, 'failed', 'retry', {
        actor: 'finance',
        now,
        approvals: [{ id: 'c1', event: 'check' }],
      }),
    ).toMatchObject({ ok: true, to: 'prepared', effects: [{ kind: 'void_approvals', approvalIds: ['c1'] }] });
  });
});

describe('timeline for the progress page', () => {
  it('shows done, current and next stages with the Shanghai dates they were entered', () => {
    const t = timeline(cv, [
      { state: 'draft', at: at('2025-11-01T09:00:00') },
      { state: 'submitted', at: at('2025-11-02T23:30:00') },
      { state: 'qualification_review', at: at('2025-11-03T09:00:00') },
      { state: 'formal_review', at: at('2025-11-04T09:00:00') },
    ]);
    expect(t.state).toBe('formal_review');
    expect(t.finished).toBe(false);
    expect(t.stages.map((s) => s.status)).toEqual([
      'done',
      'done',
      'done',
      'current',
      'next',
      'next',
      'next',
      'next',
      'next',
      'next',
    ]);
    expect(t.stages[1]).toEqual({
      state: 'submitted',
      label: '已提交',
      status: 'done',
      enteredOn: '2025-11-02',
    });
    expect(t.stages[4]).toEqual({ state: 'town_review', label: '镇街复核', status: 'next' });
  });

  it('a side state is shown at the stage it left from', () => {
    const t = timeline(cv, [
      { state: 'draft', at: at('2025-11-01T09:00:00') },
      { state: 'submitted', at: at('2025-11-02T09:00:00') },
      { state: 'qualification_review', at: at('2025-11-03T09:00:00') },
      { state: 'formal_review', at: at('2025-11-04T09:00:00') },
      { state: 'returned', at: at('2025-11-05T09:00:00') },
    ]);
    expect(t).toMatchObject({ state: 'returned', stateLabel: '退回补正', finished: false });
    expect(t.stages.find((s) => s.status === 'current')?.state).toBe('formal_review');
  });

  it('a rejection finishes the timeline at the stage that rejected', () => {
    const t = timeline(cv, [
      { state: 'draft', at: at('2025-11-01T09:00:00') },
      { state: 'town_review', at: at('2025-11-10T09:00:00') },
      { state: 'rejected', at: at('2025-11-11T09:00:00') },
    ]);
    expect(t).toMatchObject({ state: 'rejected', finished: true });
    expect(t.stages.find((s) => s.status === 'current')?.state).toBe('town_review');
  });

  it('a completed application has every stage done', () => {
    const t = timeline(paymentWorkflow, [
      { state: 'prepared', at: at('2025-12-01T09:00:00') },
      { state: 'checked', at: at('2025-12-02T09:00:00') },
      { state: 'paid', at: at('2025-12-03T09:00:00') },
    ]);
    expect(t.finished).toBe(true);
    expect(t.stages.map((s) => [s.status, s.enteredOn])).toEqual([
      ['done', '2025-12-01'],
      ['done', '2025-12-02'],
      ['done', '2025-12-03'],
    ]);
  });

  it('an empty history is a draft', () => {
    expect(timeline(rd, []).stages[0]).toMatchObject({ state: 'draft', status: 'current' });
  });

  it('sums a timeline up for lists: stages done of all, and the stage it is at', () => {
    const returned = timeline(cv, [
      { state: 'draft', at: at('2025-11-01T09:00:00') },
      { state: 'submitted', at: at('2025-11-02T09:00:00') },
      { state: 'qualification_review', at: at('2025-11-03T09:00:00') },
      { state: 'formal_review', at: at('2025-11-04T09:00:00') },
      { state: 'returned', at: at('2025-11-05T09:00:00') },
    ]);
    expect(progressOf(returned)).toEqual({
      state: 'returned',
      stateLabel: '退回补正',
      finished: false,
      done: 3,
      total: 10,
      current: { state: 'formal_review', label: '形式审查' },
    });
    const paid = timeline(paymentWorkflow, [
      { state: 'prepared', at: at('2025-12-01T09:00:00') },
      { state: 'checked', at: at('2025-12-02T09:00:00') },
      { state: 'paid', at: at('2025-12-03T09:00:00') },
    ]);
    expect(progressOf(paid)).toMatchObject({ finished: true, done: 3, total: 3, current: null });
  });

  it('draws a list line from a history exactly as it sums up the timeline of that history', () => {
    const all: Workflow<string, string>[] = [...Object.values(workflows), paymentWorkflow];
    const histories = fc.constantFrom(...all).chain((workflow) =>
      fc.tuple(
        fc.constant(workflow),
        fc.array(
          fc.record({
            state: fc.constantFrom(...Object.keys(workflow.states)),
            at: fc.date({
              min: at('2025-01-01T00:00:00'),
              max: at('2027-01-01T00:00:00'),
              noInvalidDate: true,
            }),
          }),
          { maxLength: 14 },
        ),
      ),
    );
    fc.assert(
      fc.property(histories, ([workflow, history]) => {
        expect(progress(workflow, history)).toEqual(progressOf(timeline(workflow, history)));
      }),
      { numRuns: 500 },
    );
  });
});
