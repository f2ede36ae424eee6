import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MissingHolidayDataError,
  addWorkdays,
  calendarWith,
  type HolidayArrangement,
  holidayArrangementSchema,
  publishedCalendar,
  describeDay,
  hasHolidayData,
  isWorkday,
  nthWorkday,
  workdaysBetween,
  yearsWithHolidayData,
} from '../src/calendar';
import { addDays, fromDayNumber, isWeekend, parseIsoDate } from '../src/dates';
import { publicNoticeEnd } from '../src/deadlines';

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

describe("GEN-7: a year's arrangement entered from the State Council's notice", () => {
  const last = yearsWithHolidayData.at(-1) as number;
  const next = last + 1;
  // Illustrative, in the notice's shape (the tests do not know the real arrangement of a future year).
  const arrangement: HolidayArrangement = {
    year: next,
    source: `国务院办公厅关于${next}年部分节假日安排的通知（测试用）`,
    holidays: [
      { name: '元旦', from: `${next}-01-01`, to: `${next}-01-03` },
      { name: '劳动节', from: `${next}-05-01`, to: `${next}-05-05` },
    ],
    makeUpWorkdays: [],
  };
  /** The first Saturday of a month. */
  const saturdayIn = (year: number, month: string) => {
    let d = `${year}-${month}-01`;
    while (!isWeekend(d) || isWeekend(addDays(d, -1))) d = addDays(d, 1);
    return d;
  };

  it('covers the year once entered, its days off and make-up days as the notice sets them', () => {
    const makeUp = saturdayIn(next, '04');
    const calendar = calendarWith([{ ...arrangement, makeUpWorkdays: [{ name: '劳动节', date: makeUp }] }]);
    expect(hasHolidayData(next)).toBe(false);
    expect(hasHolidayData(next, calendar)).toBe(true);
    expect(describeDay(`${next}-01-02`, calendar)).toEqual({
      date: `${next}-01-02`,
      workday: false,
      kind: 'holiday',
      holiday: '元旦',
    });
    expect(describeDay(makeUp, calendar)).toMatchObject({
      workday: true,
      kind: 'makeup_workday',
      holiday: '劳动节',
    });
    expect(describeDay(addDays(makeUp, 1), calendar).kind).toBe('weekend');
    // The package's years read as before.
    expect(describeDay('2025-10-11', calendar).kind).toBe('makeup_workday');
    // A notice from the last Monday of the package's last year counts on through the entered 元旦.
    expect(() => publicNoticeEnd(`${last}-12-28`)).toThrow(MissingHolidayDataError);
    const end = publicNoticeEnd(`${last}-12-28`, calendar).date;
    expect(workdaysBetween(`${last}-12-28`, end, calendar)).toBe(5);
    expect(isWorkday(end, calendar)).toBe(true);
    expect(end > `${next}-01-03`).toBe(true);
  });

  it("replaces the package's days of a year it is entered for (a correction)", () => {
    const corrected = calendarWith([
      {
        year: 2025,
        source: '更正测试',
        holidays: [{ name: '国庆节', from: '2025-10-01', to: '2025-10-07' }],
        makeUpWorkdays: [{ name: '国庆节', date: '2025-09-28' }],
      },
    ]);
    expect(describeDay('2025-10-08', corrected).kind).toBe('workday');
    expect(describeDay('2025-10-11', corrected).kind).toBe('weekend');
    expect(describeDay('2025-10-08').kind).toBe('holiday');
    expect(describeDay('2026-01-01', corrected).kind).toBe('holiday');
    expect(calendarWith([])).toBe(publishedCalendar);
  });

  it('names the covered years, runs joined, when a year is missing', () => {
    const calendar = calendarWith([
      {
        ...arrangement,
        year: next + 1,
        holidays: [{ name: '元旦', from: `${next + 1}-01-01`, to: `${next + 1}-01-01` }],
      },
    ]);
    expect(() => describeDay(`${next}-03-03`, calendar)).toThrow(
      `缺少 ${next} 年的法定节假日数据（现有 ${yearsWithHolidayData[0]}–${last}、${next + 1} 年）`,
    );
  });

  it('refuses an arrangement the notice could not have set, saying where', () => {
    const issues = (a: unknown) =>
      holidayArrangementSchema.safeParse(a).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues(arrangement)).toEqual([]);
    // The Friday before March's first Saturday: a weekday with no holiday near.
    const weekday = addDays(saturdayIn(next, '03'), -1);
    expect(
      issues({
        ...arrangement,
        holidays: [
          { name: '元旦', from: `${next}-01-01`, to: `${next}-01-03` },
          { name: '春节', from: `${next}-01-03`, to: `${next}-01-05` },
          { name: '国庆节', from: `${next}-10-08`, to: `${next}-10-01` },
          { name: '跨年', from: `${last}-12-31`, to: `${next}-01-01` },
          { name: '太长', from: `${next}-07-01`, to: `${next}-07-20` },
        ],
        makeUpWorkdays: [
          { name: '春节', date: weekday },
          { name: '元旦', date: `${next}-01-02` },
          { name: '国庆节', date: `${next + 1}-01-02` },
        ],
      }),
    ).toEqual([
      ['holidays.1', `与第 1 个放假时段重叠（${next}-01-03）`],
      ['holidays.2.to', '结束日期早于开始日期'],
      ['holidays.3', `放假日期须在 ${next} 年内`],
      ['holidays.4', '一个放假时段不超过 10 天'],
      ['makeUpWorkdays.0.date', '调休上班日须为周六或周日（工作日本来就上班）'],
      [
        'makeUpWorkdays.1.date',
        !isWeekend(`${next}-01-02`)
          ? '调休上班日须为周六或周日（工作日本来就上班）'
          : '调休上班日落在放假时段内',
      ],
      ['makeUpWorkdays.2.date', `调休上班日须在 ${next} 年内`],
    ]);
    expect(issues({ ...arrangement, holidays: [] })).toEqual([['holidays', '请至少填写一个放假时段']]);
    expect(issues({ ...arrangement, source: '  ' })).toEqual([['source', '请填写依据的通知名称和文号']]);
  });
});
