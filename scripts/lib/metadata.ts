import { chapterTitles } from '../../src/lib/chapter-files.ts';
import type { DocumentConfig } from '../../src/lib/schema/document.ts';
import { stageLabel } from '../../src/lib/stage.ts';
import type { PdfMetadata } from './render-pdf.ts';

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
