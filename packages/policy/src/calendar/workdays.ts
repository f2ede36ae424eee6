/**
 * Working days (工作日) for GEN-7: Monday–Friday, minus statutory holidays, plus the official make-up working days,
 * by a HolidayCalendar (the published one unless the caller holds entered arrangements).
 * A day in a year the calendar does not cover is an error, never a weekend-only guess.
 */
import { type IsoDate, addDays, isWeekend, parseIsoDate } from '../dates';
import { describeYears, type HolidayCalendar, publishedCalendar } from './holiday-calendar';

export class MissingHolidayDataError extends Error {
  readonly year: number;
  constructor(year: number, calendar: HolidayCalendar) {
    super(
      `缺少 ${year} 年的法定节假日数据（现有 ${describeYears(calendar)} 年），无法计算工作日；` +
        '请按国务院办公厅该年的节假日安排通知录入。',
    );
    this.name = 'MissingHolidayDataError';
    this.year = year;
  }
}

export function hasHolidayData(year: number, calendar: HolidayCalendar = publishedCalendar): boolean {
  return calendar.years.has(year);
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  kind: DayKind;
  /** 国庆节, 春节 … for holidays and the make-up days that belong to them. */
  holiday?: string;
}

export function describeDay(date: IsoDate, calendar: HolidayCalendar = publishedCalendar): DayInfo {
  parseIsoDate(date);
  const year = Number(date.slice(0, 4));
  if (!calendar.years.has(year)) throw new MissingHolidayDataError(year, calendar);
  const makeUp = calendar.makeUpWorkdays.get(date);
  if (makeUp !== undefined) return { date, workday: true, kind: 'makeup_workday', holiday: makeUp };
  const holiday = calendar.holidays.get(date);
  if (holiday !== undefined) return { date, workday: false, kind: 'holiday', holiday };
  const weekend = isWeekend(date);
  return { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday' };
}

export function isWorkday(date: IsoDate, calendar: HolidayCalendar = publishedCalendar): boolean {
  return describeDay(date, calendar).workday;
}

function assertCount(n: number, min: number): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`工作日数必须是不小于 ${min} 的整数：${n}`);
}

/** The working day `n` working days after `date` (which itself is not counted); n = 0 gives `date`. */
export function addWorkdays(
  date: IsoDate,
  n: number,
  calendar: HolidayCalendar = publishedCalendar,
): IsoDate {
  assertCount(n, 0);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkday(day, calendar)) left--;
  }
  return day;
}

/**
 * The n-th working day counting `from` itself when it is a working day (n ≥ 1): the policy CLI's contract, and
 * how a 5-working-day notice that starts on `from` finds its last day.
 */
export function nthWorkday(from: IsoDate, n: number, calendar: HolidayCalendar = publishedCalendar): IsoDate {
  assertCount(n, 1);
  return isWorkday(from, calendar) ? addWorkdays(from, n - 1, calendar) : addWorkdays(from, n, calendar);
}

/** Working days from start to end, both inclusive; 0 when end is before start. */
export function workdaysBetween(
  start: IsoDate,
  end: IsoDate,
  calendar: HolidayCalendar = publishedCalendar,
): number {
  parseIsoDate(end);
  let count = 0;
  for (let day = start; day <= end; day = addDays(day, 1)) if (isWorkday(day, calendar)) count++;
  return count;
}
