import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from '../src/routers/root';

// Issue 3: every procedure declares its output as a zod schema, so what the clients receive is validated at the
// boundary and described in `@dg/api/schemas`. Read from the router itself, so a procedure added later is held to it.

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>,
);

describe('procedure contracts', () => {
  it('reads the whole router', () => {
    expect(procedures.length).toBeGreaterThan(100);
  });

  it('declares a zod output on every procedure', () => {
    const undeclared = procedures
      .filter(([, p]) => !(p._def.output instanceof z.ZodType))
      .map(([path]) => path);
    expect(undeclared).toEqual([]);
  });
});
