import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEscapes, findTerms, fold, pdfTextRuns, textOfMarkup } from '../../scripts/lib/leak/leak-match.ts';
import { scanForLeaks } from '../../scripts/lib/leak/leak-scan.ts';

const PARTIES = '聯席全球協調人、聯席賬簿管理人、聯席牽頭經辦人及包銷商';
const OFFERING = '全球發售';
const TERMS = [OFFERING, PARTIES];

describe('fold', () => {
  it('removes every kind of whitespace, soft hyphens and zero-width characters', () => {
    expect(fold('全球 發\n售\t全\u3000球\u00a0發\r\n售')).toBe('全球發售全球發售');
    expect(fold('Glo\u00adbal Off\u200bering\ufeff')).toBe('globaloffering');
  });
  it('NFKC-normalises full-width and compatibility forms', () => {
    expect(fold('ＧＬＯＢＡＬ　ＯＦＦＥＲＩＮＧ')).toBe('globaloffering');
    expect(fold('\u2f00')).toBe('一'); // KANGXI RADICAL ONE
  });
});

describe('findTerms', () => {
  it('finds a term broken by line breaks anywhere, as PDF text extractors give it', () => {
    const text =
      '來自官方政府來源的資料並無經我們、聯席保薦人、聯席全球協調人、聯席賬簿\n管理人、聯席牽頭經辦人及包銷\n商、彼等各自';
    expect(text.includes(PARTIES)).toBe(false);
    expect(findTerms([text], TERMS)).toEqual([PARTIES]);
  });
  it('finds a term split by a soft hyphen', () => {
    expect(findTerms(['參與全球\u00ad發售的任何其他人士'], TERMS)).toEqual([OFFERING]);
  });
  it('reports each term found, once, in the order given', () => {
    const text = `${PARTIES}及${OFFERING}；再次${OFFERING}`;
    expect(findTerms([text, text], TERMS)).toEqual(TERMS);
    expect(findTerms(['[編纂]的任何其他人士'], TERMS)).toEqual([]);
  });
  it('does not match a term that is only partly there', () => {
    expect(findTerms(['全球發展及發售'], TERMS)).toEqual([]);
  });
});

describe('markup and escapes', () => {
  it('reads a term split by inline markup as the term', () => {
    const html = '<p>聯席全球協調人、<strong>聯席賬簿管理人</strong>、聯席牽頭經辦人<!-- x -->及<em>包銷商</em></p>';
    expect(findTerms([html], TERMS)).toEqual([]);
    expect(textOfMarkup(html)).toContain(PARTIES);
    expect(findTerms([textOfMarkup(html)], TERMS)).toEqual([PARTIES]);
  });
  it('decodes character references, script and stylesheet escapes', () => {
    expect(decodeEscapes('&#20840;&#x7403;&#x767C;&#21806;')).toBe(OFFERING);
    expect(decodeEscapes('\\u5168\\u7403\\u{767c}\\u552e')).toBe(OFFERING);
    expect(decodeEscapes('content: "\\5168 \\7403\\767C\\552E"')).toBe(`content: "${OFFERING}"`);
    expect(decodeEscapes('全球&shy;發售 &amp; &bogus;')).toBe('全球\u00ad發售 & &bogus;');
  });
});

