/**
 * GEN-7's calendar: the statutory days off and the make-up working days (调休上班), by date, and the years it covers.
 *
 * The published calendar is the `chinese-days` package's data. The State Council announces each year's arrangement
 * in the autumn before (国务院办公厅关于某年部分节假日安排的通知); until the package has it, a year's arrangement can
 * be entered from that notice as a HolidayArrangement, and `calendarWith` lays it over the published data. An entered
 * year replaces the package's days of that year, so a correction is made the same way.
 */
import { z } from 'zod';
import { addDays, type IsoDate, isWeekend, parseIsoDate } from '../dates';
import { chineseHolidayName, makeUpWorkdays, statutoryHolidays } from './holiday-data';

export interface HolidayCalendar {
  /** Statutory days off: date → the holiday's Chinese name. */
  readonly holidays: ReadonlyMap<IsoDate, string>;
  /** Weekend days that are official working days: date → the holiday they make up for. */
  readonly makeUpWorkdays: ReadonlyMap<IsoDate, string>;
  /** The years whose arrangement the calendar holds. */
  readonly years: ReadonlySet<number>;
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

const namedDays = (entries: Readonly<Record<string, string>>) =>
  new Map(Object.entries(entries).map(([date, entry]) => [date, chineseHolidayName(entry)]));

/**
 * The package's data. A year counts as covered when it lists at least one statutory holiday: every year has 元旦 and
 * 春节, so a year without any entry is one whose arrangement has not been added.
 */
export const publishedCalendar: HolidayCalendar = {
  holidays: namedDays(statutoryHolidays),
  makeUpWorkdays: namedDays(makeUpWorkdays),
  years: new Set(Object.keys(statutoryHolidays).map(yearOf)),
};

/** The years the package covers, in order. */
export const yearsWithHolidayData: readonly number[] = [...publishedCalendar.years].sort((a, b) => a - b);

/** The covered years in order, runs joined: "2004–2026、2028". */
export function describeYears(calendar: HolidayCalendar): string {
  const years = [...calendar.years].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    runs.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return runs.join('、');
}

const day = z.iso.date({ error: '须为真实存在的日期，格式 YYYY-MM-DD' });
const holidayName = z.string().trim().min(1, { error: '请填写节日名称' }).max(20);
/** The longest run of days off the State Council has set (春节 and 国庆节: 8 days); a longer one is a typing error. */
const MAX_HOLIDAY_DAYS = 10;

/** One year's arrangement, as the State Council's notice sets it out: the periods off and the make-up working days. */
export const holidayArrangementSchema = z
  .object({
    year: z.int().min(2000).max(2100),
    /** The notice it was entered from, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）. */
    source: z.string().trim().min(1, { error: '请填写依据的通知名称和文号' }).max(200),
    holidays: z
      .array(z.object({ name: holidayName, from: day, to: day }))
      .min(1, { error: '请至少填写一个放假时段' })
      .max(20),
    makeUpWorkdays: z.array(z.object({ name: holidayName, date: day })).max(20),
  })
  .superRefine((a, ctx) => {
    const taken = new Map<IsoDate, number>();
    a.holidays.forEach((h, i) => {
      const issue = periodIssue(h, a.year, i, taken);
      if (issue) ctx.addIssue({ code: 'custom', path: ['holidays', i, ...issue.at], message: issue.message });
    });
    const seen = new Set<IsoDate>();
    a.makeUpWorkdays.forEach((m, i) => {
      const message =
        yearOf(m.date) !== a.year
          ? `调休上班日须在 ${a.year} 年内`
          : !isWeekend(m.date)
            ? '调休上班日须为周六或周日（工作日本来就上班）'
            : taken.has(m.date)
              ? '调休上班日落在放假时段内'
              : seen.has(m.date)
                ? '调休上班日重复'
                : undefined;
      if (message) ctx.addIssue({ code: 'custom', path: ['makeUpWorkdays', i, 'date'], message });
      seen.add(m.date);
    });
  });

/** What is wrong with the i-th period off, if anything; its days are marked taken (date → period) once it is sound. */
function periodIssue(
  h: { from: IsoDate; to: IsoDate },
  year: number,
  i: number,
  taken: Map<IsoDate, number>,
): { at: string[]; message: string } | undefined {
  if (yearOf(h.from) !== year || yearOf(h.to) !== year)
    return { at: [], message: `放假日期须在 ${year} 年内` };
  if (h.to < h.from) return { at: ['to'], message: '结束日期早于开始日期' };
  if (parseIsoDate(h.to) - parseIsoDate(h.from) >= MAX_HOLIDAY_DAYS)
    return { at: [], message: `一个放假时段不超过 ${MAX_HOLIDAY_DAYS} 天` };
  for (let d = h.from; d <= h.to; d = addDays(d, 1)) {
    const other = taken.get(d);
    if (other !== undefined) return { at: [], message: `与第 ${other + 1} 个放假时段重叠（${d}）` };
  }
  for (let d = h.from; d <= h.to; d = addDays(d, 1)) taken.set(d, i);
  return undefined;
}

export type HolidayArrangement = z.infer<typeof holidayArrangementSchema>;

/** `base` with each arrangement's year replaced by the arrangement (checked by holidayArrangementSchema). */
export function calendarWith(
  arrangements: readonly HolidayArrangement[],
  base: HolidayCalendar = publishedCalendar,
): HolidayCalendar {
  if (arrangements.length === 0) return base;
  const replaced = new Set(arrangements.map((a) => a.year));
  const keep = (days: ReadonlyMap<IsoDate, string>) =>
    new Map([...days].filter(([date]) => !replaced.has(yearOf(date))));
  const holidays = keep(base.holidays);
  const makeUp = keep(base.makeUpWorkdays);
  for (const a of arrangements) {
    for (const h of a.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) holidays.set(d, h.name);
    for (const m of a.makeUpWorkdays) makeUp.set(m.date, m.name);
  }
  return { holidays, makeUpWorkdays: makeUp, years: new Set([...base.years, ...replaced]) };
}
