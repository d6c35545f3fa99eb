/**
 * A document page's HTML cut at its print units (print-units.ts): the front matter (cover, any
 * section printed before the contents, the contents) and each `article.print-chapter` after it, with what lies between them kept as it is. Two
 * renderings of one document — the published site's and `astro dev`'s — differ outside `<main>`
 * (stylesheets linked or inlined, scripts bundled or not) and nowhere inside it for an unchanged
 * unit, so comparing units says what a save changed.
 */

export interface DocumentUnits {
  /** Everything up to the first unit; its part inside `<main>` holds the page rules. */
  before: string;
  units: { id: string; html: string }[];
  /** What lies between unit k and unit k+1 (a generated section's page rules), then after the last. */
  between: string[];
}

const ARTICLE = /<article\b[^>]*\bclass="[^"]*\bprint-chapter\b[^"]*"[^>]*>/g;

export function splitDocument(html: string): DocumentUnits | undefined {
  const cover = html.indexOf('<section class="cover"');
  const contentsEnd = html.indexOf('</nav>', html.indexOf('<nav class="contents"'));
  const starts: { id: string; at: number }[] = [];
  if (cover >= 0 && contentsEnd >= 0) starts.push({ id: 'front', at: cover });
  for (const m of html.matchAll(ARTICLE)) {
    // A section printed before the contents is part of the front unit.
    if (cover >= 0 && contentsEnd >= 0 && m.index < contentsEnd) continue;
    const id = /(?<![\w-])id="([^"]+)"/.exec(m[0])?.[1];
    if (!id) return undefined;
    starts.push({ id, at: m.index });
  }
  if (starts.length === 0) return undefined;
  const units: DocumentUnits['units'] = [];
  const between: string[] = [];
  for (const [k, start] of starts.entries()) {
    const close = start.id === 'front' ? contentsEnd : closingArticle(html, start.at + 1);
    if (close < start.at) return undefined;
    const end = close + (start.id === 'front' ? '</nav>' : '</article>').length;
    units.push({ id: start.id, html: html.slice(start.at, end) });
    between.push(html.slice(end, starts[k + 1]?.at ?? html.length));
  }
  return { before: html.slice(0, starts[0]?.at ?? 0), units, between };
}

/** Where the article opened before `from` closes; articles do not nest in a document page. */
function closingArticle(html: string, from: number): number {
  const close = html.indexOf('</article>', from);
  const nested = html.indexOf('<article', from);
  return nested >= 0 && nested < close ? -1 : close;
}

/** The part of the page inside `<main>` before the first unit: the page rules and running heads. */
export function mainPart(before: string): string {
  const at = before.indexOf('<main');
  return at >= 0 ? before.slice(at) : before;
}

/** The part after the last unit up to `</main>`: nothing the site's build and `astro dev` render differently. */
export function tailPart(after: string): string {
  const at = after.indexOf('</main>');
  return at >= 0 ? after.slice(0, at) : after;
}

/**
 * A unit reduced to what other units need of it while one is printed: its opening tag and an
 * empty element for each id inside it, so links to it are still written (print-units.ts parks
 * every other unit anyway; this only spares loading and drawing them).
 */
export function stubUnit(html: string): string {
  const open = /^<[^>]*>/.exec(html)?.[0] ?? '';
  const tag = /^<([a-z]+)/.exec(open)?.[1] ?? 'div';
  const inner = html.slice(open.length);
  const ids = [...inner.matchAll(/(?<![\w-])id="([^"]+)"/g)].map((m) => m[1] as string);
  return `${open}${ids.map((id) => `<span id="${id}"></span>`).join('')}</${tag}>`;
}
