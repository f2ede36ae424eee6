import type { RouterOutputs } from '@dg/api';
import { formatChineseDate, type HolidayArrangement, holidayArrangementSchema } from '@dg/policy';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

export type HolidayYear = RouterOutputs['calendar']['holidayYears'][number];
type Arrangement = NonNullable<HolidayYear['arrangement']>;

/** The festivals of 《全国年节及纪念日放假办法》, offered as names; the notice's own wording may differ. */
export const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

/** 1月1日: the row already says which year. */
const monthDay = (date: string) => formatChineseDate(date).replace(/^\d+年/, '');

/** 元旦 1月1日–1月3日；春节 2月6日–2月12日 */
export function describeHolidays(a: Arrangement): string {
  return a.holidays
    .map((h) => `${h.name} ${h.from === h.to ? monthDay(h.from) : `${monthDay(h.from)}–${monthDay(h.to)}`}`)
    .join('；');
}

/** 1月9日（元旦）、2月14日（春节）, or null when the year has none. */
export function describeMakeUpWorkdays(a: Arrangement): string | null {
  if (a.makeUpWorkdays.length === 0) return null;
  return a.makeUpWorkdays.map((m) => `${monthDay(m.date)}（${m.name}）`).join('、');
}

/** The first year from `from` on that the calendar does not cover. */
export function firstUncoveredYear(covered: ReadonlySet<number>, from: number): number {
  let year = from;
  while (covered.has(year)) year++;
  return year;
}

/** The form's values: dates as the pickers hold them. */
export interface ArrangementValues {
  year: number;
  source: string;
  holidays: { name: string; from: Dayjs | null; to: Dayjs | null }[];
  makeUpWorkdays: { name: string; date: Dayjs | null }[];
}

const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD') ?? '';

export function toFormValues(a: Arrangement): ArrangementValues {
  return {
    year: a.year,
    source: a.source,
    holidays: a.holidays.map((h) => ({ name: h.name, from: dayjs(h.from), to: dayjs(h.to) })),
    makeUpWorkdays: a.makeUpWorkdays.map((m) => ({ name: m.name, date: dayjs(m.date) })),
  };
}

type FieldErrors = Parameters<FormInstance<ArrangementValues>['setFields']>[0];

/**
 * The policy core's check of the entered arrangement (the API makes the same one): the arrangement to send, or each
 * problem on the field it concerns. A problem with a whole period (outside the year, too long, overlapping) is shown
 * on its end date; one with a whole list, on the list.
 */
export function checkArrangement(
  v: ArrangementValues,
): { ok: true; arrangement: HolidayArrangement } | { ok: false; fields: FieldErrors } {
  const parsed = holidayArrangementSchema.safeParse({
    year: v.year,
    source: v.source ?? '',
    holidays: (v.holidays ?? []).map((h) => ({ name: h?.name ?? '', from: day(h?.from), to: day(h?.to) })),
    makeUpWorkdays: (v.makeUpWorkdays ?? []).map((m) => ({ name: m?.name ?? '', date: day(m?.date) })),
  });
  if (parsed.success) return { ok: true, arrangement: parsed.data };
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const name = path[0] === 'holidays' && path.length === 2 ? [...path, 'to'] : path;
    const key = name.join('.');
    const field = byField.get(key) ?? { name, errors: [] };
    if (!field.errors.includes(issue.message)) field.errors.push(issue.message);
    byField.set(key, field);
  }
  // The schema's paths are the form's field names (the form mirrors the arrangement).
  return { ok: false, fields: [...byField.values()] as FieldErrors };
}
