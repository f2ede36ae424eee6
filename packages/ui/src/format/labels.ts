/**
 * The Chinese names of enum values live beside the enums in @dg/policy (fact-labels.ts); this is how a table shows
 * one of them.
 */

/** A label from a map of labels, or the raw value when the map has none (never a blank cell). */
export function labelOf(labels: Record<string, string>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return labels[String(value)] ?? String(value);
}
