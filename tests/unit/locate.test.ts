import { describe, expect, it } from 'vitest';
import { locatePages } from '../../scripts/lib/schedule/locate.ts';

const pages = [
  '行業概覽 第一段提到19.5%的增長。',
  '行業概覽 圖一標題 1,376.9 第二段又提到19.5%。 – 2 –',
  '第三段 26.1%',
];

describe('locating figures in the PDF text', () => {
  it('finds repeated values on the right page by walking in order', () => {
    const result = locatePages(pages, [
      { anchor: '第一段提到19.5%', fallback: '19.5%', sticky: false },
      { anchor: '圖一標題', fallback: '圖一標題', sticky: true },
      { anchor: '圖一標題', fallback: '圖一標題', sticky: true },
      { anchor: '第二段又提到19.5%', fallback: '19.5%', sticky: false },
      { anchor: '第三段 26.1%', fallback: '26.1%', sticky: false },
    ]);
    expect(result).toEqual([1, 2, 2, 2, 3]);
  });
  it('places a figure the text layer reads before an ordered list that precedes it in the document', () => {
    // pdf.js reads a page's list items after the paragraphs below them.
    const text = ['附註：控股股東約60.0%的投票權。(1)按850,000,000股計算。', '第二頁 另一段60.0%'];
    const result = locatePages(text, [
      { anchor: '(1)按850,000,000股', fallback: '850,000,000股', sticky: false },
      { anchor: '控股股東約60.0%', fallback: '約60.0%', sticky: false, figure: '60.0%' },
      { anchor: '另一段60.0%', fallback: '60.0%', sticky: false },
    ]);
    expect(result).toEqual([1, 1, 2]);
  });
  it('places consecutive figures of one sentence, whose anchors overlap', () => {
    const text = ['分別達到人民幣4,926億元、人民幣4,846億元及人民幣4,872億元。'];
    const result = locatePages(text, [
      { anchor: '分別達到人民幣4,926億元', fallback: '4,926億元', sticky: false },
      { anchor: '達到人民幣4,926億元、人民幣4,846億元', fallback: '4,846億元', sticky: false },
      { anchor: '4,926億元、人民幣4,846億元及人民幣4,872億元', fallback: '4,872億元', sticky: false },
    ]);
    expect(result).toEqual([1, 1, 1]);
  });
  it('finds a figure that opens a page, whose anchors the folio and running head split from it', () => {
    const text = [
      'The market size increased from RMB1,376.9 billion in 2018 to – 3 –',
      'This Application Proof is in draft form. INDUSTRY OVERVIEW RMB3,436.8 billion in 2022',
    ];
    const items = [
      { anchor: 'increased from RMB1,376.9 billion', fallback: 'om RMB1,376.9 billion', sticky: false },
      { anchor: 'in 2018 to RMB3,436.8 billion', fallback: 'o RMB3,436.8 billion', sticky: false },
    ];
    expect(locatePages(text, items), 'without the figure itself').toEqual([1, undefined]);
    expect(
      locatePages(
        text,
        [
          { ...items[0], figure: 'RMB1,376.9 billion' },
          { ...items[1], figure: 'RMB3,436.8 billion' },
        ].map(({ anchor = '', fallback = '', figure }) => ({ anchor, fallback, sticky: false, figure })),
      ),
    ).toEqual([1, 2]);
  });
  it('falls back to the short anchor when a page break splits the long one', () => {
    const split = ['甲乙丙丁戊己', '行業概覽 庚辛 42.0%'];
    expect(locatePages(split, [{ anchor: '己庚辛42.0%', fallback: '42.0%', sticky: false }])).toEqual([2]);
  });
  it('finds an English anchor that carries soft hyphens in the PDF text read without them', () => {
    // The anchor is the page's text, hyphenated; the short fallback would land on page 1.
    const pages = ['a CAGR of 19.5% from 2018', 'to 2027, which exceeds the CAGR of 19.5% of the United States'];
    const anchor = 'whichex\u00adceedstheCAGRof19.5%';
    expect(locatePages(pages, [{ anchor, fallback: '19.5%', sticky: false }])).toEqual([2]);
  });
  it('finds an anchor a page break splits before the same words further on', () => {
    // The break falls inside the first anchor; the same phrase stands whole on the page after.
    const text = [
      '全球邊緣雲服務行業的2022年至2027年的複合年增長率為 – 41 –',
      '本申請版本為草擬本 行業概覽 – 42 – 30.1%，比同期中心雲服務行業17.8%的增長更快。',
      '行業概覽 – 43 – 另一段：2022年至2027年的複合年增長率為30.1%。',
    ];
    const rate = '2022年至2027年的複合年增長率為30.1%';
    const result = locatePages(text, [
      { anchor: rate, fallback: '增長率為30.1%', sticky: false, figure: '30.1%' },
      { anchor: '為30.1%，比同期中心雲服務行業17.8%', fallback: '服務行業17.8%', sticky: false, figure: '17.8%' },
      { anchor: `另一段：${rate}`, fallback: '增長率為30.1%', sticky: false, figure: '30.1%' },
    ]);
    expect(result).toEqual([2, 2, 3]);
  });
  it('reports a figure it cannot find instead of guessing', () => {
    expect(locatePages(['無此數'], [{ anchor: '99.9%', fallback: '99.9%', sticky: false }])).toEqual([undefined]);
  });

  it('finds English figures whose words pdftotext rejoined at a hyphenated line end', () => {
    // The page holds "cost-effectiveness" with a soft hyphen the build inserted; pdftotext reads
    // the printed line break back as one word without its hyphen.
    const english = [
      'offer significant advantages in scalability and costeffectiveness of RMB1,376.9\nbillion – 1 –',
      'INDUSTRY OVERVIEW the market grew to RMB3,436.8 bil-\nlion in 2022',
    ];
    const result = locatePages(english, [
      {
        anchor: 'scalabilityandcost-effec\u00ADtivenessofRMB1,376.9 billion',
        fallback: 'RMB1,376.9 billion',
        sticky: false,
      },
      { anchor: 'marketgrewtoRMB3,436.8 billion', fallback: 'RMB3,436.8 billion', sticky: false },
    ]);
    expect(result).toEqual([1, 2]);
  });
  it('falls back when the running head of the next page interrupts an English anchor', () => {
    const english = ['representing a – 1 –', 'INDUSTRY OVERVIEW CAGR of 19.5% from 2022'];
    expect(
      locatePages(english, [{ anchor: 'representingaCAGRof19.5%', fallback: 'CAGRof19.5%', sticky: false }]),
    ).toEqual([2]);
  });
});
