import { z } from 'zod';
import { IdSchema, PeriodSchema, QualifierSchema, UnitSchema } from './common.ts';

const note = z.string().optional();

/**
 * English beside Chinese: each labelled thing may carry `en` with the same fields in English.
 * Optional here; an English chapter that shows a label without its English stops the build at
 * the line of the label (src/lib/i18n/labels.ts).
 */
const english = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape).optional();
const text = z.string().min(1);

/** A figure as the chapter states it. A bare number is shorthand for `{ value }`. */
export const StatedCellSchema = z.strictObject({
  value: z.number(),
  qualifier: QualifierSchema.optional(),
  source: IdSchema.optional(),
  note,
});

/** A figure that follows from others; the formula is recorded and re-evaluated at build time. */
export const DerivedCellSchema = z.strictObject({
  formula: z.string().min(1),
  note,
});

export const NumberCellSchema = z.union([z.number(), StatedCellSchema, DerivedCellSchema]);

/** A row a total adds (`cash`) or subtracts (`-current-liabilities`). */
const SummandSchema = z
  .string()
  .regex(/^-?[a-z0-9][a-z0-9-]*$/, 'a row id, or "-" and a row id for a row subtracted, e.g. "-current-liabilities"');

const SeriesSchema = z.strictObject({
  label: z.string().min(1),
  en: english({ label: text, note }),
  /** Applies to every period not given in `values`; a period whose inputs are unknown stays empty. */
  formula: z.string().min(1).optional(),
  values: z.record(PeriodSchema, NumberCellSchema).default({}),
  note,
  /** A line item's indent in a financial table (0: a heading line; 1–3: items under it). */
  indent: z.number().int().min(0).max(3).optional(),
  /**
   * A subtotal or total: the rows above it that it adds up (a cost row holds its negative
   * values). `-row` subtracts a row a statement prints as a positive amount (a balance sheet's
   * liabilities: net current assets = current assets − current liabilities). Its stated values
   * are recomputed at build time; one that does not add up stops it.
   */
  sum: z.array(SummandSchema).min(1).optional(),
  /** How a summing row is ruled: `subtotal` (rule above) or `total` (rule above, double below). */
  style: z.enum(['subtotal', 'total']).optional(),
});

/** Values over periods (market sizes by year): what the bar charts plot. */
export const TimeseriesDatasetSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('timeseries'),
  title: z.string().min(1),
  en: english({ title: text }),
  unit: UnitSchema,
  decimals: z.number().int().min(0).max(4).optional(),
  sources: z.array(IdSchema).min(1),
  periods: z.array(PeriodSchema).min(1),
  series: z.record(IdSchema, SeriesSchema),
  /**
   * A financial table's derived column: beside each period, each row as a percentage of this
   * row (`percentOf: revenue` gives % of revenue), computed at build time.
   */
  percentOf: IdSchema.optional(),
});

const ColumnSchema = z.strictObject({
  label: z.string().min(1),
  type: z.enum(['text', 'number', 'rank', 'check']),
  unit: UnitSchema.optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  /** Columns sharing a group get one spanning header cell above them. */
  group: z.string().optional(),
});

const TableCellSchema = z.union([z.string(), z.boolean(), NumberCellSchema]);

/** Rows of companies with typed columns (rankings, comparisons). */
export const TableDatasetSchema = z
  .strictObject({
    id: IdSchema,
    kind: z.literal('table'),
    title: z.string().min(1),
    /**
     * A table's English in one block beside it: the title, each column's label (and group), and
     * each text cell's English once (`terms`: 電信運營商: Telecommunications operator).
     */
    en: english({
      title: text,
      columns: z.record(IdSchema, z.strictObject({ label: text, group: text.optional() })).default({}),
      terms: z.record(z.string(), text).default({}),
    }),
    sources: z.array(IdSchema).min(1),
    columns: z.record(IdSchema, ColumnSchema),
    rows: z.record(IdSchema, z.record(IdSchema, TableCellSchema)),
    /** A row set off from the others, such as the issuer's own row in a ranking of competitors. */
    highlight: IdSchema.optional(),
  })
  .check((ctx) => {
    const { highlight, rows } = ctx.value;
    if (highlight === undefined || highlight in rows) return;
    ctx.issues.push({
      code: 'custom',
      input: highlight,
      path: ['highlight'],
      message: `no such row — expected one of the table's rows: ${Object.keys(rows).join(', ')}`,
    });
  });

/** Which end of the offer price range a figure is computed at: the figure-context check reads it. */
export const RangeEndSchema = z.enum(['low', 'mid', 'high']);
export type RangeEnd = z.infer<typeof RangeEndSchema>;

const FactSchema = z
  .strictObject({
    label: z.string().min(1),
    en: english({ label: text, note }),
    unit: UnitSchema,
    // Regulatory levies are stated to five decimals of a per cent (0.00015%).
    decimals: z.number().int().min(0).max(6).optional(),
    period: PeriodSchema.optional(),
    /** Stated: the figure itself. */
    value: z.number().optional(),
    /** Derived: computed at build time from other figures, never typed (the offer's figures). */
    formula: z.string().min(1).optional(),
    qualifier: QualifierSchema.optional(),
    /** A stated range (`15%至20%`): `value` is its low end. */
    upTo: z.number().optional(),
    /**
     * Withheld from publication copies (the offer price, the number of offer shares). Every figure
     * derived from a withheld one is withheld too, through formulas and claims: a taint, not a list.
     */
    withheld: z.boolean().optional(),
    /** The end of the offer price range the figure is computed at (最高 / high end …). */
    end: RangeEndSchema.optional(),
    source: IdSchema,
    note,
  })
  .refine((f) => (f.value === undefined) !== (f.formula === undefined), {
    message: 'expected either value (stated) or formula (derived), not both and not neither',
    path: ['value'],
  });

/** Single stated figures that belong to no series: a fee, a data volume, a device count. */
export const FactsDatasetSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('facts'),
  title: z.string().min(1),
  en: english({ title: text }),
  facts: z.record(IdSchema, FactSchema),
});

export const DatasetSchema = z.discriminatedUnion('kind', [
  TimeseriesDatasetSchema,
  TableDatasetSchema,
  FactsDatasetSchema,
]);

export type TimeseriesDataset = z.infer<typeof TimeseriesDatasetSchema>;
export type TableDataset = z.infer<typeof TableDatasetSchema>;
export type FactsDataset = z.infer<typeof FactsDatasetSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type NumberCell = z.infer<typeof NumberCellSchema>;
export type TableColumn = z.infer<typeof ColumnSchema>;
