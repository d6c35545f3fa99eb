import type { DocumentConfig } from '../../src/lib/schema/document.ts';
import { stageLabel } from '../../src/lib/stage.ts';
import type { PdfMetadata } from './render-pdf.ts';

/** SOURCE_DATE_EPOCH pins every date the build writes, so a commit always builds the same PDF. */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

export function pdfMetadata(doc: DocumentConfig, date: Date): PdfMetadata {
  const company = doc.company ?? '〔發行人名稱待補〕';
  return {
    title: `${company} — ${stageLabel(doc)}`,
    author: company,
    subject: doc.subject,
    language: doc.language,
    keywords: [doc.title, stageLabel(doc), '行業概覽'],
    date,
  };
}
