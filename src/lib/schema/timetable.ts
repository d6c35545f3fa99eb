import { z } from 'zod';
import { parseDate, parseTime } from '../document/dates.ts';
import { IdSchema } from './common.ts';

/** A calendar date as ISO `YYYY-MM-DD`; the weekday is computed from it, never typed. */
export const IsoDateSchema = z
  .string({ error: 'expected a date such as "2024-12-16" (quoted or not)' })
  .refine((s) => parseDate(s) !== undefined, {
    error: (issue) => `"${String(issue.input)}" is not a calendar date — expected YYYY-MM-DD, e.g. "2024-12-16"`,
  });

/** A time of day, 24-hour `HH:MM` (Hong Kong time): `09:00`, `12:00`, `17:00`. */
export const IsoTimeSchema = z.string().refine((s) => parseTime(s) !== undefined, {
  error: (issue) =>
    `"${String(issue.input)}" is not a time — expected HH:MM on a 24-hour clock, e.g. "09:00" or "12:00"`,
});

const WordsSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/**
 * One event of the expected timetable. Its label may name redaction terms in braces
 * (`{hk-public-offering}開始`), resolved as titles are (titles.ts).
 */
export const TimetableEventSchema = z.strictObject({
  id: IdSchema,
  label: WordsSchema,
  date: IsoDateSchema,
  time: IsoTimeSchema.optional(),
  /** The event falls on or before its date (「或之前」 / "on or before"). */
  onOrBefore: z.literal(true).optional(),
  /** The notes below the table this event refers to, by their ids (printed as (1), (2) …). */
  notes: z.array(IdSchema).optional(),
});

export const TimetableSchema = z.strictObject({
  /** The latest practicable date before printing for ascertaining information in the document. */
  latestPracticableDate: IsoDateSchema,
  /** The date of the accountants' report in Appendix I. */
  accountantsReportDate: IsoDateSchema,
  /** The expected timetable, in the order the events happen: an event out of order stops the build. */
  events: z.array(TimetableEventSchema).min(1),
  /** The notes printed under the timetable, numbered in this order. */
  notes: z.array(z.strictObject({ id: IdSchema, text: WordsSchema })).default([]),
});

export type Timetable = z.infer<typeof TimetableSchema>;
export type TimetableEvent = z.infer<typeof TimetableEventSchema>;
