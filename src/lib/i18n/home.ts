import type { Located } from '../data/registry.ts';
import type { Claim } from '../schema/claim.ts';
import type { TieOutSummary } from '../tieout/tieout-summary.ts';
import { tieOutSentence, tieOutSentenceEn } from '../tieout/tieout-summary.ts';
import { MissingEnglishError } from './labels.ts';
import type { Locale } from './locale.ts';

/** The home page's and the search page's own words, per edition. */
export interface HomeText {
  /** The page title: document title — issuer. */
  pageTitle(title: string, company: string): string;
  downloadPdf: string;
  /** Around `npm run build`: the PDF comes with a full build. */
  noPdf: readonly [string, string];
  readAll: string;
  contents: string;
  missing(count: number): string;
  /** Between a missing item's title and its reason. */
  missingSep: string;
  /** Around the item's `file:line`. */
  missingWhere: readonly [string, string];
  tieOut: string;
  tieOutSentence(s: TieOutSummary): string;
  statedOnlyIntro: string;
  statedOnlySep: string;
  /** The pointer to the verification schedule; `withPdf` adds the PDF pages. */
  scheduleBefore(withPdf: boolean): string;
  scheduleLink: string;
  scheduleAfter: string;
  search: {
    title: string;
    label: string;
    button: string;
    example(titles: readonly string[]): string;
    noScript: string;
  };
}

export const HOME: Record<Locale, HomeText> = {
  zh: {
    pageTitle: (title, company) => `${title} — ${company}`,
    downloadPdf: '下載PDF（A4）',
    noPdf: ['PDF於完整建置（', '）時產生'],
    readAll: '閱讀全文',
    contents: '目錄',
    missing: (count) => `待補資料（${count}項）`,
    missingSep: '：',
    missingWhere: ['（', '）'],
    tieOut: '數字核對',
    tieOutSentence,
    statedOnlyIntro: '僅為明載的陳述及未能重新計算的原因：',
    statedOnlySep: '：',
    scheduleBefore: (withPdf) =>
      `每項陳述的所述數字、計算結果及輸入數字，以及每個數字的來源${withPdf ? '及PDF頁碼' : ''}，見`,
    scheduleLink: '核實附表',
    scheduleAfter: '。',
    search: {
      title: '搜尋',
      label: '搜尋章節內容',
      button: '搜尋',
      example: (titles) => `例如：${titles.join('、')}`,
      noScript: '搜尋需要JavaScript；各章節內容可從目錄直接閱讀。',
    },
  },
  en: {
    pageTitle: (title, company) => `${title} — ${company}`,
    downloadPdf: 'Download the PDF (A4)',
    noPdf: ['The PDF is written by a full build (', ')'],
    readAll: 'Read the full document',
    contents: 'CONTENTS',
    missing: (count) => `Material to be supplied (${count} ${count === 1 ? 'item' : 'items'})`,
    missingSep: ': ',
    missingWhere: [' (', ')'],
    tieOut: 'Tie-out of figures',
    tieOutSentence: tieOutSentenceEn,
    statedOnlyIntro: 'Claims that are stated only, and why they cannot be recomputed:',
    statedOnlySep: ': ',
    scheduleBefore: (withPdf) =>
      `For each claim’s stated figure, computed figure and inputs, and each figure’s source${withPdf ? ' and PDF page' : ''}, see the `,
    scheduleLink: 'verification schedule (Chinese)',
    scheduleAfter: '.',
    search: {
      title: 'Search',
      label: 'Search the chapters',
      button: 'Search',
      example: (titles) => `e.g. ${titles.join(', ')}`,
      noScript: 'Search needs JavaScript; every chapter can be read from the contents.',
    },
  },
};

/** Why a stated claim cannot be recomputed, in the page's language. */
export function statedReason(entry: Located<Claim>, locale: Locale, chinese: string): string {
  if (locale === 'zh') return chinese;
  const c = entry.value;
  const reason = c.en?.reason;
  if (reason === undefined) {
    throw new MissingEnglishError(
      `the reason of stated claim "${c.id}" (「${chinese}」)`,
      'en: { reason: "…" } on the claim',
      {
        file: entry.file,
        line: entry.lineOf(['reason']),
      },
    );
  }
  return reason;
}
