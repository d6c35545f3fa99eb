import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';

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
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count, languages: await indexedLanguages(siteDir) };
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
