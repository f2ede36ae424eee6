import type { ColumnType, Generated } from 'kysely';

// Column shapes shared by the table files, so every table spells timestamps, money and JSON the same way.

/** A timestamptz that the database fills on insert (`now()`); written explicitly on update. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamptz set by the application. */
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Optimistic-locking counter: starts at 1, each update sets `version = version + 1 WHERE version = expected`. */
export type Version = ColumnType<number, number | undefined, number>;
/** Money in integer fen (bigint in SQL; the int8 parser in `types.ts` turns it into a safe JS integer). */
export type Fen = number;
/** A calendar date 'YYYY-MM-DD' (SQL `date`; the date parser keeps it a string, never a Date at midnight UTC). */
export type IsoDateColumn = string;
/**
 * jsonb: read as the parsed value, written as JSON text (see `json()` in `json.ts`). `pg` would turn a JS array into
 * a PostgreSQL array literal, so writing text keeps both drivers honest.
 */
export type Json<T> = ColumnType<T, string, string>;
export type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
export type UuidPk = Generated<string>;

export interface Timestamps {
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}
