/**
 * The statutory holiday data (GEN-7) as the `chinese-days` package publishes it: holidays and the 调休 make-up
 * working days, keyed by YYYY-MM-DD.
 *
 * We read the package's published data file rather than its date functions: those build their tables with the
 * host's local time zone at load time, so on a machine west of UTC every holiday shifts by a day (seen with
 * TZ=America/New_York: 2025-10-11, a make-up working day, came out as a Saturday off). The data file is plain JSON,
 * so it also bundles unchanged into the browser apps and the mini-program.
 */
import published from 'chinese-days/dist/chinese-days.json';

interface PublishedData {
  /** Statutory days off: "English name,中文名,days" */
  holidays: Record<string, string>;
  /** Weekend days that are official make-up working days (调休上班). */
  workdays: Record<string, string>;
}

const data = published as PublishedData;

export const statutoryHolidays: Readonly<Record<string, string>> = data.holidays;
export const makeUpWorkdays: Readonly<Record<string, string>> = data.workdays;

/** "National Day,国庆节,3" → "国庆节" */
export function chineseHolidayName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}
