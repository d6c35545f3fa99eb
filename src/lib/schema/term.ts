import { z } from 'zod';
import { IdSchema } from './common.ts';

/** The two generated sections a term can belong to. */
export const TERM_LISTS = ['definitions', 'glossary'] as const;
export type TermList = (typeof TERM_LISTS)[number];

/** One wording per edition: both are required, since each edition prints its own 釋義. */
const BilingualSchema = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
});

/**
 * One defined term of data/terms.yaml. `zh` and `en` are the forms prose uses (「聯交所」,
 * "Stock Exchange"); `full` is the name an abbreviation stands for, where a chapter may define
 * the term inline (灼識行業諮詢有限公司（「灼識諮詢」）), so that wording can be checked.
 */
export const TermSchema = z.strictObject({
  id: IdSchema,
  list: z.enum(TERM_LISTS),
  zh: z.string().min(1),
  en: z.string().min(1),
  /** Other forms the prose may use for the same term ("China" for "PRC"). */
  aliases: z
    .strictObject({ zh: z.array(z.string().min(1)).optional(), en: z.array(z.string().min(1)).optional() })
    .optional(),
  full: BilingualSchema.partial().optional(),
  definition: BilingualSchema,
});

export const TermRegistrySchema = z.array(TermSchema);

export type Term = z.infer<typeof TermSchema>;
