import { z } from 'zod';

/**
 * The words a sign-off covers, exactly as the built copy displays them: a figure's value and
 * sources and the block of text it sits in; a table's, chart's or section's whole text; a claim's
 * stated value with what the verification page shows of it. Its hash is what a sign-off records,
 * so any change to these words makes the sign-off stale.
 */
export const CoveredSchema = z.strictObject({
  value: z.string().optional(),
  source: z.string().optional(),
  context: z.string(),
});
export type Covered = z.infer<typeof CoveredSchema>;

export const ITEM_KINDS = ['figure', 'table', 'chart', 'claim', 'section'] as const;
export const ItemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKindSchema>;

/** Kinds a final build refuses to publish unsigned; a section's sign-off is advisory. */
export const GATED_KINDS: readonly ItemKind[] = ['figure', 'table', 'chart', 'claim'];

/** `figure:…`, `table:…`, `chart:…`, `claim:…`, `section:…`: readable in YAML, stable across builds. */
export const ItemKeySchema = z
  .string()
  .regex(
    /^(figure|table|chart|claim|section):\S+$/,
    'a key such as "figure:industry-overview/global-cloud.global@2022~1"',
  );

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash in lower-case hex (64 characters)');

/** One thing a reviewer can sign off, as the build read it from the printed document page. */
export const ReviewItemSchema = z.strictObject({
  key: ItemKeySchema,
  kind: ItemKindSchema,
  /** The chapter the item is in; for a claim, the first chapter that states it ('' when none does). */
  chapterId: z.string(),
  /** The `h2` section the item is in, when it is after one. */
  sectionId: z.string().optional(),
  /** What a list of items shows: chapter · location. */
  label: z.string(),
  covered: CoveredSchema,
  /** The English edition's wording of the same item, when the English document was printed. */
  coveredEn: CoveredSchema.optional(),
  hash: HashSchema,
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

/** `review-items.json` at the root of every copy built with its PDFs. */
export const ReviewItemsFileSchema = z.strictObject({
  version: z.literal(1),
  stage: z.string(),
  commit: z.string(),
  builtAt: z.string(),
  items: z.array(ReviewItemSchema),
});
export type ReviewItemsFile = z.infer<typeof ReviewItemsFileSchema>;

/** An ISO 8601 timestamp; YAML may hand over a Date when the value is unquoted. */
const TimeSchema = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString() : v),
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time such as "2026-12-04T23:10:00Z"'),
);

/** One sign-off: who signed which words of which item, when, and on what evidence. */
export const SignoffRecordSchema = z.strictObject({
  key: ItemKeySchema,
  hash: HashSchema,
  by: z.string().min(1, 'the name of who signed'),
  at: TimeSchema,
  note: z.string().default(''),
  /** A file under content/evidence/ (one folder level at most). */
  evidence: z.string().min(1).optional(),
  covered: CoveredSchema,
});
export type SignoffRecord = z.infer<typeof SignoffRecordSchema>;

/** Publishing a final copy with unsigned items on purpose: recorded, and named in the build log. */
export const OverrideSchema = z.strictObject({
  by: z.string().min(1, 'the name of who decided'),
  reason: z.string().min(1, 'why the copy may be published unsigned'),
  at: TimeSchema.optional(),
});
export type Override = z.infer<typeof OverrideSchema>;

/** `content/signoffs.yaml`: the sign-offs that travel with the document. */
export const SignoffsFileSchema = z.strictObject({
  version: z.literal(1),
  signoffs: z.array(SignoffRecordSchema).default([]),
  override: OverrideSchema.optional(),
});
export type SignoffsFile = z.infer<typeof SignoffsFileSchema>;
