import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CompiledOutput } from '../src/output-validation';
import { appRouter } from '../src/routers/root';

// Issue 3: every procedure declares its output as a zod schema, so what the clients receive is validated at the
// boundary and described in `@dg/api/schemas`. Read from the router itself, so a procedure added later is held to it.

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>,
);

const outputOf = (p: { _def: { output?: unknown } }) =>
  p._def.output as Partial<CompiledOutput<z.ZodType>> | undefined;

describe('procedure contracts', () => {
  it('reads the whole router', () => {
    expect(procedures.length).toBeGreaterThan(100);
  });

  it('declares a zod output on every procedure, through the compiled check', () => {
    const undeclared = procedures
      .filter(([, p]) => !(outputOf(p)?.schema instanceof z.ZodType))
      .map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('compiles every output schema but those with a refinement, which zod alone can check', () => {
    const zodOnly = procedures.filter(([, p]) => !outputOf(p)?.compiled).map(([path]) => path);
    // The payments the compute voucher counts carry the policy core's rule that a service ends after it starts.
    expect(zodOnly).toEqual(['compute.metering.voucherEvidence']);
  });
});
