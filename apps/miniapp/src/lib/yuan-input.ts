import type { Fen } from '@dg/policy';

const YUAN_TEXT = /^(\d{1,13})(?:\.(\d{0,2}))?$/;

/** What a person types as yuan ("12,345.6") to integer fen, by string digits so no float ever touches money. */
export function parseYuanInput(text: string): Fen | null {
  const m = YUAN_TEXT.exec(text.replace(/[,，\s]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Fen back to the plain text an input shows (no separators, no trailing .00). */
export function fenToYuanInput(fen: Fen): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}
