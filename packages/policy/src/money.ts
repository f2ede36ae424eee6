/**
 * Money is integer fen (分) and rates are basis points (1% = 100 bp), as POLICY.md requires.
 * Products go through BigInt: fen × bp overflows 2^53 at amounts this platform really sees (10^12 fen × 10^4 bp).
 */

export type Fen = number;
export type BasisPoints = number;

export const FEN_PER_YUAN = 100;
export const BP_WHOLE = 10_000;

export function yuan(amount: number): Fen {
  return assertFen(amount * FEN_PER_YUAN);
}

export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`金额必须是整数分：${value}`);
  return value;
}

/** rate × amount, rounded down to the fen. */
export function applyRate(amount: Fen, rate: BasisPoints): Fen {
  assertFen(amount);
  if (!Number.isInteger(rate) || rate < 0) throw new RangeError(`费率必须是非负整数基点：${rate}`);
  return Number((BigInt(amount) * BigInt(rate)) / BigInt(BP_WHOLE));
}

/** amount × numerator / denominator, rounded down to the fen (used for pro-rata by days). */
export function prorate(amount: Fen, numerator: number, denominator: number): Fen {
  assertFen(amount);
  if (denominator <= 0) throw new RangeError('分母必须为正');
  return Number((BigInt(amount) * BigInt(numerator)) / BigInt(denominator));
}

/** Every computed subsidy is rounded down to the whole yuan (POLICY.md, "Rounding"). */
export function roundDownToYuan(amount: Fen): Fen {
  assertFen(amount);
  const rem = amount % FEN_PER_YUAN;
  return rem >= 0 ? amount - rem : amount - rem - FEN_PER_YUAN;
}

export function minFen(...amounts: Fen[]): Fen {
  return Math.min(...amounts);
}

/** ¥1,234.00 — the one way the platform shows money to people. */
export function formatYuan(amount: Fen): string {
  assertFen(amount);
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / FEN_PER_YUAN)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % FEN_PER_YUAN).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${whole}.${cents}`;
}

/** 30% for 3000 bp. */
export function formatRate(rate: BasisPoints): string {
  const whole = Math.floor(rate / 100);
  const frac = rate % 100;
  return frac === 0 ? `${whole}%` : `${whole}.${frac.toString().padStart(2, '0').replace(/0$/, '')}%`;
}

const YUAN_TEXT = /^(\d{1,13})(?:\.(\d{0,2}))?$/;

/**
 * What a person types as yuan ("¥12,345.6") to integer fen, by the digits: never through a float, which would turn
 * 12.34 into 1233.9999…. Undefined when the text is not a yuan amount with at most two decimals.
 */
export function yuanTextToFen(text: string): Fen | undefined {
  const m = YUAN_TEXT.exec(text.replace(/[,，\s¥￥]/g, ''));
  if (!m) return undefined;
  return Number(m[1]) * FEN_PER_YUAN + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 123450 → "1234.50", the form an amount input is edited in. */
export function fenToYuanText(amount: Fen): string {
  assertFen(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / FEN_PER_YUAN)}.${String(abs % FEN_PER_YUAN).padStart(2, '0')}`;
}
