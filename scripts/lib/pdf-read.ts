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

export async function pageTexts(doc: PdfDocument): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    page.cleanup();
  }
  return texts;
}
