import type { Fen } from '@dg/policy';

const YUAN_TEXT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * "1,234.5" typed by a person → 123450 fen, by the digits (never through a float, which would turn 12.34 into
 * 1233.9999…). Undefined when the text is not an amount in yuan with at most two decimals.
 */
export function yuanTextToFen(text: string): Fen | undefined {
  const m = YUAN_TEXT.exec(text.replace(/[,，\s¥]/g, ''));
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 123450 → "1234.50", the form an amount input is edited in. */
export function fenToYuanText(fen: Fen): string {
  return `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;
}
