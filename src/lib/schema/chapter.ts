import { z } from 'zod';
import { ROMAN } from '../document/appendix.ts';

/**
 * Where a front section prints: `before-contents` between the cover and the contents (預期時間表 /
 * EXPECTED TIMETABLE), `before-definitions` between the contents and 釋義 (概要 / SUMMARY).
 */
export const FrontSchema = z.enum(['before-contents', 'before-definitions'], {
  error:
    'expected before-contents (printed between the cover and the contents) or before-definitions (between the contents and 釋義)',
});

export const ChapterFrontmatterSchema = z
  .strictObject({
    /**
     * The chapter's title; `{term}` names a redaction term of data/redactions.yaml
     * (`有關本文件及{global-offering}的資料`), withheld wherever the title shows (titles.ts).
     */
    title: z.string().min(1),
    /** Position within its part of the document (front sections, chapters); chapters print in this order. */
    order: z.number().int().min(1),
    /** Running head on every printed page of the chapter; defaults to the title. `{term}` as in the title. */
    runningHead: z.string().min(1).optional(),
    /** The chapter exists in this edition only, on purpose: the parity check lets it stand alone. */
    singleEdition: z.literal(true).optional(),
    /** Makes the chapter an appendix (附錄一 / APPENDIX I), printed after the main chapters. */
    appendix: z
      .string({ error: 'expected a Roman numeral in capitals: I, II, III …' })
      .regex(ROMAN, 'expected a Roman numeral in capitals: I, II, III …')
      .refine((s) => s.length > 0, 'expected a Roman numeral in capitals: I, II, III …')
      .optional(),
    /** Makes the chapter a front section, printed before the contents or before 釋義. */
    front: FrontSchema.optional(),
    /**
     * The whole section is withheld from copies that withhold (stageWithholds: publication, PHIP):
     * its title stays, its one page says [編纂] / [REDACTED], none of its text is emitted.
     */
    withheld: z.literal(true, { error: 'expected true (or leave the key out)' }).optional(),
  })
  .refine((c) => c.front === undefined || c.appendix === undefined, {
    path: ['front'],
    message: 'a front section cannot also be an appendix — expected front or appendix, not both',
  });

export type ChapterFrontmatter = z.infer<typeof ChapterFrontmatterSchema>;
export type Front = z.infer<typeof FrontSchema>;
