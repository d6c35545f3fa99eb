import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typedFigures } from '../../src/lib/check/typed-figures.ts';
import { loadRegistry } from '../../src/lib/data/load.ts';
import type { Term } from '../../src/lib/schema/term.ts';
import { findTerms } from '../../src/lib/terms/match.ts';
import { termsInOrder } from '../../src/lib/terms/order.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function term(id: string, zh: string, en: string, list: Term['list'] = 'definitions'): Term {
  return { id, list, zh, en, definition: { zh: '〔釋義〕', en: '[definition]' } };
}

describe('defined terms registry', () => {
  it('loads the sample registry with its file and line for every entry', () => {
    const { registry } = loadRegistry(ROOT);
    const cic = registry?.terms.get('cic');
    expect(cic?.value).toMatchObject({ zh: '灼識諮詢', en: 'CIC', list: 'definitions' });
    expect(cic?.file).toBe('data/terms.yaml');
    expect(cic?.line).toBeGreaterThan(0);
  });

  it('defines the terms the sample chapter relies on, with no figure in any definition', () => {
    const { registry } = loadRegistry(ROOT);
    const terms = [...(registry?.terms.values() ?? [])].map((t) => t.value);
    const byZh = new Map(terms.map((t) => [t.zh, t]));
    for (const zh of [
      '聯交所',
      '聯席保薦人',
      '董事',
      '中國',
      '灼識諮詢',
      '灼識諮詢報告',
      '上交所',
      '本文件',
      '香港',
      '美國',
    ])
      expect(byZh.get(zh)?.list, zh).toBe('definitions');
    for (const zh of ['邊緣雲', 'CDN', 'AIGC', 'DDoS', '公有雲']) expect(byZh.get(zh)?.list, zh).toBe('glossary');
    // A definition may name a date, a year or a chapter of the laws (2012年, Cap. 622); an amount,
    // a percentage or a count with its unit belongs in data/, bound where prose states it.
    const withFigures = terms.filter(
      (t) => typedFigures(t.definition.zh, 'zh').length > 0 || typedFigures(t.definition.en, 'en').length > 0,
    );
    expect(withFigures.map((t) => t.id)).toEqual([]);
  });
});

describe('print order of the generated sections', () => {
  const terms = [
    term('sse', '上交所', 'SSE'),
    term('stock-exchange', '聯交所', 'Stock Exchange'),
    term('this-document', '本文件', 'this document'),
    term('cic', '灼識諮詢', 'CIC'),
    term('cic-report', '灼識諮詢報告', 'CIC Report'),
    term('directors', '董事', 'Directors'),
    term('edge', '邊緣雲', 'edge cloud', 'glossary'),
  ];

  it('sorts English terms alphabetically, ignoring case and a leading "the"', () => {
    expect(termsInOrder(terms, 'definitions').map((t) => t.en)).toEqual([
      'CIC',
      'CIC Report',
      'Directors',
      'SSE',
      'Stock Exchange',
      'this document',
    ]);
  });

  it('gives the Chinese edition the English order of its terms, not an order of its own', () => {
    expect(termsInOrder(terms, 'definitions').map((t) => t.zh)).toEqual([
      '灼識諮詢',
      '灼識諮詢報告',
      '董事',
      '上交所',
      '聯交所',
      '本文件',
    ]);
  });

  it('keeps definitions and glossary apart', () => {
    expect(termsInOrder(terms, 'glossary').map((t) => t.id)).toEqual(['edge']);
  });
});

describe('finding terms in prose', () => {
  const terms = [
    term('cic', '灼識諮詢', 'CIC'),
    term('cic-report', '灼識諮詢報告', 'CIC Report'),
    term('ai', '人工智能', 'AI'),
  ];

  it('takes the longest form at a place', () => {
    expect(findTerms('灼識諮詢獨立編製灼識諮詢報告', terms, 'zh').map((m) => m.id)).toEqual(['cic', 'cic-report']);
    expect(findTerms('CIC prepared the CIC Report', terms, 'en').map((m) => m.form)).toEqual(['CIC', 'CIC Report']);
  });

  it('finds a Latin form only as a whole word', () => {
    expect(findTerms('AIGC and AI', terms, 'en').map((m) => m.index)).toEqual([9]);
  });
});

describe('a term’s full name', () => {
  it('is one use of that term, not uses of the terms inside it', () => {
    const prc: Term = { ...term('china', '中國', 'PRC'), aliases: { en: ['China'] } };
    const cic: Term = { ...term('cic', '灼識諮詢', 'CIC'), full: { en: 'China Insights Consultancy' } };
    expect(findTerms('China Insights Consultancy (“CIC”) and China', [prc, cic], 'en').map((m) => m.id)).toEqual([
      'cic',
      'cic',
      'china',
    ]);
  });
});

describe('an abbreviation in the plural', () => {
  it('is a use of the abbreviation, and no undefined term', () => {
    const cagr = term('cagr', '複合年增長率', 'CAGR', 'glossary');
    expect(findTerms('the CAGRs of both', [cagr], 'en')).toEqual([{ index: 4, length: 5, id: 'cagr', form: 'CAGR' }]);
    expect(findTerms('CAGRS', [cagr], 'en')).toEqual([]);
  });
});
