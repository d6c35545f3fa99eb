import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF as the tests and the contents pass read it: outline with page numbers, text per page. */
export interface OutlineEntry {
  title: string;
  depth: number;
  /** 1-based physical page. */
  page: number;
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  // pdf.js detaches the buffer it is given; keep the caller's bytes intact.
  return getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 }).promise;
}

export async function readOutline(doc: PdfDocument): Promise<OutlineEntry[]> {
  const out: OutlineEntry[] = [];
  const walk = async (items: Awaited<ReturnType<PdfDocument['getOutline']>> | null, depth: number) => {
    for (const item of items ?? []) {
      let dest = item.dest;
      if (typeof dest === 'string') dest = await doc.getDestination(dest);
      const ref = Array.isArray(dest) ? dest[0] : undefined;
      const page =
        ref && typeof ref === 'object' ? (await doc.getPageIndex(ref)) + 1 : typeof ref === 'number' ? ref + 1 : 0;
      out.push({ title: item.title, depth, page });
      await walk(item.items, depth + 1);
    }
  };
  await walk(await doc.getOutline(), 1);
  return out;
}

/** The part of a pdf.js text item that the page text is made of. */
export interface TextItem {
  str: string;
  hasEOL: boolean;
}

/**
 * A page's text from its pdf.js items, a word that a soft hyphen broke at a line end joined up
 * again where the print still tells: in Chromium's own print, the hyphen drawn at the break
 * (`-` or U+2010) is a run of its own after the zero-width soft-hyphen span, right after the
 * letters, ending the line (or the page, where pdf.js marks no line end); a hyphen typed in the
 * text (`cloud-`) is part of its word's run, and stays. The finished PDF has no such spans
 * (page-marks.ts): there the break hyphen joins its word's run and stays, as in any reader.
 */
export function joinItems(items: readonly TextItem[]): string {
  let text = '';
  items.forEach((item, i) => {
    const lineEnd = item.hasEOL || i === items.length - 1;
    const softBreak = lineEnd && /^[-\u2010]$/u.test(item.str) && /\p{L}$/u.test(items[i - 1]?.str ?? '');
    if (!softBreak) text += item.str + (item.hasEOL ? '\n' : '');
  });
  return text;
}

export async function pageTexts(doc: PdfDocument): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    texts.push(joinItems(content.items.filter((item) => 'str' in item)));
    page.cleanup();
  }
  return texts;
}
