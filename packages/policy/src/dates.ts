/**
 * Calendar days in Asia/Shanghai, as ISO strings (YYYY-MM-DD). The policies count days, never hours, so a date is
 * a plain day number; instants are converted to Shanghai days in one place (UTC+8, no daylight saving since 1991).
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Plain arithmetic, no Date objects: the rules parse dates on their hot path. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function parseIsoDate(value: IsoDate): number {
  if (!isIsoDate(value)) throw new RangeError(`不是有效的日期（YYYY-MM-DD）：${value}`);
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const y = Number(value.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Day number (days since 1970-01-01) back to YYYY-MM-DD. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Saturday or Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isWeekend(date: IsoDate): boolean {
  const weekday = (((parseIsoDate(date) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(parseIsoDate(date) + days);
}

/** Adds calendar months; a day that does not exist in the target month falls to its last day (e.g. 08-31 + 1 → 09-30). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  parseIsoDate(date);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(ty, tm, Math.min(d, lastDay)) / MS_PER_DAY);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return parseIsoDate(b) - parseIsoDate(a);
}

/** Days from start to end, both ends inclusive; 0 when end is before start. */
export function inclusiveDays(start: IsoDate, end: IsoDate): number {
  return Math.max(0, daysBetween(start, end) + 1);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00.000 Asia/Shanghai of a day, as an instant. */
export function startOfShanghaiDay(date: IsoDate): Date {
  return new Date(parseIsoDate(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Asia/Shanghai of a day, as an instant. */
export function endOfShanghaiDay(date: IsoDate): Date {
  return new Date(startOfShanghaiDay(date).getTime() + MS_PER_DAY - 1);
}

/** 2025年11月15日 */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
