import { formatChineseDate, type IsoDate, shanghaiDate } from '@dg/policy';

const SHANGHAI_CLOCK = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Accepts what the API sends: an ISO instant string, a Date, or a plain 'YYYY-MM-DD' Shanghai day. */
export type TimeValue = string | Date;

const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;

function toInstant(value: TimeValue): Date {
  return value instanceof Date ? value : new Date(value);
}

/** The Shanghai calendar day a value falls on, whatever the browser's own time zone is. */
export function shanghaiDay(value: TimeValue): IsoDate {
  if (typeof value === 'string' && PLAIN_DAY.test(value)) return value;
  return shanghaiDate(toInstant(value));
}

/** 2025-11-15 14:05 (Asia/Shanghai) */
export function formatShanghaiDateTime(value: TimeValue): string {
  if (typeof value === 'string' && PLAIN_DAY.test(value)) return value;
  const instant = toInstant(value);
  return `${shanghaiDate(instant)} ${SHANGHAI_CLOCK.format(instant)}`;
}

/** 2025年11月15日 */
export function formatShanghaiChineseDate(value: TimeValue): string {
  return formatChineseDate(shanghaiDay(value));
}
