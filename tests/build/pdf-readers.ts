import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { run } from './read.ts';

/**
 * A PDF read as other tools read it, not as the build does: three independent text extractors
 * (poppler, pdf.js, MuPDF) with nothing joined or stripped, and the marked content each page
 * draws its text and graphics in (pdf.js operator lists and text content).
 */

/** Page texts (index 0 = page 1) exactly as each reader gives them. */
export type Reader = (pdf: string) => Promise<string[]>;

const splitPages = (text: string) => {
  const pages = text.split('\f');
  if ((pages.at(-1) ?? '').trim() === '') pages.pop();
  return pages;
};

export const READERS: Record<string, Reader> = {
  /** `pdftotext` as a user runs it: reading order, its own line ends. */
  poppler: async (pdf) => splitPages(run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])),
  /** MuPDF's text device. */
  mupdf: async (pdf) => splitPages(run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', pdf])),
  /** pdf.js, as browsers' viewers search and copy: every item's text, a line end where it says. */
  pdfjs: async (pdf) => {
    const doc = await open(pdf);
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const { items } = await page.getTextContent();
      pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    return pages;
  },
};

async function open(pdf: string) {
  return getDocument({ data: new Uint8Array(readFileSync(pdf)), useSystemFonts: false, verbosity: 0 }).promise;
}

/** Invisible characters that split a word for search and copy: soft hyphen, zero-width and joiner characters, BOM. */
export const INVISIBLE = /(?:[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]|\u034f)/u;

/** Words broken at a line end joined again, as readers join them: the hyphen and the line end go. */
export function joinLineEndHyphens(text: string): string {
  return text.replace(/(\p{L})[-\u2010][ \t]*\n\s*(?=\p{L})/gu, '$1');
}

/** How each page of a PDF draws: text inside and outside marked content, by marked-content tag. */
export interface PageMarks {
  /** Text drawn outside any marked content, one entry per text item. */
  unmarked: string[];
  /** Text inside an /Artifact sequence. */
  artifact: string[];
  /** Text inside other marked content (the tagged document). */
  tagged: string[];
  /** Painting operators (text, paths, images, shadings, forms) drawn outside any marked content. */
  unmarkedOps: string[];
}

const PAINT = new Map<number, string>(
  (
    [
      'showText',
      'showSpacedText',
      'nextLineShowText',
      'nextLineSetSpacingShowText',
      'stroke',
      'closeStroke',
      'fill',
      'eoFill',
      'fillStroke',
      'eoFillStroke',
      'closeFillStroke',
      'closeEOFillStroke',
      'rawFillPath',
      'shadingFill',
      'paintXObject',
      'paintFormXObjectBegin',
      'paintImageMaskXObject',
      'paintImageMaskXObjectGroup',
      'paintImageXObject',
      'paintInlineImageXObject',
      'paintInlineImageXObjectGroup',
      'paintImageXObjectRepeat',
      'paintImageMaskXObjectRepeat',
      'paintSolidColorImageMask',
    ] as const
  ).map((name) => [OPS[name], name]),
);

export async function pageMarks(pdf: string): Promise<PageMarks[]> {
  const doc = await open(pdf);
  const out: PageMarks[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const marks: PageMarks = { unmarked: [], artifact: [], tagged: [], unmarkedOps: [] };
    const open: string[] = [];
    const { items } = await page.getTextContent({ includeMarkedContent: true });
    for (const item of items) {
      if ('type' in item) {
        // pdf.js gives the tag at run time; its types leave it out.
        const { tag } = item as { tag?: string };
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(tag ?? '');
        else if (item.type === 'endMarkedContent') open.pop();
        continue;
      }
      if (item.str.trim() === '') continue;
      if (open.length === 0) marks.unmarked.push(item.str);
      else if (open.includes('Artifact')) marks.artifact.push(item.str);
      else marks.tagged.push(item.str);
    }
    const list = await page.getOperatorList();
    let depth = 0;
    list.fnArray.forEach((fn, k) => {
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) depth++;
      else if (fn === OPS.endMarkedContent) depth--;
      else if (depth === 0) {
        // A path is built and painted in one constructPath, its painting operator first.
        const paint = fn === OPS.constructPath ? (list.argsArray[k] as unknown[])[0] : fn;
        const name = typeof paint === 'number' ? PAINT.get(paint) : undefined;
        if (name) marks.unmarkedOps.push(name);
      }
    });
    out.push(marks);
    page.cleanup();
  }
  return out;
}
