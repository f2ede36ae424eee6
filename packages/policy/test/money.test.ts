import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRate, fenToYuanText, formatYuan, roundDownToYuan, yuanTextToFen } from '../src/money';

describe('money in integer fen', () => {
  it('reads typed yuan by its digits, never through a float', () => {
    expect(yuanTextToFen('12.34')).toBe(1234);
    expect(yuanTextToFen('¥1,234.5')).toBe(123_450);
    expect(yuanTextToFen('50000')).toBe(5_000_000);
    expect(yuanTextToFen('12.')).toBe(1200);
    expect(yuanTextToFen('12.345')).toBeUndefined();
    expect(yuanTextToFen('-5')).toBeUndefined();
    expect(yuanTextToFen('abc')).toBeUndefined();
  });

  it('round-trips every amount through the text an input edits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), (fen) => {
        expect(yuanTextToFen(fenToYuanText(fen))).toBe(fen);
      }),
    );
  });

  it('applies basis points and rounds subsidies down to the yuan', () => {
    expect(applyRate(6_000_000, 5000)).toBe(3_000_000);
    expect(applyRate(10 ** 14, 9999)).toBe(99_990_000_000_000);
    expect(roundDownToYuan(123_456)).toBe(123_400);
    expect(formatYuan(123_456_789)).toBe('¥1,234,567.89');
  });
});
