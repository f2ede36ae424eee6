import { usccCheckCharacter, usccSchema } from '@dg/policy';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiledInput } from '../src/input-validation';
import { heartbeatBody } from '../src/schemas/edge';
import { answersAsZod } from './json-mutations';

// The compiled body check must answer as zod's safeParse: the same data (defaults filled in, unnamed keys gone)
// when zod accepts, a refusal with zod's issues when zod refuses.

const heartbeat = () => ({
  seq: 7,
  sentAt: '2026-11-22T07:30:00.000+08:00',
  uptimeS: 3600,
  cpu: { load1: 0.42, cores: 4, utilPct: 12.5 },
  memory: { totalBytes: 8_000_000_000, usedBytes: 3_000_000_000 },
  accelerators: [{ name: 'Ascend 310', utilPct: 37.5 }],
  models: [{ name: 'defect-detect', version: '3' }],
  appVersion: '1.0.0',
});

const zodAnswer = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(structuredClone(value));
  return result.success ? { data: result.data } : { issues: result.error.issues };
};
const compiledAnswer = (check: (raw: unknown) => z.ZodSafeParseResult<unknown>, value: unknown) => {
  const result = check(structuredClone(value));
  return result.success ? { data: result.data } : { issues: result.error.issues };
};

describe('compiled body check', () => {
  const check = compiledInput(heartbeatBody);

  it('accepts a heartbeat in place, with zod’s defaults filled in', () => {
    const value = heartbeat() as Record<string, unknown>;
    delete value.accelerators;
    const result = check(value);
    expect(result.success).toBe(true);
    expect(result.data).toBe(value);
    expect(result.data).toEqual(heartbeatBody.parse({ ...heartbeat(), accelerators: undefined }));
    expect(result.data).toMatchObject({ health: 'ok', accelerators: [] });
  });

  it('drops a field the schema does not name, as zod does', () => {
    const result = check({ ...heartbeat(), gpuFanRpm: 3000, cpu: { ...heartbeat().cpu, temp: 60 } });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty('gpuFanRpm');
    expect(result.data?.cpu).not.toHaveProperty('temp');
  });

  it('counts a string’s length as zod does, in characters: 100 emoji make a 100-character name, 101 do not', () => {
    for (const count of [100, 101]) {
      const value = { ...heartbeat(), models: [{ name: '😀'.repeat(count) }] };
      expect(check(value).success).toBe(count === 100);
      expect(heartbeatBody.safeParse(value).success).toBe(count === 100);
    }
  });

  it('answers as zod for any one field of a heartbeat replaced by any JSON value', () => {
    answersAsZod(
      heartbeat,
      ['2026-11-22T07:30:00Z', '2026-11-22', 'ok', 'asleep', 0, -1, 100.5, 2 ** 53, ''],
      (value) => compiledAnswer(check, value),
      (value) => zodAnswer(heartbeatBody, value),
    );
  });

  it('leaves to zod an input it rewrites (.trim()), a strict object and a loose one', () => {
    const trimmed = compiledInput(z.object({ name: z.string().trim().min(1) }));
    expect(trimmed({ name: '  节点 ' })).toEqual({ success: true, data: { name: '节点' } });
    const strict = compiledInput(z.strictObject({ a: z.number() }));
    expect(strict({ a: 1, b: 2 }).success).toBe(false);
    const loose = compiledInput(z.looseObject({ a: z.number() }));
    expect(loose({ a: 1, b: 2 })).toEqual({ success: true, data: { a: 1, b: 2 } });
  });

  it('leaves to zod an input that goes through a pipe, a coercion or a fallback, whose JSON Schema says only “string”', () => {
    const first17 = '91441900MA4UJ9XK2';
    const uscc = first17 + usccCheckCharacter(first17);
    const code = compiledInput(z.object({ uscc: usccSchema }));
    // The normalisation (spaces out, capitals) happens, and a wrong check character is refused, as zod does.
    expect(code({ uscc: ` ${uscc.toLowerCase()} ` })).toEqual({ success: true, data: { uscc } });
    expect(code({ uscc: `${first17}0` }).success).toBe(false);
    const piped = compiledInput(z.object({ name: z.string().pipe(z.string().min(3)) }));
    expect(piped({ name: 'ab' }).success).toBe(false);
    const coerced = compiledInput(z.object({ n: z.coerce.number() }));
    expect(coerced({ n: '42' })).toEqual({ success: true, data: { n: 42 } });
    const fallback = compiledInput(z.object({ n: z.number().catch(0) }));
    expect(fallback({ n: 'x' })).toEqual({ success: true, data: { n: 0 } });
  });
});
