import { z } from 'zod';

export const ChapterFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  /** Position in the document; chapters print in this order. */
  order: z.number().int().min(1),
  /** Running head on every printed page of the chapter; defaults to the title. */
  runningHead: z.string().min(1).optional(),
  /** The chapter exists in this edition only, on purpose: the parity check lets it stand alone. */
  singleEdition: z.literal(true).optional(),
});

export type ChapterFrontmatter = z.infer<typeof ChapterFrontmatterSchema>;
