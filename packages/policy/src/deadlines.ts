/**
 * Every deadline the two documents set, each with the rule it implements. A deadline is a Shanghai calendar day
 * plus the last instant of that day, so the API can both show the date and compare instants.
 */
import type { HolidayCalendar } from './calendar/holiday-calendar';
import { nthWorkday } from './calendar/workdays';
import { type IsoDate, addDays, addMonths, addYears, endOfShanghaiDay, shanghaiDate } from './dates';

export interface Deadline {
  /** The rule id; its article is in the rule catalogue (ruleById). */
  rule: 'CV-13' | 'GEN-7' | 'RD-5' | 'RD-6';
  /** The last day on which the act is still in time. */
  date: IsoDate;
  /** 23:59:59.999 Asia/Shanghai of `date`. */
  lastMoment: Date;
  /** What must happen by then, in Chinese, for people. */
  description: string;
}

function deadline(rule: Deadline['rule'], date: IsoDate, description: string): Deadline {
  return { rule, date, lastMoment: endOfShanghaiDay(date), description };
}

export const RESUBMISSION_NATURAL_DAYS = 5;
export const PUBLIC_NOTICE_WORKDAYS = 5;

/**
 * CV-13 (指南 五(三)): returned on Shanghai day D, the applicant may resubmit until 23:59:59.999 of D+5.
 * Each return starts a new clock, so the caller passes the instant of the latest return.
 */
export function resubmissionDeadline(returnedAt: Date): Deadline {
  const date = addDays(shanghaiDate(returnedAt), RESUBMISSION_NATURAL_DAYS);
  return deadline(
    'CV-13',
    date,
    `退回补正后须在 ${RESUBMISSION_NATURAL_DAYS} 个自然日内重新提交，逾期视为放弃申报`,
  );
}

export function isResubmissionOverdue(returnedAt: Date, now: Date): boolean {
  return now.getTime() > resubmissionDeadline(returnedAt).lastMoment.getTime();
}

/**
 * GEN-7 (细则 7(四), 20(四)): a public notice lasts 5 working days. It runs from its first day when that is a
 * working day (else from the next one) through the 5th working day, holidays and make-up days applied.
 * Throws MissingHolidayDataError when the notice reaches a year the calendar does not cover.
 */
export function publicNoticeEnd(start: IsoDate, calendar?: HolidayCalendar): Deadline {
  const date = nthWorkday(start, PUBLIC_NOTICE_WORKDAYS, calendar);
  return deadline('GEN-7', date, `社会公示 ${PUBLIC_NOTICE_WORKDAYS} 个工作日`);
}

export const IMPLEMENTATION_YEARS = 2;
export const EXTENSION_YEARS = 1;

/**
 * The last day of a period of whole years that includes its first day.
 *
 * **Reading (RD-5, 细则 8):** an implementation period is a span of project days that begins on its start date, the
 * way a 任务书 writes it ("2025年7月1日至2027年6月30日", as the facts example in POLICY.md does). "≤ 2 years" therefore
 * means end ≤ start + 2 years − 1 day: a project starting 2025-07-01 may end on 2027-06-30 (exactly 2 years) but
 * not on 2027-07-01; one starting 2024-02-29 may end on 2026-02-28.
 */
function lastDayOfYears(start: IsoDate, years: number): IsoDate {
  const anniversary = addYears(start, years);
  // 02-29's anniversary in a common year is 03-01 (the period covers all of February), not the clamped 02-28.
  const rolled =
    start.endsWith('-02-29') && !anniversary.endsWith('-02-29') ? addDays(anniversary, 1) : anniversary;
  return addDays(rolled, -1);
}

/** RD-5: the latest end date of an implementation period starting on `start`. */
export function latestImplementationEnd(start: IsoDate): Deadline {
  return deadline('RD-5', lastDayOfYears(start, IMPLEMENTATION_YEARS), '项目实施周期不超过 2 年');
}

/**
 * RD-5: the latest end date after the one extension (≤ 1 year, with the bureau's approval). The extension is a
 * period of its own that begins the day after the approved end date, read like the implementation period.
 */
export function latestExtendedEnd(approvedEnd: IsoDate): Deadline {
  return deadline(
    'RD-5',
    lastDayOfYears(addDays(approvedEnd, 1), EXTENSION_YEARS),
    '经批准可延期 1 年（仅一次）',
  );
}

/**
 * RD-6 (细则 10): a major change (undertaking unit, total budget, project leader, completion date, acceptance
 * indicators) must be filed no later than 3 months before the contract end date.
 * **Reading** of "终止日前3个月内": the latest filing date is the end date minus 3 calendar months (a missing day
 * falls to the month's last day), that day included. Pass the end date currently in force (after any extension).
 */
export function majorChangeFilingDeadline(contractEnd: IsoDate): Deadline {
  return deadline('RD-6', addMonths(contractEnd, -3), '重大变更须不迟于任务书终止日前 3 个月报批');
}

/**
 * RD-6 (细则 10): other changes are filed within 1 month after the change: by the same day of the next month, or
 * that month's last day when it has no such day (民法典 第二百零一、二百零二条 count periods this way).
 */
export function minorChangeFilingDeadline(changedOn: IsoDate): Deadline {
  return deadline('RD-6', addMonths(changedOn, 1), '一般变更须在调整后 1 个月内备案');
}

/** Whether an act on `on` (a Shanghai day) is in time for the deadline. */
export function isWithin(deadlineValue: Deadline, on: IsoDate): boolean {
  return on <= deadlineValue.date;
}
