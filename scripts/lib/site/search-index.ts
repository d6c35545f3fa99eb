import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The page as search should read it: the English edition's soft hyphens (hyphenate.ts) taken
 * out, as the raw character or as a reference. Pagefind would index a hyphenated word with its
 * soft hyphens and never find it by the word typed into the search box.
 */
export function withoutSoftHyphens(html: string): string {
  return html.replace(/\u00ad|&shy;|&#173;|&#x0*ad;/giu, '');
}

/**
 * Builds the Pagefind index over the built chapters (pages marked data-pagefind-body). Pagefind's
 * extended binary segments Chinese; the language comes from <html lang>, and Pagefind writes one
 * index per language, loading the one of the page that searches: each edition's search page finds
 * that edition's chapters only. The index and its UI are written into the site, so search needs
 * no network.
 */
export async function buildSearchIndex(
  siteDir: string,
): Promise<{ pages: number; languages: { lang: string; pages: number }[] }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const files = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
    for (const file of files) {
      const path = relative(siteDir, join(siteDir, file)).split(sep).join('/');
      const url = `/${path.replace(/(^|\/)index\.html$/u, '$1')}`;
      const content = withoutSoftHyphens(await readFile(join(siteDir, file), 'utf8'));
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length) throw new Error(`Pagefind: ${path}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return { pages: files.length, languages: await indexedLanguages(siteDir) };
  } finally {
    await pagefind.close();
  }
}

/** The pages indexed per language, as Pagefind's own entry file records them. */
async function indexedLanguages(siteDir: string): Promise<{ lang: string; pages: number }[]> {
  const entry = JSON.parse(await readFile(`${siteDir}/pagefind/pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.entries(entry.languages).map(([lang, l]) => ({ lang, pages: l.page_count }));
}
