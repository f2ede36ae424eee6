// Procedures that answer with a stored row declare it with ISO timestamps (`instantSchema`), as every output does.

/** The row as JSON carries it: each Date column an ISO 8601 string. */
export type RowJson<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/** Date → `toISOString()`, the string `JSON.stringify` made of it before outputs were checked: clients see no change. */
export function withIsoTimestamps<T extends object>(row: T): RowJson<T> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  ) as RowJson<T>;
}
