import type { Facts, Fen } from '@dg/policy';

/** A facts document while it is being typed: any amount or count may still be empty. */
export type Draft<T> = T extends number
  ? T | null
  : T extends readonly (infer E)[]
    ? Draft<E>[]
    : T extends object
      ? { [K in keyof T]: Draft<T[K]> }
      : T;

export type FactsDraft = Draft<Facts>;
export type AmountOrEmpty = Fen | null;

/** Zod issue paths as the dotted keys forms look their errors up by (payments.0.amountFen). */
export function issuesByPath(
  issues: readonly { path: PropertyKey[]; message: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!out.has(key)) out.set(key, issue.message);
  }
  return out;
}
