import { z } from 'zod';
import { isAnnual, parsePeriodId } from '../i18n/periods.ts';
import { IdSchema, PeriodSchema, QualifierSchema, RefSchema, UnitSchema } from './common.ts';

/**
 * A claim is a figure the chapter states that follows from other figures (a CAGR, a share, a
 * rank). It is data so the build can recompute it and stop when the two disagree.
 */
const base = {
  id: IdSchema,
  /** What the claim says, in the chapter's words; shown on the verification schedule. */
  text: z.string().min(1),
  /** Short name for a figure's growth-rate table (e.g. 美國); defaults to the series label. */
  label: z.string().min(1).optional(),
  /** The English edition's wording of `text`, `label` and (for a stated claim) `reason`. */
  en: z
    .strictObject({
      text: z.string().min(1),
      label: z.string().min(1).optional(),
      reason: z.string().min(1).optional(),
    })
    .optional(),
  source: IdSchema,
};

const statedNumber = {
  stated: z.number(),
  unit: UnitSchema.default('%'),
  decimals: z.number().int().min(0).max(4).optional(),
  qualifier: QualifierSchema.optional(),
};

/** Compound annual growth rate of a series between two periods. */
export const CagrClaimSchema = z
  .strictObject({
    ...base,
    ...statedNumber,
    kind: z.literal('cagr'),
    of: RefSchema.describe('a series, e.g. "global-cloud.global"'),
    from: PeriodSchema,
    to: PeriodSchema,
  })
  .check((ctx) => {
    // A growth rate per year compounds over whole years: an interim or a balance-sheet date has none.
    const from = parsePeriodId(ctx.value.from);
    const to = parsePeriodId(ctx.value.to);
    if (!from || !to) return;
    if (isAnnual(from) && isAnnual(to) && from.kind === to.kind) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value.to,
      path: ['to'],
      message: `a CAGR runs from one annual period to another of the same kind — got ${from.kind} "${from.id}" to ${to.kind} "${to.id}"`,
    });
  });

/**
 * part ÷ whole, in percent (penetration, market share). The two may be in different scales of one
 * currency (revenue in 人民幣千元 over a market in 人民幣億元), and of periods that cover the same
 * time (FY2022 over the calendar year 2022 when the financial year ends on 31 December). `stated`
 * may name the cell that states the share instead of repeating its number: the share in one
 * chapter's table is then checked against figures from other chapters, and follows the table.
 */
export const ShareClaimSchema = z.strictObject({
  ...base,
  ...statedNumber,
  stated: z.union([z.number(), RefSchema]),
  kind: z.literal('share'),
  part: z.string().min(1),
  whole: z.string().min(1),
});

/** part ÷ whole as a multiple (current ratio: 1.72倍 / 1.72 times), of figures at one date. */
export const RatioClaimSchema = z.strictObject({
  ...base,
  ...statedNumber,
  unit: UnitSchema.default('倍'),
  decimals: z.number().int().min(0).max(4).default(2),
  kind: z.literal('ratio'),
  part: RefSchema,
  whole: RefSchema,
});

/**
 * The change of a figure from one period to the next comparable one, in percent ("revenue
 * increased by 23.4% from 2022 to 2023"; six months ended 30 June 2024 against the same six
 * months of 2023). Unlike a CAGR it is not per year, so interim periods qualify; the two periods
 * must be of one kind and length, so a six-month figure is never set against a year's.
 */
export const GrowthClaimSchema = z
  .strictObject({
    ...base,
    ...statedNumber,
    kind: z.literal('growth'),
    of: RefSchema.describe('a series, e.g. "accounts-income.revenue"'),
    from: PeriodSchema,
    to: PeriodSchema,
  })
  .check((ctx) => {
    const from = parsePeriodId(ctx.value.from);
    const to = parsePeriodId(ctx.value.to);
    if (!from || !to) return;
    if (from.kind === to.kind && from.months === to.months && from.id !== to.id) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value.to,
      path: ['to'],
      message: `growth compares two periods of one kind and length — got ${from.kind} "${from.id}" to ${to.kind} "${to.id}"`,
    });
  });

/** Parts add up to a stated total or to another figure. */
export const SumClaimSchema = z.strictObject({
  ...base,
  kind: z.literal('sum'),
  parts: z.array(z.string().min(1)).min(2),
  total: z.string().min(1).optional(),
  stated: z.number().optional(),
  unit: UnitSchema.optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  qualifier: QualifierSchema.optional(),
});

/** `item` is the n-th largest of `among` (1 = largest). */
export const RankClaimSchema = z.strictObject({
  ...base,
  kind: z.literal('rank'),
  item: RefSchema,
  among: z.array(RefSchema).min(2),
  stated: z.number().int().min(1),
  unit: UnitSchema.default('位'),
});

/** A table's rank column agrees with the order of the figure it ranks by. */
export const OrderClaimSchema = z.strictObject({
  ...base,
  kind: z.literal('order'),
  dataset: IdSchema,
  rank: IdSchema,
  by: IdSchema,
});

/** One figure exceeds another ("faster than", "largest market"). */
export const CompareClaimSchema = z.strictObject({
  ...base,
  kind: z.literal('compare'),
  left: z.string().min(1),
  op: z.enum(['>', '<']),
  right: z.string().min(1),
});

/** Stated by the source but not checkable from figures the chapter gives; listed, not hidden. */
export const StatedClaimSchema = z.strictObject({
  ...base,
  ...statedNumber,
  kind: z.literal('stated'),
  upTo: z.number().optional(),
  from: PeriodSchema.optional(),
  to: PeriodSchema.optional(),
  reason: z.string().min(1),
});

export const ClaimSchema = z.discriminatedUnion('kind', [
  CagrClaimSchema,
  GrowthClaimSchema,
  ShareClaimSchema,
  RatioClaimSchema,
  SumClaimSchema,
  RankClaimSchema,
  OrderClaimSchema,
  CompareClaimSchema,
  StatedClaimSchema,
]);

export const ClaimRegistrySchema = z.array(ClaimSchema);

export type Claim = z.infer<typeof ClaimSchema>;
