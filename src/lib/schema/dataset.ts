import { z } from 'zod';
import { IdSchema, PeriodSchema, QualifierSchema, UnitSchema } from './common.ts';

const note = z.string().optional();

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

const SeriesSchema = z.strictObject({
  label: z.string().min(1),
  /** Applies to every period not given in `values`; a period whose inputs are unknown stays empty. */
  formula: z.string().min(1).optional(),
  values: z.record(PeriodSchema, NumberCellSchema).default({}),
  note,
});

/** Values over periods (market sizes by year): what the bar charts plot. */
export const TimeseriesDatasetSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('timeseries'),
  title: z.string().min(1),
  unit: UnitSchema,
  decimals: z.number().int().min(0).max(4).optional(),
  sources: z.array(IdSchema).min(1),
  periods: z.array(PeriodSchema).min(1),
  series: z.record(IdSchema, SeriesSchema),
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

const FactSchema = z.strictObject({
  label: z.string().min(1),
  unit: UnitSchema,
  decimals: z.number().int().min(0).max(4).optional(),
  period: PeriodSchema.optional(),
  value: z.number(),
  qualifier: QualifierSchema.optional(),
  /** A stated range (`15%至20%`): `value` is its low end. */
  upTo: z.number().optional(),
  source: IdSchema,
  note,
});

/** Single stated figures that belong to no series: a fee, a data volume, a device count. */
export const FactsDatasetSchema = z.strictObject({
  id: IdSchema,
  kind: z.literal('facts'),
  title: z.string().min(1),
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
