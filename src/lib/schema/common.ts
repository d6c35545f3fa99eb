import { z } from 'zod';
import { UNIT_NAMES } from '../units.ts';

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens, e.g. "global-cloud"');

/** A reporting period: a year, with `E` for a forecast (`2027E`). */
export const PeriodSchema = z.string().regex(/^\d{4}E?$/, 'a year such as "2022", or "2027E" for a forecast');

export const UnitSchema = z.enum(UNIT_NAMES);

/**
 * How a stated figure is qualified in the text. It widens the range the tie-out accepts:
 * `約77` is 76.5–77.5; `超過23` is read as 23 up to the next unit of its last digit.
 */
export const QualifierSchema = z.enum(['about', 'over']);

/** `dataset.row@column` — a cell; `dataset.row` — a fact or a whole series. */
export const RefSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*(@[0-9A-Za-z-]+)?$/, 'a reference such as "global-cloud.global@2022"');
