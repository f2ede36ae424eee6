import { Ajv, type ValidateFunction } from 'ajv';
import { z } from 'zod';

// Every procedure's output is checked against its zod schema before it leaves the server. zod's parse rebuilds the
// whole value to do it (a new object per object, a result per property), a large share of a list request's CPU in
// the CPU profiles that BENCH_CPU_PROFILE writes (bench/applications.bench.ts). The check here is the same schema
// compiled once, as JSON Schema, into one function by Ajv: it reads the value in place and allocates nothing. When
// it accepts, zod would have returned an equal copy, so the value is sent as it is. Anything else goes to zod, which
// then decides exactly as before: it strips keys the schema does not name (Ajv refuses them, so a presenter that
// leaks a column still has it removed) or fails the request with zod's error.

/** What every check compiled from a zod schema needs of Ajv (input-validation.ts adds to it). */
export const ajvOptions = {
  strict: false,
  // zod's JSON Schema carries each format as a `pattern` (the same regular expressions zod tests with, which use no
  // unicode flag); the `format` keywords beside them are only names.
  validateFormats: false,
  unicodeRegExp: false,
  // A refused value is handed to zod, which words the error; Ajv's own messages would never be read.
  messages: false,
} as const;

const ajv = new Ajv(ajvOptions);

export interface CompiledOutput<S extends z.ZodType> {
  (value: unknown): z.output<S>;
  /** The zod schema, for tools that read procedures' contracts (test/procedure-contracts.test.ts). */
  readonly schema: S;
  /** Whether the compiled check is used: false when the schema has a refinement or a transform JSON Schema cannot say. */
  readonly compiled: boolean;
}

/** A procedure's `.output()`: zod's verdict, reached through a compiled check when the schema allows it. */
export function compiled<S extends z.ZodType>(schema: S): CompiledOutput<S> {
  // Compiled on first use, so the server starts without compiling 130 schemas it may not need yet.
  let check: ValidateFunction | null | undefined;
  const parse = (value: unknown): z.output<S> => {
    if (check === undefined) check = compile(schema);
    return check?.(value) ? (value as z.output<S>) : schema.parse(value);
  };
  return Object.defineProperties(parse, {
    schema: { value: schema },
    compiled: {
      get: () => {
        if (check === undefined) check = compile(schema);
        return check !== null;
      },
    },
  }) as CompiledOutput<S>;
}

/** The schema as an Ajv function, or null when its JSON Schema would accept values zod refuses. */
function compile(schema: z.ZodType): ValidateFunction | null {
  const json = exactJsonSchema(schema, 'output');
  return json ? ajv.compile(json) : null;
}

/** A schema node whose parse of an input may return something else than that input, or accept what its JSON refuses. */
const rewritesInput = (def: z.core.$ZodTypeDef) =>
  def.type === 'pipe' ||
  def.type === 'transform' ||
  def.type === 'catch' ||
  def.type === 'prefault' ||
  (def as { coerce?: boolean }).coerce === true;

/**
 * zod's JSON Schema of `schema` for its input or its output, or null when that JSON Schema would accept a value zod
 * refuses or zod would change (a refinement; on input also a rewrite such as .trim(); a transform; a Date).
 */
export function exactJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> | null {
  let exact = true;
  try {
    const json = z.toJSONSchema(schema, {
      io,
      target: 'draft-07',
      override: ({ zodSchema, jsonSchema }) => {
        const def = (zodSchema as unknown as z.ZodType)._zod.def;
        const checks = def.checks ?? [];
        // JSON Schema has no word for a refinement (.refine, .superRefine): such a schema stays with zod alone. A
        // rewrite (.trim()) changes an input; on output it is no constraint: the value goes out as it was stored.
        if (checks.some((c) => c._zod.def.check === 'custom')) exact = false;
        if (io === 'input' && checks.some((c) => c._zod.def.check === 'overwrite')) exact = false;
        // On input zod's JSON Schema describes only what goes into a pipe (a transform such as the USCC's
        // normalisation, or a second schema), and nothing of a coercion or a fallback: zod alone.
        if (io === 'input' && rewritesInput(def)) exact = false;
        // An input object strips the keys it does not name; only the output schema says so. Refused here, they go
        // to zod, which strips them.
        if (io === 'input' && def.type === 'object' && (def as z.core.$ZodObjectDef).catchall === undefined)
          jsonSchema.additionalProperties = false;
      },
    });
    return exact ? json : null;
  } catch {
    // A transform or a type JSON cannot carry (a Date, a bigint): zod alone.
    return null;
  }
}
