import { z } from 'zod';
import { ROMAN } from '../appendix.ts';

export const ChapterFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  /** Position in the document; chapters print in this order. */
  order: z.number().int().min(1),
  /** Running head on every printed page of the chapter; defaults to the title. */
  runningHead: z.string().min(1).optional(),
  /** The chapter exists in this edition only, on purpose: the parity check lets it stand alone. */
  singleEdition: z.literal(true).optional(),
  /** Makes the chapter an appendix (附錄一 / APPENDIX I), printed after the main chapters. */
  appendix: z
    .string({ error: 'expected a Roman numeral in capitals: I, II, III …' })
    .regex(ROMAN, 'expected a Roman numeral in capitals: I, II, III …')
    .refine((s) => s.length > 0, 'expected a Roman numeral in capitals: I, II, III …')
    .optional(),
});

export type ChapterFrontmatter = z.infer<typeof ChapterFrontmatterSchema>;
