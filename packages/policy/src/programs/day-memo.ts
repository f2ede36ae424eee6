/**
 * Pure functions of a calendar day, memoised. Evaluation reads the same few dates over and over (each payment's
 * service period against the window, a project's start and end), and parsing a date string is the costliest step
 * of a verdict; a year has only 365 days, so the tables stay small. They are emptied past a bound anyway, so
 * arbitrary input cannot grow them without limit.
 */
import { formatChineseDate, type IsoDate, parseIsoDate } from '../dates';

const BOUND = 50_000;

export function memoByDay<R>(fn: (date: IsoDate) => R): (date: IsoDate) => R {
  const memo = new Map<IsoDate, R>();
  return (date) => {
    let value = memo.get(date);
    if (value === undefined) {
      if (memo.size >= BOUND) memo.clear();
      value = fn(date);
      memo.set(date, value);
    }
    return value;
  };
}

export const dayNumber = memoByDay(parseIsoDate);
export const chineseDate = memoByDay(formatChineseDate);

/** dates.ts's inclusiveDays on memoised day numbers: both ends inclusive, 0 when end is before start. */
export function daysInclusive(start: IsoDate, end: IsoDate): number {
  return Math.max(0, dayNumber(end) - dayNumber(start) + 1);
}
