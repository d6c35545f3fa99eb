import type { Locale } from '../i18n/locale.ts';
import type { DocumentConfig, Stage } from '../schema/document.ts';
import { StageSchema } from '../schema/document.ts';

/** The configured stage, unless `PROSPECTUS_STAGE` overrides it for this build. */
export function effectiveStage(doc: DocumentConfig, env: Record<string, string | undefined> = process.env): Stage {
  const override = env['PROSPECTUS_STAGE'];
  if (!override) return doc.stage;
  const parsed = StageSchema.safeParse(override);
  if (!parsed.success) {
    throw new Error(`PROSPECTUS_STAGE="${override}" — expected one of ${StageSchema.options.join(', ')}`);
  }
  return parsed.data;
}

/**
 * The one rule for which copies withhold: the Application Proof's publication copy and the PHIP
 * are published on the Exchange's website with the offer withheld ([編纂] / [REDACTED]); the
 * vetting copy (seen by the Exchange only) and the final prospectus show everything. Redacted
 * wording, withheld sections, withheld dates and (the offer's) tainted values all ask this.
 */
export function stageWithholds(stage: Stage): boolean {
  return stage === 'publication' || stage === 'phip';
}

/** The stages a draft warning and the cover's boxed 警告 belong to: every copy but the prospectus. */
export function isDraftStage(stage: Stage): boolean {
  return stage !== 'final';
}

export function stageLabel(doc: DocumentConfig): string {
  return doc.stageLabel[effectiveStage(doc)] ?? doc.title;
}

/** The stage label of the English edition, when the document gives one. */
export function stageLabelEn(doc: DocumentConfig): string {
  return doc.en?.stageLabel[effectiveStage(doc)] ?? doc.en?.title ?? stageLabel(doc);
}

export function isDraft(doc: DocumentConfig): boolean {
  return isDraftStage(effectiveStage(doc));
}

/** The warning line at the top of every page of a draft, in the edition's words; undefined in the prospectus. */
export function draftWarningOf(doc: DocumentConfig, locale: Locale, stage = effectiveStage(doc)): string | undefined {
  if (!isDraftStage(stage)) return undefined;
  const zh = stage === 'phip' ? (doc.phipDraftWarning ?? doc.draftWarning) : doc.draftWarning;
  if (locale === 'zh' || !doc.en) return zh;
  return stage === 'phip' ? (doc.en.phipDraftWarning ?? doc.en.draftWarning) : doc.en.draftWarning;
}

export interface CoverWarning {
  title: string;
  paragraphs: string[];
}

/**
 * The boxed 警告 / WARNING of a draft's cover in the edition's words: the document's own
 * `coverWarning` (the PHIP's where it has one), else the warning line alone under the edition's
 * heading; undefined in the prospectus, whose cover names the offer instead.
 */
export function coverWarningOf(
  doc: DocumentConfig,
  locale: Locale,
  fallbackTitle: string,
  stage = effectiveStage(doc),
): CoverWarning | undefined {
  const line = draftWarningOf(doc, locale, stage);
  if (line === undefined) return undefined;
  const own = locale === 'en' ? doc.en?.coverWarning : doc.coverWarning;
  if (!own) return { title: fallbackTitle, paragraphs: [line] };
  return { title: own.title, paragraphs: stage === 'phip' ? (own.phip ?? own.applicationProof) : own.applicationProof };
}

/** Whether a build of `stage` leaves a `withheld: true` section out whole (its title and one [編纂] page stay). */
export function sectionWithheld(data: { withheld?: true | undefined }, stage: Stage): boolean {
  return data.withheld === true && stageWithholds(stage);
}

/**
 * The document's name on the cover: 申請版本 / Application Proof for both copies of the
 * Application Proof (`title`), and the stage's own name for the PHIP and the prospectus
 * (聆訊後資料集, 招股章程), so a later stage's cover never calls itself an Application Proof.
 */
export function coverTitleOf(doc: DocumentConfig, locale: Locale, stage = effectiveStage(doc)): string {
  const en = locale === 'en' ? doc.en : undefined;
  const title = en?.title ?? doc.title;
  if (stage === 'vetting' || stage === 'publication') return title;
  return (en ? en.stageLabel[stage] : doc.stageLabel[stage]) ?? title;
}
