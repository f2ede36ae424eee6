import { holidayArrangementSchema } from '@dg/policy';
import { z } from 'zod';
import { instantSchema, versionSchema } from './common';

// GEN-7's holiday calendar: the years it covers and the arrangements entered from the State Council's notices.

/** Enter a year's arrangement (no version) or correct an entered one (the version it was read at). */
export const saveHolidayArrangementInput = z.object({
  arrangement: holidayArrangementSchema,
  version: versionSchema.optional(),
});

const arrangementOutput = z.object({
  year: z.int(),
  source: z.string(),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  makeUpWorkdays: z.array(z.object({ name: z.string(), date: z.string() })),
});

export const holidayYearSchema = z.object({
  year: z.int(),
  /** package: the holiday data package's; entered: an administrator's entry, which replaces the package's year. */
  origin: z.enum(['package', 'entered']),
  arrangement: arrangementOutput.nullable(),
  version: z.int().nullable(),
  enteredBy: z.string().nullable(),
  updatedAt: instantSchema.nullable(),
});
export const holidayYearsOutput = z.array(holidayYearSchema);
