import { z } from 'zod';

/**
 * The stages of a listing document: the Application Proof (a full copy for the Exchange's
 * vetting, a redacted copy for publication), the post-hearing information pack (published,
 * redacted like the publication copy) and the final prospectus. Which of them withhold is one
 * rule: `stageWithholds` in stage.ts.
 */
export const StageSchema = z.enum(['vetting', 'publication', 'phip', 'final']);

/** A label per stage; the PHIP's is optional, so documents written before the stage existed stay valid. */
const StageLabelsSchema = z.strictObject({
  vetting: z.string().min(1),
  publication: z.string().min(1),
  phip: z.string().min(1).optional(),
  final: z.string().min(1),
});

/**
 * The boxed 警告 / WARNING on the cover of a draft that is published: the Application Proof's
 * paragraphs, and the PHIP's where its wording differs (it falls back to the Application Proof's).
 */
const CoverWarningSchema = z.strictObject({
  title: z.string().min(1),
  applicationProof: z.array(z.string().min(1)).min(1),
  phip: z.array(z.string().min(1)).min(1).optional(),
});

/** What the cover of the final prospectus names besides the issuer: the offer's fixed facts. */
const SponsorsSchema = z.array(z.string().min(1)).min(1);

export const DocumentSchema = z.strictObject({
  /** Null while the issuer's name is not supplied: the cover then shows a listed placeholder. */
  company: z.string().min(1).nullable(),
  title: z.string().min(1),
  stageLabel: StageLabelsSchema,
  stage: StageSchema.default('publication'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as "2026-11-26"')
    .nullable(),
  /** The warning line at the top of every page of a draft (the Application Proof's). */
  draftWarning: z.string().min(1),
  /** The PHIP's warning line, where it differs from the Application Proof's. */
  phipDraftWarning: z.string().min(1).optional(),
  /** The boxed warning on the cover of the Application Proof and PHIP stages. */
  coverWarning: CoverWarningSchema.optional(),
  /** The issuer's place of incorporation line on the cover: （於開曼群島註冊成立的有限公司）. */
  incorporation: z.string().min(1).optional(),
  /** The stock code the final cover names; null until the Exchange allots it. */
  stockCode: z.string().min(1).nullable().optional(),
  /** The sponsors the final cover names, in the order the cover lists them. */
  sponsors: SponsorsSchema.optional(),
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
      /** The issuer's English name, for the English cover and metadata; the Chinese name when absent. */
      company: z.string().min(1).optional(),
      title: z.string().min(1),
      stageLabel: StageLabelsSchema,
      draftWarning: z.string().min(1),
      phipDraftWarning: z.string().min(1).optional(),
      coverWarning: CoverWarningSchema.optional(),
      incorporation: z.string().min(1).optional(),
      sponsors: SponsorsSchema.optional(),
      subject: z.string().min(1),
    })
    .optional(),
});

export type DocumentConfig = z.infer<typeof DocumentSchema>;
export type Stage = z.infer<typeof StageSchema>;
