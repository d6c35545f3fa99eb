import { chapterTitles } from '../../src/lib/chapter-files.ts';
import type { DocumentConfig } from '../../src/lib/schema/document.ts';
import { stageLabel, stageLabelEn } from '../../src/lib/stage.ts';
import type { PdfMetadata } from './pdf-finish.ts';

/** The PDF's document properties, from document.yaml; the keywords name the chapters in `root`, in order. */
export function pdfMetadata(doc: DocumentConfig, date: Date, root: string): PdfMetadata {
  const company = doc.company ?? '〔發行人名稱待補〕';
  return {
    title: `${company} — ${stageLabel(doc)}`,
    author: company,
    subject: doc.subject,
    language: doc.language,
    keywords: [doc.title, stageLabel(doc), ...chapterTitles(root)],
    date,
  };
}

/** The English edition's PDF: its own title, subject and `/Lang en`. */
export function pdfMetadataEn(doc: DocumentConfig, date: Date): PdfMetadata {
  const company = doc.company ?? '[Name of the issuer to be supplied]';
  return {
    title: `${company} — ${stageLabelEn(doc)}`,
    author: company,
    subject: doc.en?.subject ?? doc.subject,
    language: 'en',
    keywords: [doc.en?.title ?? doc.title, stageLabelEn(doc), 'Industry Overview'],
    date,
  };
}
