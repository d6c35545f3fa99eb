import { z } from 'zod';
import { PROSE_SCALES, type ProseScale } from '../i18n/prose-amount.ts';
import { IdSchema, PeriodSchema, RefSchema, UnitSchema } from './common.ts';

const PROSE_SCALE_NAMES = Object.keys(PROSE_SCALES) as [ProseScale, ...ProseScale[]];

/** Comma-separated ids in an MDX attribute (`series="central,edge"`): easy to write and to check statically. */
const IdList = z
  .string()
  .min(1)
  .transform((s) => s.split(',').map((part) => part.trim()))
  .pipe(z.array(IdSchema).min(1));

export const ValPropsSchema = z
  .strictObject({
    of: z.string().min(1),
    /**
     * `ordinal` writes a rank as a word in the page's language: 三 (第三大) or third (third
     * largest). `zh` is the Chinese edition's older spelling of the same.
     */
    as: z.enum(['zh', 'ordinal']).optional(),
    /**
     * A deliberate exception to the figure-context check: the reason this figure's period differs
     * from the year its sentence gives it. Listed with the reason on the verification schedule.
     */
    'period-context': z
      .string()
      .trim()
      .min(1, "expected the reason this figure may differ from its sentence's year")
      .optional(),
    /**
     * A deliberate exception to the range-end check: the reason this figure, computed at one end
     * of the offer price range, is right in a sentence that names another end.
     */
    'range-context': z.string().trim().min(1, 'expected the reason the sentence is right').optional(),
    /**
     * English prose only: the magnitude an amount is written in (`RMB1,234.6 million` rather than
     * `RMB1.2346 billion`). The point moves; no digit is lost.
     */
    scale: z.enum(PROSE_SCALE_NAMES, 'expected scale="million" or scale="billion"').optional(),
    /**
     * English prose only: the decimals shown in that magnitude. The one way to round a stated
     * figure in prose, so the rounding is written where a reviewer reads it.
     */
    digits: z.string().regex(/^\d$/, 'expected the number of decimals, e.g. digits="1"').transform(Number).optional(),
    /**
     * `worded`: the sentence carries the sign ("a net loss of", 「虧損」) and the figure prints its
     * magnitude. Prose never prints a minus sign in an amount, and a figure that is not negative
     * cannot be worded as one.
     */
    sign: z.literal('worded', 'expected sign="worded": the sentence words the negative').optional(),
  })
  .refine((p) => p.as === undefined || (p.scale === undefined && p.digits === undefined && p.sign === undefined), {
    // A rank written as a word has no magnitude, decimals or sign to set.
    message: 'a rank written as a word (as="…") takes no scale, digits or sign',
    path: ['as'],
  });

export const ChartPropsSchema = z.strictObject({
  title: z.string().min(1),
  /**
   * `bar` (default; `stacked` stacks it), `hbar` (horizontal bars), `line`, `doughnut` (shares
   * of a whole at one `period`), `bar-line` (bars with the `line` series on a second axis).
   */
  type: z.enum(['bar', 'hbar', 'line', 'doughnut', 'bar-line']).default('bar'),
  /** The one period a doughnut shows. */
  period: PeriodSchema.optional(),
  /** bar-line: the series drawn as a line, `dataset.series` (a growth rate beside its value). */
  line: RefSchema.optional(),
  dataset: IdSchema,
  series: IdList,
  /** A series printed above each stacked bar as its total. */
  total: IdSchema.optional(),
  stacked: z.boolean().default(false),
  /** Display unit; values convert from the dataset's unit. */
  unit: UnitSchema.optional(),
  /** Claims shown in the figure's 複合年增長率 table. */
  cagr: IdList.optional(),
});

export const DataTablePropsSchema = z.strictObject({
  dataset: IdSchema,
  title: z.string().min(1).optional(),
});

export const PlaceholderPropsSchema = z.strictObject({
  title: z.string().min(1),
  sources: IdList,
  reason: z.string().min(1),
});

/** An image from content/images/, with the text a reader who cannot see it needs. */
export const FigurePropsSchema = z.strictObject({
  src: z
    .string()
    .regex(
      /^images\/[A-Za-z0-9][A-Za-z0-9._/-]*\.(png|jpe?g|svg)$/,
      'a file in content/images/, e.g. "images/org-chart.svg" (SVG, PNG or JPEG)',
    )
    .refine((src) => !src.includes('..'), 'a file inside content/images/'),
  alt: z
    .string({ error: 'expected alt="…": what the image shows, for a reader who cannot see it' })
    .trim()
    .min(1, 'expected alt="…": what the image shows, for a reader who cannot see it'),
  title: z.string().min(1).optional(),
  /** Printed width (`80mm`); the full text width when absent. Sets the resolution the image needs. */
  width: z
    .string()
    .regex(/^\d+(\.\d+)?mm$/, 'a printed width such as "80mm"')
    .optional(),
});

export const RedactPropsSchema = z.strictObject({
  /** An id from data/redactions.yaml. */
  term: IdSchema,
  /** Set by the build in an English heading set in capitals (heading-caps.ts), not by authors. */
  caps: z.boolean().optional(),
});

export const RefPropsSchema = z.strictObject({
  /** `chapter` or `chapter#section`: a chapter's file name, and a section's `{#id}`. */
  to: z.string().min(1),
  /** Also give the page the target starts on (第12頁 / page 12), in the PDF. */
  page: z.boolean().optional(),
});

export const DatePropsSchema = z.strictObject({
  /** `latest-practicable-date`, `accountants-report-date` or `timetable.<event id>` of data/timetable.yaml. */
  of: z.string().min(1),
  /** Adds the weekday: 2024年12月16日（星期一）/ Monday, 16 December 2024. */
  weekday: z.boolean().optional(),
  /** Adds the event's time: 上午九時正 / 9:00 a.m. on … */
  time: z.boolean().optional(),
});

/** The expected timetable from data/timetable.yaml, with its notes; no props. */
export const TimetablePropsSchema = z.strictObject({});

export type ValProps = z.input<typeof ValPropsSchema>;
export type DateProps = z.input<typeof DatePropsSchema>;
export type ChartProps = z.input<typeof ChartPropsSchema>;
export type DataTableProps = z.input<typeof DataTablePropsSchema>;
export type PlaceholderProps = z.input<typeof PlaceholderPropsSchema>;
export type RedactProps = z.input<typeof RedactPropsSchema>;
export type RefProps = z.input<typeof RefPropsSchema>;
export type FigureProps = z.input<typeof FigurePropsSchema>;

export const COMPONENT_PROPS = {
  Val: ValPropsSchema,
  Chart: ChartPropsSchema,
  DataTable: DataTablePropsSchema,
  Placeholder: PlaceholderPropsSchema,
  Redact: RedactPropsSchema,
  Ref: RefPropsSchema,
  Figure: FigurePropsSchema,
  Date: DatePropsSchema,
  Timetable: TimetablePropsSchema,
} as const;

export type ComponentName = keyof typeof COMPONENT_PROPS;
