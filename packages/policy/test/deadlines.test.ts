import { describe, expect, it } from 'vitest';
import { MissingHolidayDataError } from '../src/calendar';
import {
  isResubmissionOverdue,
  isWithin,
  latestExtendedEnd,
  latestImplementationEnd,
  majorChangeFilingDeadline,
  minorChangeFilingDeadline,
  publicNoticeEnd,
  resubmissionDeadline,
} from '../src/deadlines';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('CV-13 resubmission within 5 natural days', () => {
  it('returned on day D: the last moment is 23:59:59.999 Asia/Shanghai of D+5', () => {
    const d = resubmissionDeadline(shanghai('2025-11-03T10:00:00'));
    expect(d).toMatchObject({ rule: 'CV-13', date: '2025-11-08' });
    expect(d.lastMoment.toISOString()).toBe('2025-11-08T15:59:59.999Z');
  });

  it('D is the Shanghai day of the return, not the UTC day', () => {
    expect(resubmissionDeadline(new Date('2025-11-02T15:30:00Z')).date).toBe('2025-11-07');
    expect(resubmissionDeadline(new Date('2025-11-02T16:30:00Z')).date).toBe('2025-11-08');
  });

  it('natural days: a deadline falling on a holiday is not moved', () => {
    expect(resubmissionDeadline(shanghai('2025-09-30T09:00:00')).date).toBe('2025-10-05');
  });

  it('is overdue one millisecond after the last moment, not at it', () => {
    const returnedAt = shanghai('2025-11-03T10:00:00');
    expect(isResubmissionOverdue(returnedAt, shanghai('2025-11-08T23:59:59.999'))).toBe(false);
    expect(isResubmissionOverdue(returnedAt, shanghai('2025-11-09T00:00:00.000'))).toBe(true);
  });
});

describe('GEN-7 public notice of 5 working days', () => {
  it('a notice spanning National Day 2025 counts the make-up Sunday and skips the holidays', () => {
    // 09-26 Fri, 09-28 Sun (make-up), 09-29, 09-30, then 10-01..10-08 off, 10-09.
    expect(publicNoticeEnd('2025-09-26')).toMatchObject({ rule: 'GEN-7', date: '2025-10-09' });
  });

  it('a notice published on a holiday starts on the next working day', () => {
    expect(publicNoticeEnd('2025-10-01').date).toBe('2025-10-14');
  });

  it('a notice reaching a year without holiday data is an error', () => {
    expect(() => publicNoticeEnd('2026-12-28')).toThrow(MissingHolidayDataError);
  });
});

describe('RD-5 implementation period ≤ 2 years, one extension ≤ 1 year', () => {
  it('exactly 2 years ends the day before the second anniversary', () => {
    const limit = latestImplementationEnd('2025-07-01');
    expect(limit).toMatchObject({ rule: 'RD-5', date: '2027-06-30' });
    expect(isWithin(limit, '2027-06-30')).toBe(true);
    expect(isWithin(limit, '2027-07-01')).toBe(false);
  });

  it('a period starting on 02-29 may run through February of the common year', () => {
    expect(latestImplementationEnd('2024-02-29').date).toBe('2026-02-28');
    expect(latestImplementationEnd('2026-03-01').date).toBe('2028-02-29');
  });

  it('the extension is at most one more year after the approved end', () => {
    expect(latestExtendedEnd('2027-06-30').date).toBe('2028-06-30');
    expect(latestExtendedEnd('2027-02-28').date).toBe('2028-02-29');
  });
});

describe('RD-6 change filing deadlines', () => {
  it('major changes: no later than 3 months before the contract end, that day included', () => {
    const d = majorChangeFilingDeadline('2027-06-30');
    expect(d).toMatchObject({ rule: 'RD-6', date: '2027-03-30' });
    expect(isWithin(d, '2027-03-30')).toBe(true);
    expect(isWithin(d, '2027-03-31')).toBe(false);
    expect(majorChangeFilingDeadline('2027-05-31').date).toBe('2027-02-28');
  });

  it('minor changes: within 1 month after the change', () => {
    expect(minorChangeFilingDeadline('2025-03-15').date).toBe('2025-04-15');
    expect(minorChangeFilingDeadline('2025-01-31').date).toBe('2025-02-28');
  });
});
