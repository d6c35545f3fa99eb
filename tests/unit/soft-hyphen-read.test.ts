import { describe, expect, it } from 'vitest';
import { findTerms, pdfTextRuns } from '../../scripts/lib/leak/leak-match.ts';
import { joinItems } from '../../scripts/lib/pdf/pdf-read.ts';
import { joinSoftHyphens } from '../../scripts/lib/print/pdf-text.ts';

// The inputs are what the two readers return for a Chromium print of hyphenated English: each
// soft hyphen kept as U+00AD (pdftotext -raw ends a line after it), and at a line end the
// drawn hyphen, `-` or U+2010, on a line of its own (pdftotext) or as an item of its own (pdf.js).

describe('joinSoftHyphens (pdftotext)', () => {
  it('joins a word broken at a line end by a soft hyphen, whichever hyphen was drawn', () => {
    expect(joinSoftHyphens('by 2027, rep\u00ad\nres\u00ad\nent\u00ad\n-\ning a CAGR')).toBe(
      'by 2027, representing a CAGR',
    );
    expect(joinSoftHyphens('ab infra\u00ad\n\u2010\nstructure zz')).toBe('ab infrastructure zz');
  });

  it('joins a word that pdftotext -layout prints with the soft hyphen and the drawn one together', () => {
    expect(joinSoftHyphens('China In\u00adsights Con\u00adsultancy, commis\u00ad-\nsioned by us')).toBe(
      'China Insights Consultancy, commissioned by us',
    );
  });

  it('leaves a word broken at the foot of a page broken, and the lines after it where they were', () => {
    expect(joinSoftHyphens('the complexity of computing scen\u00ad-\n\n\n   – 9 –\n')).toBe(
      'the complexity of computing scen\n\n\n   – 9 –\n',
    );
    expect(joinSoftHyphens('of computing scen\u00ad\n-\nNetwork services Edge security\n')).toBe(
      'of computing scen\nNetwork services Edge security\n',
    );
  });

  it('takes out soft hyphens where the line did not break', () => {
    expect(joinSoftHyphens('cloud ser\u00ad\nvices mar\u00ad\nket\nglob\u00adally')).toBe(
      'cloud services market\nglobally',
    );
  });

  it('keeps a typed hyphen at a line end, and the line break after it', () => {
    expect(joinSoftHyphens('ab cloud-\nedge zz')).toBe('ab cloud-\nedge zz');
    expect(joinSoftHyphens('real-time, cost-\neffective')).toBe('real-time, cost-\neffective');
  });
});

describe('joinItems (pdf.js)', () => {
  const item = (str: string, hasEOL = false) => ({ str, hasEOL });

  it('joins a word whose line ended at a soft hyphen: the drawn hyphen is an item of its own', () => {
    expect(joinItems([item('rapidly to 2027, represent'), item('-', true), item('ing a CAGR')])).toBe(
      'rapidly to 2027, representing a CAGR',
    );
    expect(joinItems([item('ab infra'), item('\u2010', true), item('structure zz', true)])).toBe(
      'ab infrastructure zz\n',
    );
  });

  it('joins nothing at a page end, where pdf.js marks no line end, but drops the drawn hyphen', () => {
    expect(joinItems([item('given the complexity of computing scen'), item('-')])).toBe(
      'given the complexity of computing scen',
    );
  });

  it('keeps a typed hyphen, which ends its own word’s item, and a dash standing alone', () => {
    expect(joinItems([item('ab cloud-', true), item('edgeedge zz')])).toBe('ab cloud-\nedgeedge zz');
    expect(joinItems([item('2018 '), item('-', true), item('2022')])).toBe('2018 -\n2022');
  });
});

describe('the leak scan over hyphenated English', () => {
  const term = 'Global Offering';
  it('finds a withheld term that a soft hyphen broke at a line end, as the build reads the page', () => {
    const page = 'in connection with the Global Of\u00ad\n-\nfering, and no rep\u00ad\nresentation';
    expect(findTerms(pdfTextRuns([joinSoftHyphens(page)]), [term])).toEqual([term]);
    // Folding alone drops the soft hyphen but not the hyphen drawn at the break.
    expect(findTerms(pdfTextRuns([page]), [term])).toEqual([]);
  });
  it('finds it as pdf.js reads the page', () => {
    const items = [
      { str: 'in connection with the Global Of', hasEOL: false },
      { str: '-', hasEOL: true },
      { str: 'fering', hasEOL: false },
    ];
    expect(findTerms(pdfTextRuns([joinItems(items)]), [term])).toEqual([term]);
  });
});
