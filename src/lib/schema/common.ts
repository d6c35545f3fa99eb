import { z } from 'zod';
import { canonicalUnit, UNIT_FORMS } from '../units.ts';

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens, e.g. "global-cloud"');

/** A reporting period: a year, with `E` for a forecast (`2027E`). */
export const PeriodSchema = z.string().regex(/^\d{4}E?$/, 'a year such as "2022", or "2027E" for a forecast');

/**
 * A unit is parsed, not listed: currency × scale (人民幣千元, 港元, RMB'000), a count with its
 * measure word (家, 億台), %, 個百分點. The English alias is kept under its Chinese name.
 */
export const UnitSchema = z
  .string()
  .refine((name) => canonicalUnit(name) !== undefined, {
    error: (issue) => `unknown unit "${String(issue.input)}" — expected ${UNIT_FORMS}`,
  })
  .transform((name) => canonicalUnit(name) as string);

/**
 * How a stated figure is qualified in the text. It widens the range the tie-out accepts:
 * `約77` is 76.5–77.5; `超過23` is read as 23 up to the next unit of its last digit.
 */
export const QualifierSchema = z.enum(['about', 'over']);

/** `dataset.row@column` — a cell; `dataset.row` — a fact or a whole series. */
export const RefSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*(@[0-9A-Za-z-]+)?$/, 'a reference such as "global-cloud.global@2022"');
