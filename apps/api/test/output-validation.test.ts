import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiled } from '../src/output-validation';
import { mineOutput, timelineSchema } from '../src/schemas/applications';
import { answersAsZod } from './json-mutations';

// The compiled output check must answer exactly as zod's parse would: the same value when it is valid, the same
// stripped copy when it has keys the schema does not name, the same refusal otherwise.

const item = {
  id: 'e0081d3e-cd2b-4a9a-845e-1ac3141dd14b',
  program: 'edge-node-deployment',
  programLabel: '边端智算节点部署项目',
  state: 'disbursement',
  stateLabel: '资金拨付',
  trackingNumber: 'EN-2025-000021',
  ceilingFen: 19_000_000,
  recognisedFen: null,
  deadlineAt: null,
  overdue: false,
  createdAt: '2025-09-14T01:30:00.000Z',
  progress: {
    state: 'disbursement',
    stateLabel: '资金拨付',
    finished: false,
    done: 9,
    total: 11,
    current: { state: 'disbursement', label: '资金拨付' },
  },
};
/** The list page, and a timeline beside it for a nested array of objects with an optional field. */
const pageSchema = mineOutput.extend({ timeline: timelineSchema });
const page = () => ({
  items: [structuredClone(item), structuredClone(item)],
  next: null,
  timeline: {
    state: 'disbursement',
    stateLabel: '资金拨付',
    finished: false,
    stages: [
      { state: 'draft', label: '草稿', status: 'done', enteredOn: '2025-09-14' },
      { state: 'disbursement', label: '资金拨付', status: 'current', enteredOn: '2025-10-28' },
      { state: 'completed', label: '完成', status: 'next' },
    ],
  },
});

/** zod's answer, or the string 'refused'. */
const zodAnswer = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(structuredClone(value));
  return result.success ? result.data : 'refused';
};
const compiledAnswer = (check: (value: unknown) => unknown, value: unknown) => {
  try {
    return check(structuredClone(value));
  } catch (error) {
    if (error instanceof z.ZodError) return 'refused';
    throw error;
  }
};

describe('compiled output check', () => {
  const check = compiled(pageSchema);

  it('compiles the list schema and sends a valid value as it is, without a copy', () => {
    const value = page();
    expect(check.compiled).toBe(true);
    expect(check(value)).toBe(value);
  });

  it('strips a key the schema does not name, as zod does', () => {
    const value = page();
    (value.items[0] as Record<string, unknown>).formJson = { secret: 'x' };
    const sent = check(value) as ReturnType<typeof page>;
    expect(sent.items[0]).not.toHaveProperty('formJson');
    expect(sent).toEqual(page());
  });

  it('refuses what zod refuses, with zod’s error', () => {
    const value = page();
    (value.items[1] as Record<string, unknown>).createdAt = '2025-02-30T00:00:00Z';
    expect(() => check(value)).toThrow(z.ZodError);
    expect(() => check({ ...page(), items: [{ ...item, ceilingFen: 1.5 }] })).toThrow(z.ZodError);
  });

  it('answers as zod for any one field of the page replaced by any JSON value', () => {
    answersAsZod(
      page,
      ['2025-09-14T01:30:00Z', '2025-09-14', 'e0081d3e-cd2b-4a9a-845e-1ac3141dd14b', 'next', 0, -1, 2 ** 53],
      (value) => compiledAnswer(check, value),
      (value) => zodAnswer(pageSchema, value),
    );
  });

  it('leaves a schema with a refinement to zod, which enforces it', () => {
    const span = z
      .object({ from: z.string(), to: z.string() })
      .refine((s) => s.from <= s.to, { error: '结束不能早于开始' });
    const spanCheck = compiled(span);
    expect(spanCheck.compiled).toBe(false);
    expect(spanCheck({ from: 'a', to: 'b' })).toEqual({ from: 'a', to: 'b' });
    expect(() => spanCheck({ from: 'b', to: 'a' })).toThrow(z.ZodError);
  });

  it('leaves a schema JSON cannot describe (a Date) to zod', () => {
    const dated = compiled(z.object({ at: z.date() }));
    expect(dated.compiled).toBe(false);
    const at = new Date('2025-01-01T00:00:00Z');
    expect(dated({ at })).toEqual({ at });
  });
});
