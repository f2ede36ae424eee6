/** Serialises a value for a jsonb column (see `Json<T>` in tables/columns.ts). */
export function json<T>(value: T): string {
  return JSON.stringify(value);
}
