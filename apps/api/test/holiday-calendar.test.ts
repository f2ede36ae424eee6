import { dialects } from '@dg/db/testing';
import { calendarWith, endOfShanghaiDay, publicNoticeEnd, yearsWithHolidayData } from '@dg/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClockedApi, type Client, publishedNotice, startClockedApi } from './after-review-fixtures';
import { codeOf } from './harness';

// GEN-7's calendar past the holiday data package's last year: an administrator enters the next year's arrangement
// from the State Council's notice, and notices and shortlists count their 5 working days through it.

const last = Math.max(...yearsWithHolidayData);
const next = last + 1;
/** Illustrative, in the notice's shape: the tests do not know the real arrangement of a future year. */
const arrangement = {
  year: next,
  source: `国务院办公厅关于${next}年部分节假日安排的通知（测试用）`,
  holidays: [{ name: '元旦', from: `${next}-01-01`, to: `${next}-01-03` }],
  makeUpWorkdays: [],
};
const lastMonday = `${last}-12-28`;

describe.each(dialects)('GEN-7 holiday arrangements on %s', (dialect) => {
  let api: ClockedApi;
  let admin: Client;
  let city: Client;

  beforeAll(async () => {
    api = await startClockedApi(dialect, `${lastMonday}T10:00:00+08:00`);
    admin = await api.staff('admin');
    city = await api.staff('city2');
  }, 240_000); // the demo seed on PGlite, on a shared machine
  afterAll(async () => {
    await api?.close();
  });

  it('lets only administrators enter a year, and refuses an arrangement no notice could set, by field', async () => {
    const years = await city.calendar.holidayYears.query();
    expect(years[0]).toMatchObject({ year: last, origin: 'package', arrangement: null });
    expect(years.map((y) => y.year)).toEqual([...yearsWithHolidayData].reverse());
    expect(await codeOf(city.calendar.saveHolidayArrangement.mutate({ arrangement }))).toBe('FORBIDDEN');
    const owner = await api.wechat('chen');
    expect(await codeOf(owner.calendar.holidayYears.query())).toBe('FORBIDDEN');

    const refused = admin.calendar.saveHolidayArrangement.mutate({
      arrangement: { ...arrangement, makeUpWorkdays: [{ name: '元旦', date: `${next}-01-02` }] },
    });
    expect(await codeOf(refused)).toBe('BAD_REQUEST');
    const error = (await refused.then(
      () => undefined,
      (e: unknown) => e,
    )) as { data?: { issues?: { path: string[] }[] } } | undefined;
    expect(error?.data?.issues?.map((i) => i.path.join('.'))).toEqual(['arrangement.makeUpWorkdays.0.date']);
    expect((await admin.calendar.holidayYears.query())[0]!.year).toBe(last);
  });

  it('counts a notice and a shortlist through the entered year; audited; a second entry or a stale correction conflicts', async () => {
    const entered = await admin.calendar.saveHolidayArrangement.mutate({ arrangement });
    expect(entered).toMatchObject({
      year: next,
      origin: 'entered',
      version: 1,
      enteredBy: '系统管理员',
      arrangement,
    });
    const calendar = calendarWith([arrangement]);
    const end = publicNoticeEnd(lastMonday, calendar);
    expect(end.date > `${next}-01-03`).toBe(true);

    // The workflow's notice deadline (shortlisting, through the review engine) and a notice batch's end date.
    const id = await api.rdApplicationInNotice('changan-molds');
    const app = await api.application(id);
    expect(app.state).toBe('public_notice');
    expect(app.deadline_at?.toISOString()).toBe(endOfShanghaiDay(end.date).toISOString());
    const published = await publishedNotice(city, 'vertical-model-rd', [id], lastMonday, '跨年公示');
    expect(published.ends_on).toBe(end.date);

    expect(await codeOf(admin.calendar.saveHolidayArrangement.mutate({ arrangement }))).toBe('CONFLICT');
    const corrected = await admin.calendar.saveHolidayArrangement.mutate({
      arrangement: {
        ...arrangement,
        holidays: [{ name: '元旦', from: `${next}-01-01`, to: `${next}-01-01` }],
      },
      version: 1,
    });
    expect(corrected.version).toBe(2);
    expect(await codeOf(admin.calendar.saveHolidayArrangement.mutate({ arrangement, version: 1 }))).toBe(
      'CONFLICT',
    );
    const audit = await api.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'holiday_arrangement')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'holidays.enter', entity_id: String(next) },
      { action: 'holidays.correct', entity_id: String(next) },
    ]);
  });
});
