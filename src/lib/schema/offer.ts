import { z } from 'zod';
import { IdSchema, PeriodSchema } from './common.ts';

/**
 * The offer, typed once (data/offer.yaml). Only inputs live here: every figure that follows from
 * them (market capitalisation, proceeds, the amount per board lot, use-of-proceeds amounts, pro
 * forma NTA per share, shareholdings after the offer) is computed at build time by
 * src/lib/offer/compile.ts, which turns this file into datasets and claims like any other.
 */
const positive = z.number().positive();
const rate = z.number().min(0).max(100);
const english = z.string().min(1);

/** The inputs a publication copy may withhold: each id names one stated input of dataset `offer`. */
export const WITHHOLDABLE_INPUTS = [
  'price-low',
  'price-high',
  'offer-shares',
  'board-lot',
  'commission-rate',
  'other-expenses',
] as const;

const UseSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1),
  en: english,
  /** Per cent of the net proceeds at the mid-point of the price range; they must add to 100. */
  percent: rate,
});

const ShareholderSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  en: english,
  capacity: z.string().min(1),
  capacityEn: english,
  /**
   * Shares held (or deemed held) immediately before and after the offer: the offer does not change
   * them. Stated, or a formula over other data (the history chapter's shareholding times the
   * capitalisation issue), so the two tables cannot tell different stories.
   */
  shares: z.union([positive.int(), z.strictObject({ formula: z.string().min(1) })]),
});

export const OfferSchema = z
  .strictObject({
    /** HK$ per share, stated to the cent. */
    price: z
      .strictObject({ low: positive, high: positive })
      .refine((p) => p.low < p.high, { message: 'the low end of the price range must be below the high end' }),
    shares: z.strictObject({
      authorised: positive.int(),
      /** US$ per share. */
      parValue: positive,
      /** In issue immediately before the offer (after any capitalisation issue). */
      inIssueBefore: positive.int(),
      /** Offer shares, before any exercise of the over-allotment option. */
      offer: positive.int(),
    }),
    /** The Hong Kong public offering's share of the offer shares, before reallocation (%). */
    hongKongPercent: rate,
    /**
     * The amount (HK$ million, the price of the shares applied for, before brokerage, levies and
     * fee) that divides pool A from pool B of the Hong Kong public offering. The Stock Exchange's
     * rule, not a figure of this offer, but typed once here so the prose binds it.
     */
    poolThreshold: positive.optional(),
    /** The over-allotment option, as a % of the offer shares. */
    overAllotmentPercent: rate,
    boardLot: positive.int(),
    /** What an applicant pays on top of the price, each as % of the price (Main Board, 2024). */
    fees: z.strictObject({
      brokerage: rate,
      sfcLevy: rate,
      afrcLevy: rate,
      tradingFee: rate,
    }),
    /** Underwriting commission, % of the gross proceeds. */
    commissionPercent: rate,
    /** Listing expenses other than the underwriting commission, HK$ million. */
    otherListingExpenses: positive,
    /** Net tangible assets attributable to owners before the offer, RMB million (from the Accountants' Report). */
    ntaBefore: z
      .strictObject({
        /** Stated here, in RMB million, until the accounts hold the balance sheet. */
        value: positive.optional(),
        /** Or bound to the Accountants' Report's figure, in RMB million (`balance.nta@2024-06-30 / 1000`). */
        formula: z.string().min(1).optional(),
        asAt: PeriodSchema,
        source: IdSchema,
        note: z.string().optional(),
      })
      .refine((n) => (n.value === undefined) !== (n.formula === undefined), {
        message: 'expected either value (stated) or formula (bound to the accounts), not both and not neither',
      }),
    /** HK$ per RMB1.00, the rate used to state RMB figures in HK$. */
    rmbToHkd: positive,
    useOfProceeds: z.array(UseSchema).min(1),
    shareholders: z.array(ShareholderSchema).default([]),
    /** The stated inputs publication copies withhold; everything derived from them is withheld too. */
    withheld: z.array(z.enum(WITHHOLDABLE_INPUTS)).default([]),
    source: IdSchema,
  })
  .refine((o) => o.shares.inIssueBefore + o.shares.offer <= o.shares.authorised, {
    message: 'the shares in issue after the offer exceed the authorised share capital',
    path: ['shares', 'authorised'],
  });

export type Offer = z.infer<typeof OfferSchema>;
