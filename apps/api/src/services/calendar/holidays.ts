import { type Database, type HolidayArrangementRow, json } from '@dg/db';
import {
  calendarWith,
  type HolidayArrangement,
  type HolidayCalendar,
  yearsWithHolidayData,
} from '@dg/policy';
import type { Kysely } from 'kysely';
import { conflict, staleVersion } from '../../errors';
import { appendAudit, type AuditOrigin } from '../audit/append';
import { inTransaction } from '../applications/transaction';

// GEN-7's calendar as the API uses it: the holiday data package's years, with the years an administrator entered from
// the State Council's notice laid over them (the policy core's calendarWith). Read at each use: it is a handful of
// rows, and an arrangement saved on one instance must count on every other at once.

const toArrangement = (
  row: Pick<HolidayArrangementRow, 'year' | 'source' | 'holidays' | 'make_up_workdays'>,
) => ({
  year: row.year,
  source: row.source,
  holidays: row.holidays,
  makeUpWorkdays: row.make_up_workdays,
});

export async function holidayCalendarOf(db: Kysely<Database>): Promise<HolidayCalendar> {
  const rows = await db
    .selectFrom('holiday_arrangements')
    .select(['year', 'source', 'holidays', 'make_up_workdays'])
    .execute();
  return calendarWith(rows.map(toArrangement));
}

export interface HolidayYear {
  year: number;
  /** 'package': the chinese-days data; 'entered': an administrator's entry (which replaces the package's year). */
  origin: 'package' | 'entered';
  arrangement: HolidayArrangement | null;
  version: number | null;
  enteredBy: string | null;
  updatedAt: string | null;
}

/** Every year the calendar covers, newest first, with what was entered for it. */
export async function listHolidayYears(db: Kysely<Database>): Promise<HolidayYear[]> {
  const rows = await db
    .selectFrom('holiday_arrangements as h')
    .innerJoin('users as u', 'u.id', 'h.entered_by')
    .selectAll('h')
    .select('u.display_name')
    .execute();
  const entered = new Map(rows.map((r) => [r.year, r]));
  const years = new Set([...yearsWithHolidayData, ...entered.keys()]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const row = entered.get(year);
      return row
        ? {
            year,
            origin: 'entered' as const,
            arrangement: toArrangement(row),
            version: row.version,
            enteredBy: row.display_name,
            updatedAt: row.updated_at.toISOString(),
          }
        : {
            year,
            origin: 'package' as const,
            arrangement: null,
            version: null,
            enteredBy: null,
            updatedAt: null,
          };
    });
}

/**
 * Enters a year's arrangement (no `version`) or corrects an entered one (the version it was read at); audited. The
 * arrangement has passed the policy core's holidayArrangementSchema at the boundary.
 */
export async function saveHolidayArrangement(
  db: Kysely<Database>,
  origin: AuditOrigin,
  userId: string,
  input: { arrangement: HolidayArrangement; version?: number | undefined },
  now: Date,
): Promise<HolidayYear> {
  const { arrangement: a, version } = input;
  const values = { source: a.source, holidays: json(a.holidays), make_up_workdays: json(a.makeUpWorkdays) };
  await inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('holiday_arrangements')
      .select('version')
      .where('year', '=', a.year)
      .forUpdate()
      .executeTakeFirst();
    if (version === undefined) {
      if (existing) throw conflict(`${a.year} 年的节假日安排已录入，请刷新后在原记录上修改`);
      await trx
        .insertInto('holiday_arrangements')
        .values({ year: a.year, ...values, entered_by: userId, created_at: now, updated_at: now })
        .execute();
    } else {
      if (!existing || existing.version !== version) throw staleVersion();
      await trx
        .updateTable('holiday_arrangements')
        .set({ ...values, entered_by: userId, updated_at: now, version: version + 1 })
        .where('year', '=', a.year)
        .execute();
    }
    await appendAudit(trx, origin, {
      action: version === undefined ? 'holidays.enter' : 'holidays.correct',
      entityType: 'holiday_arrangement',
      entityId: String(a.year),
      data: { arrangement: a },
    });
  });
  const saved = (await listHolidayYears(db)).find((y) => y.year === a.year);
  return saved!;
}
