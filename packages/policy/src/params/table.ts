/**
 * Parameters apart from formulas, as OpenFisca keeps them: each parameter has a description, a unit and dated
 * values, each value with its legal reference. A value belongs to an edition (the batch or guide whose numbers
 * apply) and covers the dates from `from` to `until`, both inclusive; evaluation reads them as of a date.
 * A `null` value marks a span where the policy is not in force (before publication, after expiry): the table then
 * covers every date and the program answers with a GEN-5 finding instead of falling into a gap.
 */
import type { IsoDate } from '../dates';

export type Unit = 'fen' | 'bp' | 'date' | 'count' | 'days';

export type ParameterValue = number | string;

export interface ParameterVersion<V extends ParameterValue = ParameterValue> {
  readonly edition: string;
  /** First day covered; null: no earlier bound. */
  readonly from: IsoDate | null;
  /** Last day covered; null: open-ended. */
  readonly until: IsoDate | null;
  readonly value: V | null;
  readonly reference: string;
  /** For a span out of force: why, in words for the enterprise user. */
  readonly note?: string;
}

export interface Parameter<V extends ParameterValue = ParameterValue> {
  readonly name: string;
  readonly description: string;
  readonly unit: Unit;
  /** CV-11: the managing unit may lower this value by data, never raise it. */
  readonly lowerable: boolean;
  readonly versions: readonly ParameterVersion<V>[];
}

export type ParameterTable = Readonly<Record<string, Parameter>>;

export type TableValues<T extends ParameterTable> = {
  [K in keyof T]: T[K] extends Parameter<infer V> ? V : never;
};

/** A parameter value as a verdict's basis records it. */
export interface ParameterRead {
  name: string;
  description: string;
  unit: Unit;
  value: ParameterValue | null;
  edition: string;
  from: IsoDate | null;
  until: IsoDate | null;
  reference: string;
  /** True when a CV-11 override row supplied the value (its `from` and reference are the row's). */
  override: boolean;
}

/** A lowered value decided by the managing unit (CV-11), effective from `from` until its base version ends. */
export interface ParameterOverride {
  parameter: string;
  edition: string;
  from: IsoDate;
  value: number;
  reference: string;
}

export type TableReading<T extends ParameterTable> =
  | { inForce: true; values: TableValues<T>; reads: ParameterRead[] }
  | { inForce: false; outOfForce: ParameterVersion; reads: ParameterRead[] };

/** A date not covered by any version: a hole in the tables, which the temporal-coverage test exists to prevent. */
export class ParameterGapError extends Error {
  override name = 'ParameterGapError';
}

export function covers(version: ParameterVersion, date: IsoDate): boolean {
  return (version.from === null || version.from <= date) && (version.until === null || date <= version.until);
}

/** Every version of `parameter` in `edition` that covers `date` (exactly one in a sound table). */
export function versionsAt<V extends ParameterValue>(
  parameter: Parameter<V>,
  edition: string,
  date: IsoDate,
): ParameterVersion<V>[] {
  return parameter.versions.filter((v) => v.edition === edition && covers(v, date));
}

export function versionAt<V extends ParameterValue>(
  parameter: Parameter<V>,
  edition: string,
  date: IsoDate,
): ParameterVersion<V> {
  for (const version of parameter.versions) {
    if (version.edition === edition && covers(version, date)) return version;
  }
  throw new ParameterGapError(`参数 ${parameter.name} 在版本 ${edition} 中没有覆盖 ${date} 的取值`);
}

export function editionsOf(table: ParameterTable): string[] {
  return [...new Set(Object.values(table).flatMap((p) => p.versions.map((v) => v.edition)))];
}

function overrideAt(
  parameter: Parameter,
  base: ParameterVersion,
  edition: string,
  date: IsoDate,
  overrides: readonly ParameterOverride[],
): ParameterOverride | undefined {
  let best: ParameterOverride | undefined;
  for (const o of overrides) {
    if (o.parameter !== parameter.name || o.edition !== edition || o.from > date || !covers(base, o.from))
      continue;
    if (!best || o.from >= best.from) best = o;
  }
  return best;
}

/**
 * Reads every parameter of `table` as of `date`, recording each read. When any value is out of force the whole
 * reading is, since a program cannot compute with part of its parameters.
 */
export function readTable<T extends ParameterTable>(
  table: T,
  edition: string,
  date: IsoDate,
  overrides: readonly ParameterOverride[] = [],
): TableReading<T> {
  const values: Record<string, ParameterValue> = {};
  const reads: ParameterRead[] = [];
  let outOfForce: ParameterVersion | undefined;
  for (const key in table) {
    const parameter = table[key]!;
    const base = versionAt(parameter, edition, date);
    const override = overrides.length > 0 ? overrideAt(parameter, base, edition, date, overrides) : undefined;
    const value = base.value === null ? null : (override?.value ?? base.value);
    reads.push({
      name: parameter.name,
      description: parameter.description,
      unit: parameter.unit,
      value,
      edition,
      from: override?.from ?? base.from,
      until: base.until,
      reference: override?.reference ?? base.reference,
      override: override !== undefined && base.value !== null,
    });
    if (value === null) outOfForce ??= base;
    else values[key] = value;
  }
  if (outOfForce) return { inForce: false, outOfForce, reads };
  return { inForce: true, values: values as TableValues<T>, reads };
}

/** The span that puts a program out of force: the first one among its readings, if any. */
export function outOfForceOf(...readings: TableReading<ParameterTable>[]): ParameterVersion | undefined {
  for (const reading of readings) if (!reading.inForce) return reading.outOfForce;
  return undefined;
}

/** The versions of one edition: a span before it takes effect, its values, and what follows. */
export interface EditionSpans {
  readonly edition: string;
  readonly notYet?: { until: IsoDate; note: string };
  readonly from: IsoDate | null;
  readonly until: IsoDate | null;
  readonly expired?: { from: IsoDate; note: string };
}

type Widen<V> = V extends number ? number : string;

/** The versions of a parameter whose value is constant over an edition's span. */
export function overEdition<V extends ParameterValue>(
  spans: EditionSpans,
  value: V,
  reference: string,
): ParameterVersion<Widen<V>>[] {
  const versions: ParameterVersion<Widen<V>>[] = [];
  const { edition } = spans;
  if (spans.notYet) {
    versions.push({
      edition,
      from: null,
      until: spans.notYet.until,
      value: null,
      reference,
      note: spans.notYet.note,
    });
  }
  versions.push({ edition, from: spans.from, until: spans.until, value: value as Widen<V>, reference });
  if (spans.expired) {
    versions.push({
      edition,
      from: spans.expired.from,
      until: null,
      value: null,
      reference,
      note: spans.expired.note,
    });
  }
  return versions;
}
