import { describe, expect, it } from 'vitest';
import { csvText, parseCsv } from '../../src/lib/csv.ts';

describe('CSV', () => {
  it('writes RFC 4180 with a byte-order mark, as spreadsheet software expects', () => {
    expect(
      csvText([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
      ]),
    ).toBe('\uFEFFa,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('reads back every cell written: commas, quotes, line breaks, Chinese, empty cells', () => {
    const rows = [
      ['章節', '顯示文字', ''],
      ['行業概覽', '人民幣34,368億元', 'he said "yes"'],
      ['', 'first\r\nsecond', ','],
    ];
    expect(parseCsv(csvText(rows))).toEqual(rows);
  });
});
