// How SQL values come back as JS values, in one place for both drivers: int8 (money in fen, counts) becomes a JS
// integer and `date` stays the 'YYYY-MM-DD' text it is (a Date would shift it by the server's time zone).

export const INT8_OID = 20;
export const DATE_OID = 1082;

export class UnsafeIntegerError extends Error {
  constructor(text: string) {
    super(`int8 value ${text} is beyond Number.MAX_SAFE_INTEGER; money must stay below 2^53 fen`);
    this.name = 'UnsafeIntegerError';
  }
}

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UnsafeIntegerError(text);
  return value;
}

export function parseDate(text: string): string {
  return text;
}

export const valueParsers: Record<number, (text: string) => unknown> = {
  [INT8_OID]: parseInt8,
  [DATE_OID]: parseDate,
};
