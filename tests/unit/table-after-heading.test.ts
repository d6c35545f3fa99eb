import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { PRECEDING_HEADING_PROP, rehypeTableAfterHeading } from '../../src/lib/markdown/table-after-heading.ts';
import { captionRepeatsHeading } from '../../src/lib/render/caption.ts';

/** The props each `<DataTable>` of an MDX chapter is rendered with, as the compiled module passes them. */
async function tableProps(mdx: string): Promise<Record<string, string>[]> {
  const code = String(await compile(mdx, { rehypePlugins: [rehypeTableAfterHeading], jsx: true }));
  return [...code.matchAll(/<DataTable ([^>]*?)\/>/g)].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1] ?? '', a[2] ?? ''])),
  );
}

describe('a table set directly under a heading', () => {
  it("gets the heading's words; a table after a paragraph or under a list gets nothing", async () => {
    const props = await tableProps(
      [
        '## 主要財務資料概要',
        '',
        '### 綜合損益表概要',
        '',
        '<DataTable dataset="accounts-summary-income" />',
        '',
        '下表載列收入。',
        '',
        '<DataTable dataset="accounts-revenue-segment" />',
        '',
        '### Summary of **cash** flows',
        '',
        '<DataTable dataset="accounts-summary-cashflow" />',
      ].join('\n'),
    );
    expect(props).toEqual([
      { dataset: 'accounts-summary-income', [PRECEDING_HEADING_PROP]: '綜合損益表概要' },
      { dataset: 'accounts-revenue-segment' },
      { dataset: 'accounts-summary-cashflow', [PRECEDING_HEADING_PROP]: 'Summary of cash flows' },
    ]);
  });
});

describe('a caption that repeats the heading', () => {
  it('is the same words, whatever their capitals, spaces, soft hyphens or {#id}', () => {
    expect(captionRepeatsHeading('綜合財務狀況表', '綜合財務狀況表')).toBe(true);
    expect(captionRepeatsHeading('Authorised and issued share capital', 'AUTHORISED AND ISSUED SHARE CAPITAL')).toBe(
      true,
    );
    expect(
      captionRepeatsHeading(
        'Consolidated statements of cash flows',
        'Consoli\u00ADdated  statements of cash flows {#cash}',
      ),
    ).toBe(true);
  });

  it('is not a caption that says more, nor one with no heading above it', () => {
    expect(captionRepeatsHeading('本公司的法定及已發行股本', '法定及已發行股本')).toBe(false);
    expect(captionRepeatsHeading('融資成本', '7 融資成本')).toBe(false);
    expect(captionRepeatsHeading('綜合損益表概要', undefined)).toBe(false);
  });
});
