import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, fromDayNumber, inclusiveDays, isIsoDate, parseIsoDate, shanghaiDate } from '../src/dates';

describe('calendar days (Asia/Shanghai)', () => {
  it('parses by arithmetic exactly as the JavaScript calendar does, for every day 1900–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 47_482 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(parseIsoDate(iso)).toBe(day);
        expect(fromDayNumber(day)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses dates that do not exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(() => parseIsoDate('2025-00-10')).toThrow('不是有效的日期');
  });

  it('counts both ends, and falls to the month end when adding months', () => {
    expect(inclusiveDays('2024-04-23', '2025-10-31')).toBe(557);
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('puts an instant on its Shanghai day (UTC+8)', () => {
    expect(shanghaiDate(new Date('2025-11-14T15:59:59.999Z'))).toBe('2025-11-14');
    expect(shanghaiDate(new Date('2025-11-14T16:00:00.000Z'))).toBe('2025-11-15');
  });
});
