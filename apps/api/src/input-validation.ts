import { Ajv, type ValidateFunction } from 'ajv';
import type { z } from 'zod';
import { ajvOptions, exactJsonSchema } from './output-validation';

// The plain-HTTP bodies on the hot path (the edge heartbeat, thousands a second) are checked as the procedures'
// outputs are (output-validation.ts): zod's schema compiled once by Ajv, zod itself only for what the compiled
// check refuses. For an input the compiled check also fills in zod's defaults, in place; it refuses keys the schema
// does not name, so that zod strips them, and any schema whose input zod rewrites stays with zod alone.

const ajv = new Ajv({ ...ajvOptions, useDefaults: true });

/** `schema.safeParse`, answered by a compiled check when the value passes it. */
export function compiledInput<S extends z.ZodType>(
  schema: S,
): (raw: unknown) => z.ZodSafeParseResult<z.output<S>> {
  let check: ValidateFunction | null | undefined;
  return (raw) => {
    if (check === undefined) {
      const json = exactJsonSchema(schema, 'input');
      check = json ? ajv.compile(json) : null;
    }
    // A refused value may have had defaults filled in before the check failed: zod would fill in the same ones.
    return check?.(raw) ? { success: true, data: raw as z.output<S> } : schema.safeParse(raw);
  };
}
