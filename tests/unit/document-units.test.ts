import { describe, expect, it } from 'vitest';
import { mainPart, splitDocument, stubUnit, tailPart } from '../../scripts/lib/units/document-units.ts';

// A document page as DocumentPage.astro renders it, cut down by hand: head, page rules, cover and
// contents, a generated section with its own page rules before it, two chapters, scripts.
const PAGE = [
  '<html><head><link rel="stylesheet" href="/_astro/a.css"></head><body><header>site</header>',
  '<main id="main"><style>@page cover { }</style>',
  '<section class="cover"><p>cover</p></section><nav class="contents"><h1 id="contents-title">目錄</h1></nav>',
  '<style>@page terms-definitions { }</style>',
  '<article class="chapter terms-section print-chapter" id="definitions" data-page="terms-definitions"><h1>釋義</h1></article>',
  '<article class="chapter print-chapter" data-page="chapter-1" id="business"><h1>業務</h1><h2 id="overview">概覽</h2><p data-id="x">甲</p></article>',
  '<article class="chapter print-chapter" data-page="chapter-2" id="risk-factors"><h1>風險因素</h1><h2 id="competition">競爭</h2></article>',
  '</main><script type="module" src="/_astro/b.js"></script></body></html>',
].join('');

describe('splitDocument', () => {
  it('cuts the page at its print units and keeps what lies between them', () => {
    const doc = splitDocument(PAGE);
    expect(doc?.units.map((u) => u.id)).toEqual(['front', 'definitions', 'business', 'risk-factors']);
    expect(doc?.units[0]?.html).toBe(
      '<section class="cover"><p>cover</p></section><nav class="contents"><h1 id="contents-title">目錄</h1></nav>',
    );
    expect(
      doc?.units[2]?.html.startsWith('<article class="chapter print-chapter" data-page="chapter-1" id="business">'),
    ).toBe(true);
    expect(doc?.units[2]?.html.endsWith('</article>')).toBe(true);
    expect(doc?.between[0]).toBe('<style>@page terms-definitions { }</style>');
    // Put back together, the pieces are the page.
    const joined = [doc?.before, ...(doc?.units ?? []).flatMap((u, i) => [u.html, doc?.between[i]])].join('');
    expect(joined).toBe(PAGE);
  });

  it('keeps a section printed before the contents in the front unit', () => {
    const timetable =
      '<article class="chapter print-chapter print-front" data-page="chapter-expected-timetable" data-front="before-contents" id="expected-timetable"><h1>預期時間表</h1></article>';
    const page = PAGE.replace('<nav class="contents">', `${timetable}<nav class="contents">`);
    const doc = splitDocument(page);
    expect(doc?.units.map((u) => u.id)).toEqual(['front', 'definitions', 'business', 'risk-factors']);
    expect(doc?.units[0]?.html).toContain(timetable);
    const joined = [doc?.before, ...(doc?.units ?? []).flatMap((u, i) => [u.html, doc?.between[i]])].join('');
    expect(joined).toBe(page);
  });

  it('compares only what lies inside <main>', () => {
    const doc = splitDocument(PAGE);
    expect(mainPart(doc?.before ?? '')).toBe('<main id="main"><style>@page cover { }</style>');
    expect(tailPart(doc?.between.at(-1) ?? '')).toBe('');
  });

  it('finds nothing to cut in a page without units, or with an article inside an article', () => {
    expect(splitDocument('<html><body><main><p>no units</p></main></body></html>')).toBeUndefined();
    expect(
      splitDocument('<article class="print-chapter" id="a"><article class="print-chapter" id="b"></article></article>'),
    ).toBeUndefined();
  });
});

describe('stubUnit', () => {
  it('keeps the opening tag and an empty element for each id inside, nothing else', () => {
    const business = splitDocument(PAGE)?.units[2]?.html ?? '';
    expect(stubUnit(business)).toBe(
      '<article class="chapter print-chapter" data-page="chapter-1" id="business"><span id="overview"></span></article>',
    );
  });
});
