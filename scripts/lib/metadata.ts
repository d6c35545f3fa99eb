import type { DocumentConfig } from '../../src/lib/schema/document.ts';
import { stageLabel } from '../../src/lib/stage.ts';
import type { PdfMetadata } from './pdf-finish.ts';

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
