import { z } from 'zod';

/** A validator's answer: the normalised value, or a precise Chinese message a form can show as is. */
export type Checked = { ok: true; value: string } | { ok: false; message: string };

export const valid = (value: string): Checked => ({ ok: true, value });
export const invalid = (message: string): Checked => ({ ok: false, message });

/** A zod schema that runs a validator and outputs its normalised value. */
export function schemaFrom(check: (input: string) => Checked) {
  return z.string().transform((input, ctx) => {
    const result = check(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

/** People paste codes with spaces; forms accept them and store the code without. */
export const withoutSpaces = (input: string): string => input.replace(/\s+/g, '');
