import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MissingHolidayDataError,
  addWorkdays,
  describeDay,
  hasHolidayData,
  isWorkday,
  nthWorkday,
  workdaysBetween,
  yearsWithHolidayData,
} from '../src/calendar';
import { addDays, fromDayNumber, parseIsoDate } from '../src/dates';

describe('GEN-7 holiday data comes from chinese-days', () => {
  it('covers a contiguous run of years that includes every year the policies are in force so far', () => {
    const first = yearsWithHolidayData[0] as number;
    const last = yearsWithHolidayData.at(-1) as number;
    expect(yearsWithHolidayData).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    for (const year of [2024, 2025, 2026]) expect(hasHolidayData(year)).toBe(true);
  });

  it('a year without data is an error, never a weekend-only guess', () => {
    const after = (yearsWithHolidayData.at(-1) as number) + 1;
    const before = (yearsWithHolidayData[0] as number) - 1;
    expect(() => isWorkday(`${after}-03-03`)).toThrow(MissingHolidayDataError);
    expect(() => isWorkday(`${before}-06-01`)).toThrow(MissingHolidayDataError);
    expect(() => describeDay(`${after}-01-05`)).toThrow(
      expect.objectContaining({
        year: after,
        message: expect.stringContaining(`缺少 ${after} 年的法定节假日数据`),
      }),
    );
  });

  it('National Day 2025 (国办发明电〔2024〕12号): 10-01..10-08 off, 09-28 and 10-11 make-up working days', () => {
    for (let day = '2025-10-01'; day <= '2025-10-08'; day = addDays(day, 1)) {
      expect(describeDay(day).kind).toBe('holiday');
    }
    expect(describeDay('2025-10-06').holiday).toBe('中秋');
    expect(describeDay('2025-09-28')).toEqual({
      date: '2025-09-28',
      workday: true,
      kind: 'makeup_workday',
      holiday: '国庆节',
    });
    expect(describeDay('2025-10-11').kind).toBe('makeup_workday');
    expect(describeDay('2025-10-12').kind).toBe('weekend');
    expect(describeDay('2025-11-14')).toEqual({ date: '2025-11-14', workday: true, kind: 'workday' });
  });

  it('2025 has 248 working days: 261 weekdays − 18 weekday holidays + 5 make-up days', () => {
    expect(workdaysBetween('2025-01-01', '2025-12-31')).toBe(248);
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkday('2025-02-29')).toThrow(RangeError);
    expect(() => workdaysBetween('2025-01-01', 'soon')).toThrow(RangeError);
  });
});

describe('GEN-7 counting working days', () => {
  it('counts --from itself when it is a working day (the CLI contract)', () => {
    expect(nthWorkday('2025-09-29', 1)).toBe('2025-09-29');
    expect(nthWorkday('2025-09-29', 5)).toBe('2025-10-11');
  });

  it('starts from the next working day when --from is a holiday', () => {
    expect(nthWorkday('2025-10-01', 1)).toBe('2025-10-09');
    expect(nthWorkday('2025-10-04', 3)).toBe('2025-10-11');
  });

  it('addWorkdays does not count the start day', () => {
    expect(addWorkdays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkdays('2025-10-03', 0)).toBe('2025-10-03');
    expect(() => addWorkdays('2025-10-03', -1)).toThrow(RangeError);
    expect(() => nthWorkday('2025-10-03', 0)).toThrow(RangeError);
  });

  it('workdaysBetween includes both ends and is 0 for an empty range', () => {
    expect(workdaysBetween('2025-09-28', '2025-10-11')).toBe(6);
    expect(workdaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(workdaysBetween('2025-10-11', '2025-10-10')).toBe(0);
  });

  it('counting into a year without data throws', () => {
    const last = yearsWithHolidayData.at(-1) as number;
    expect(() => nthWorkday(`${last}-12-28`, 10)).toThrow(MissingHolidayDataError);
  });

  const first = parseIsoDate(`${yearsWithHolidayData[0]}-01-01`);
  const lastStart = parseIsoDate(`${yearsWithHolidayData.at(-1)}-11-30`);
  const dates = fc.integer({ min: first, max: lastStart }).map(fromDayNumber);

  it('nthWorkday is a working day, counts exactly n, and is strictly monotone in n', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 20 }), (from, n) => {
        const day = nthWorkday(from, n);
        expect(isWorkday(day)).toBe(true);
        expect(day >= from).toBe(true);
        expect(workdaysBetween(from, day)).toBe(n);
        expect(nthWorkday(from, n + 1) > day).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('nthWorkday agrees with addWorkdays', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 20 }), (from, n) => {
        expect(nthWorkday(from, n)).toBe(addWorkdays(from, isWorkday(from) ? n - 1 : n));
      }),
      { numRuns: 200 },
    );
  });
});
