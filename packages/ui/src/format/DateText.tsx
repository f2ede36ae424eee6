import { formatShanghaiChineseDate, formatShanghaiDateTime, shanghaiDay, type TimeValue } from './time';

interface DateTextProps {
  value: TimeValue | null | undefined;
  /** day: 2025-11-15; time: 2025-11-15 14:05; chinese: 2025年11月15日 — all in Asia/Shanghai. */
  format?: 'day' | 'time' | 'chinese';
}

export function DateText({ value, format = 'day' }: DateTextProps) {
  if (value === null || value === undefined) return <span>—</span>;
  const text =
    format === 'time'
      ? formatShanghaiDateTime(value)
      : format === 'chinese'
        ? formatShanghaiChineseDate(value)
        : shanghaiDay(value);
  return <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
}
