import { describe, expect, it } from 'vitest';
import { readOperations } from '../../scripts/lib/pdf/content-stream.ts';
import { markContent } from '../../scripts/lib/pdf/page-marks.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const mark = (text: string) => {
  const { bytes: out, counts } = markContent(bytes(text));
  return { text: new TextDecoder('latin1').decode(out), counts };
};
const ops = (text: string) => readOperations(bytes(text)).map((o) => o.op);

const SPAN = '/Span<</ActualText <FEFF00AD> >> BDC';

describe('readOperations', () => {
  it('reads operands of every kind, strings with parentheses and escapes, and comments', () => {
    expect(ops('q 1 0 0 1 0 0 cm [(a\\)b) -20 (c(d)e)] TJ /P <</MCID 0 /X [1 2]>> BDC % note Tj\nEMC Q')).toEqual([
      'q',
      'cm',
      'TJ',
      'BDC',
      'EMC',
      'Q',
    ]);
  });

  it('takes an inline image, its data included, as one operation', () => {
    expect(ops('q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI(\xff EI Q')).toEqual(['q', 'BI', 'Q']);
  });

  it('refuses a stream that ends inside a string or with operands left over', () => {
    expect(() => readOperations(bytes('(open Tj'))).toThrow();
    expect(() => readOperations(bytes('1 0 0'))).toThrow();
  });
});

describe('markContent: soft hyphens', () => {
  const line = `/P <</MCID 0 >>BDC BT /F1 10 Tf 1 0 0 -1 0 0 Tm <0001> Tj\n${SPAN}\n5 0 Td <0003> Tj\nEMC\n0 0 Td <0002> Tj ET EMC`;

  it('removes an unbroken soft hyphen, its glyph and span, and keeps its positioning', () => {
    const { text, counts } = mark(line);
    expect(counts.softHyphens).toBe(1);
    expect(text).not.toContain('ActualText');
    expect(text).not.toContain('<0003>');
    expect(ops(text)).toEqual(['BDC', 'BT', 'Tf', 'Tm', 'Tj', 'Td', 'Td', 'Tj', 'ET', 'EMC']);
  });

  it('leaves a span whose glyph advance the next operation would use', () => {
    const kept = `/P <</MCID 0 >>BDC BT ${SPAN} 5 0 Td <0003> Tj EMC <0002> Tj ET EMC`;
    expect(mark(kept).counts.softHyphens).toBe(0);
    expect(mark(kept).text).toBe(kept);
  });

  it('leaves any other ActualText alone', () => {
    const other = '/P <</MCID 0 >>BDC BT /Span<</ActualText <FEFF0041> >> BDC 5 0 Td <0003> Tj EMC 0 0 Td ET EMC';
    expect(mark(other).text).toBe(other);
  });
});

describe('markContent: artifacts', () => {
  it('wraps text and painting outside marked content, typed by whether it shows text', () => {
    const { text, counts } = mark(
      'q 0 0 10 10 re f Q q 1 0 0 1 0 0 cm BT /F1 9 Tf <0001> Tj ET BT <0002> Tj ET Q /P <</MCID 0 >>BDC BT <0003> Tj ET EMC',
    );
    expect(counts.artifacts).toBe(2);
    expect(text).toBe(
      'q /Artifact <</Type /Layout>> BDC\n0 0 10 10 re f\nEMC Q q 1 0 0 1 0 0 cm /Artifact <</Type /Pagination>> BDC\n' +
        'BT /F1 9 Tf <0001> Tj ET BT <0002> Tj ET\nEMC Q /P <</MCID 0 >>BDC BT <0003> Tj ET EMC',
    );
  });

  it('never lets a wrapper cross q/Q, and leaves clipping paths and tagged content unwrapped', () => {
    const { text } = mark('q 0 0 5 5 re W n BT <01> Tj ET Q BT <02> Tj ET /Figure <</MCID 1>> BDC 0 0 1 1 re f EMC');
    expect(text).toBe(
      'q 0 0 5 5 re W n /Artifact <</Type /Pagination>> BDC\nBT <01> Tj ET\nEMC Q /Artifact <</Type /Pagination>> BDC\n' +
        'BT <02> Tj ET\nEMC /Figure <</MCID 1>> BDC 0 0 1 1 re f EMC',
    );
  });

  it('inside a text object that also holds marked content, wraps only the unmarked stretches', () => {
    const { text } = mark('BT /F1 9 Tf <01> Tj /P <</MCID 0>> BDC <02> Tj EMC 5 0 Td <03> Tj ET');
    expect(text).toBe(
      'BT /Artifact <</Type /Pagination>> BDC\n/F1 9 Tf <01> Tj\nEMC /P <</MCID 0>> BDC <02> Tj EMC ' +
        '/Artifact <</Type /Pagination>> BDC\n5 0 Td <03> Tj\nEMC ET',
    );
  });

  it('changes nothing the second time: the output is stable', () => {
    const once = mark(`q BT <01> Tj ET Q /P <</MCID 0 >>BDC BT ${SPAN} 5 0 Td <0003> Tj EMC 0 0 Td <02> Tj ET EMC`);
    const twice = mark(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.counts).toEqual({ softHyphens: 0, artifacts: 0 });
  });
});
