import { z } from 'zod';

export const StageSchema = z.enum(['vetting', 'publication', 'final']);

/** The document as a whole: what the cover, the running warning line and the metadata say. */
export const DocumentSchema = z.strictObject({
  /** Null while the issuer's name is not supplied: the cover then shows a listed placeholder. */
  company: z.string().min(1).nullable(),
  title: z.string().min(1),
  stageLabel: z.record(StageSchema, z.string().min(1)),
  stage: StageSchema.default('publication'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as "2026-11-26"')
    .nullable(),
  draftWarning: z.string().min(1),
  subject: z.string().min(1),
  /** The issuer's financial year end, `MM-DD`: how `FY2023` is spelt (截至2023年12月31日止年度). */
  yearEnd: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day such as "12-31"')
    .optional(),
  language: z.literal('zh-Hant-HK').default('zh-Hant-HK'),
  /** The English edition's cover, warning line and metadata. */
  en: z
    .strictObject({
      title: z.string().min(1),
      stageLabel: z.record(StageSchema, z.string().min(1)),
      draftWarning: z.string().min(1),
      subject: z.string().min(1),
    })
    .optional(),
});

export type DocumentConfig = z.infer<typeof DocumentSchema>;
export type Stage = z.infer<typeof StageSchema>;