describe('pdfTextRuns', () => {
  // Page texts as pdf.js gives them for this project's PDF: the draft warning, running head and
  // folio come first, in content order; then the body.
  const warning = '本申請版本為草擬本，其所載資料並不完整。';
  const page = (folio: number, body: string) => `${warning}\n行業概覽\n– ${folio} –\n${body}`;

  it('reads a term that runs on from one page to the next, across the next page’s furniture', () => {
    const pages = [
      page(8, '邊緣雲服務行業的主要趨勢。'),
      page(9, '資料並無經我們、聯席全球協調人、聯\n席賬簿'),
      page(10, '管理人、聯席牽頭經辦人及包銷商、彼等各自的任何董事'),
      page(11, '邊緣雲服務行業的主要進入壁壘'),
    ];
    expect(findTerms([pages.join('\n')], TERMS)).toEqual([]);
    expect(findTerms(pdfTextRuns(pages), TERMS)).toEqual([PARTIES]);
  });

  it('with the folio at the foot of the page, as pdftotext reads it, after a contents page without one', () => {
    const foot = (folio: number, body: string) => `${warning}\n行業概覽\n${body}\n\n– ${folio} –\n\n`;
    const pages = [
      `${warning}\n目錄\n行業概覽 1\n董事確認 2`,
      foot(1, '本節及本文件其他章節。參與全球'),
      foot(2, '發售的任何其他人士'),
      foot(3, '灼識諮詢報告'),
    ];
    expect(findTerms([pages.join('\f')], TERMS)).toEqual([]);
    expect(findTerms(pdfTextRuns(pages), TERMS)).toEqual([OFFERING]);
  });

  it('across a page that is all one term, to the page after it', () => {
    const pages = [
      page(1, '資料並無經我們、聯席全球'),
      page(2, '協調人、聯席賬簿管'),
      page(3, '理人、聯席牽頭經辦人及包銷商'),
    ];
    expect(findTerms(pdfTextRuns(pages), TERMS)).toEqual([PARTIES]);
  });

  it('when the next page starts with the same words as the page before: whole lines tell the furniture', () => {
    // By characters, 發 looks like furniture: both pages' text starts with it.
    const pages = [page(1, '發展迅速。參與全球'), page(2, '發售的人士')];
    expect(findTerms(pdfTextRuns(pages), TERMS)).toEqual([OFFERING]);
  });

  it('when the text comes without line breaks: characters tell the furniture', () => {
    const flat = (folio: number, body: string) => `${warning}行業概覽– ${folio} –${body}`;
    const pages = [flat(1, '本節參與全球'), flat(2, '發售的人士')];
    expect(findTerms(pdfTextRuns(pages), TERMS)).toEqual([OFFERING]);
  });

  it('leaves furniture out only between pages: a single page is read as it is', () => {
    expect(pdfTextRuns([`${warning}全球\n發售`])).toEqual(Array(4).fill(fold(`${warning}全球發售`)));
  });

  it('reads a word broken at a line end with a visible hyphen, as readers join it', () => {
    const runs = pdfTextRuns(['the Of-\nfer Price is', 'unrelated']);
    expect(findTerms(runs, ['Offer Price'])).toEqual(['Offer Price']);
    expect(findTerms(pdfTextRuns(['the Of-\n2 fer Price']), ['Offer Price'])).toEqual([]);
  });
});

describe('scanForLeaks on emitted files', () => {
  it('reports each term per file and layer: markup-split HTML, escaped script, compressed index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leak-'));
    mkdirSync(join(dir, 'chapters'));
    writeFileSync(
      join(dir, 'chapters', 'index.html'),
      '<p>並無經聯席全球協調人、<strong>聯席賬簿管理人</strong>、\n聯席牽頭經辦人及包銷商核實</p><p>[編纂]</p>',
    );
    writeFileSync(join(dir, 'app.js'), 'const t="\\u5168\\u7403\\u767c\\u552e";');
    writeFileSync(join(dir, 'index.pf_fragment'), gzipSync(Buffer.from(`{"content":"參與全球 發售"}`)));
    writeFileSync(join(dir, 'clean.html'), '<p>參與[編纂]的任何其他人士</p>');
    const leaks = await scanForLeaks(dir, TERMS);
    expect(leaks).toHaveLength(3);
    expect(leaks).toContainEqual({ file: join('chapters', 'index.html'), where: 'bytes', term: PARTIES });
    expect(leaks).toContainEqual({ file: 'app.js', where: 'bytes', term: OFFERING });
    expect(leaks).toContainEqual({ file: 'index.pf_fragment', where: 'decompressed', term: OFFERING });
  });
});
