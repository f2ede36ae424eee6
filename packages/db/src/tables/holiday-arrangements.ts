import type { Insertable, Selectable } from 'kysely';
import type { Json, Timestamps } from './columns';

/** One period off as the State Council's notice sets it (GEN-7). */
export interface HolidayPeriodColumn {
  name: string;
  from: string;
  to: string;
}

/**
 * A year's statutory holiday arrangement, entered by an administrator from the State Council's notice for a year the
 * holiday data package does not cover yet (or to correct one). Checked by the policy core's holidayArrangementSchema
 * before it is written; one row per year.
 */
export interface HolidayArrangementsTable extends Timestamps {
  year: number;
  /** The notice's title and number, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）. */
  source: string;
  holidays: Json<HolidayPeriodColumn[]>;
  make_up_workdays: Json<{ name: string; date: string }[]>;
  entered_by: string;
}

export type HolidayArrangementRow = Selectable<HolidayArrangementsTable>;
export type NewHolidayArrangement = Insertable<HolidayArrangementsTable>;
