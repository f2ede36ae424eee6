/**
 * Working days (工作日) for GEN-7: Monday–Friday, minus statutory holidays, plus the official make-up working days.
 * A day in a year without holiday data is an error, never a weekend-only guess.
 */
import { type IsoDate, addDays, parseIsoDate } from '../dates';
import { chineseHolidayName, makeUpWorkdays, statutoryHolidays, yearsWithHolidayData } from './holiday-data';

const covered = new Set(yearsWithHolidayData);

export class MissingHolidayDataError extends Error {
  readonly year: number;
  constructor(year: number) {
    const first = yearsWithHolidayData[0];
    const last = yearsWithHolidayData[yearsWithHolidayData.length - 1];
    super(
      `缺少 ${year} 年的法定节假日数据（现有 ${first}–${last} 年），无法计算工作日；请更新 chinese-days 节假日数据包。` +
        ` / No statutory holiday data for ${year} (have ${first}–${last}).`,
    );
    this.name = 'MissingHolidayDataError';
    this.year = year;
  }
}

export function hasHolidayData(year: number): boolean {
  return covered.has(year);
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  kind: DayKind;
  /** 国庆节, 春节 … for holidays and the make-up days that belong to them. */
  holiday?: string;
}

export function describeDay(date: IsoDate): DayInfo {
  const dayNumber = parseIsoDate(date);
  const year = Number(date.slice(0, 4));
  if (!covered.has(year)) throw new MissingHolidayDataError(year);
  const makeUp = makeUpWorkdays[date];
  if (makeUp !== undefined) {
    return { date, workday: true, kind: 'makeup_workday', holiday: chineseHolidayName(makeUp) };
  }
  const holiday = statutoryHolidays[date];
  if (holiday !== undefined)
    return { date, workday: false, kind: 'holiday', holiday: chineseHolidayName(holiday) };
  // Day 0 (1970-01-01) was a Thursday; 0 = Sunday.
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  const weekend = weekday === 0 || weekday === 6;
  return { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday' };
}

export function isWorkday(date: IsoDate): boolean {
  return describeDay(date).workday;
}

function assertCount(n: number, min: number): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`工作日数必须是不小于 ${min} 的整数：${n}`);
}

/** The working day `n` working days after `date` (which itself is not counted); n = 0 gives `date`. */
export function addWorkdays(date: IsoDate, n: number): IsoDate {
  assertCount(n, 0);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkday(day)) left--;
  }
  return day;
}

/**
 * The n-th working day counting `from` itself when it is a working day (n ≥ 1): the policy CLI's contract, and
 * how a 5-working-day notice that starts on `from` finds its last day.
 */
export function nthWorkday(from: IsoDate, n: number): IsoDate {
  assertCount(n, 1);
  return isWorkday(from) ? addWorkdays(from, n - 1) : addWorkdays(from, n);
}

/** Working days from start to end, both inclusive; 0 when end is before start. */
export function workdaysBetween(start: IsoDate, end: IsoDate): number {
  parseIsoDate(end);
  let count = 0;
  for (let day = start; day <= end; day = addDays(day, 1)) if (isWorkday(day)) count++;
  return count;
}
