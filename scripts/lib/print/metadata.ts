import { chapterTitles, EN_CHAPTERS_DIR } from '../../../src/lib/document/chapter-files.ts';
import { chapterTitle } from '../../../src/lib/document/chapter-title.ts';
import { stageLabel, stageLabelEn } from '../../../src/lib/document/stage.ts';
import { titleTerms } from '../../../src/lib/document/titles.ts';
import type { Locale } from '../../../src/lib/i18n/locale.ts';
import { project } from '../../../src/lib/project.ts';
import type { ChapterFrontmatter } from '../../../src/lib/schema/chapter.ts';
import type { DocumentConfig } from '../../../src/lib/schema/document.ts';
import type { PdfMetadata } from '../pdf/pdf-finish.ts';

/** The PDF's document properties, from document.yaml; the keywords name the chapters in `root`, in order. */
export function pdfMetadata(doc: DocumentConfig, date: Date, root: string): PdfMetadata {
  const company = doc.company ?? '〔發行人名稱待補〕';
  return {
    title: `${company} — ${stageLabel(doc)}`,
    author: company,
    subject: doc.subject,
    language: doc.language,
    keywords: [doc.title, stageLabel(doc), ...chapterTitles(root, (data) => titleIn(root, data, 'zh'))],
    date,
  };
}

/** The English edition's PDF: its own title, subject and `/Lang en`; the keywords name its chapters in `root`, in order. */
export function pdfMetadataEn(doc: DocumentConfig, date: Date, root: string): PdfMetadata {
  const company = doc.en?.company ?? doc.company ?? '[Name of the issuer to be supplied]';
  return {
    title: `${company} — ${stageLabelEn(doc)}`,
    author: company,
    subject: doc.en?.subject ?? doc.subject,
    language: 'en',
    keywords: [
      doc.en?.title ?? doc.title,
      stageLabelEn(doc),
      ...chapterTitles(root, (data) => titleIn(root, data, 'en'), EN_CHAPTERS_DIR),
    ],
    date,
  };
}

/** A keyword is the title as the build's stage shows it: a title naming withheld wording is resolved. */
function titleIn(root: string, data: ChapterFrontmatter, locale: Locale): string {
  return titleTerms(data.title).length > 0 ? chapterTitle(data, project(root).registry, locale) : data.title;
}
