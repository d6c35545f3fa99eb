import type { DocumentConfig, Stage } from './schema/document.ts';
import { StageSchema } from './schema/document.ts';

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

export function stageLabel(doc: DocumentConfig): string {
  return doc.stageLabel[effectiveStage(doc)] ?? doc.title;
}

/** The stage label of the English edition, when the document gives one. */
export function stageLabelEn(doc: DocumentConfig): string {
  return doc.en?.stageLabel[effectiveStage(doc)] ?? doc.en?.title ?? stageLabel(doc);
}

export function isDraft(doc: DocumentConfig): boolean {
  return effectiveStage(doc) !== 'final';
}
