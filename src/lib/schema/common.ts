import { z } from 'zod';
import { PERIOD_FORMS, parsePeriodId } from '../i18n/periods.ts';
import { canonicalUnit, UNIT_FORMS } from '../i18n/units.ts';

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens, e.g. "global-cloud"');

/**
 * A reporting period: a year (`2022`, `2027E` for a forecast), a financial year (`FY2023`), an
 * interim period (`6M-2024-06-30`) or a balance-sheet date (`2023-12-31`); src/lib/i18n/periods.ts.
 */
export const PeriodSchema = z.string().refine((id) => parsePeriodId(id) !== undefined, {
  error: (issue) => `unknown period "${String(issue.input)}" — expected ${PERIOD_FORMS}`,
});

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
