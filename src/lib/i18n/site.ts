import type { Locale } from './locale.ts';

/** The site's own words around the chapters, per edition. */
export interface SiteText {
  skip: string;
  noCompany: string;
  built(date: string): string;
  version: string;
  navLabel: string;
  document: string;
  verification: string;
  search: string;
  pdf: string;
  /** The language switch: its text is written in the language it leads to. */
  switchLabel: string;
  switchTitle: string;
}

export const SITE: Record<Locale, SiteText> = {
  zh: {
    skip: '跳至正文',
    noCompany: '〔發行人名稱待補〕',
    built: (date) => `建置 ${date}`,
    version: '版本',
    navLabel: '網站',
    document: '全文',
    verification: '核實附表',
    search: '搜尋',
    pdf: 'PDF',
    switchLabel: 'English',
    switchTitle: 'Read this section in the English edition',
  },
  en: {
    skip: 'Skip to content',
    noCompany: '[Name of the issuer to be supplied]',
    built: (date) => `Built ${date}`,
    version: 'version',
    navLabel: 'Site',
    document: 'Full document',
    verification: 'Verification schedule (Chinese)',
    search: 'Search',
    pdf: 'PDF',
    switchLabel: '中文',
    switchTitle: '閱讀本節的中文版本',
  },
};

/** The printed document's own words (cover, contents), per edition. */
export interface DocumentText {
  pageTitle(title: string): string;
  coverLabel: string;
  noDate: string;
  stamp(date: string, commit: string): string;
  warningTitle: string;
  contentsTitle: string;
  /** The final cover's offer lines: the stock code and the sponsors' heading. */
  stockCode(code: string): string;
  /** The stock code's label in the cover's offer block (股份代號 / Stock code). */
  stockCodeLabel: string;
  sponsors: string;
}

export const DOCUMENT_TEXT: Record<Locale, DocumentText> = {
  zh: {
    pageTitle: (title) => `${title}（全文）`,
    coverLabel: '封面',
    noDate: '〔日期待補〕',
    stamp: (date, commit) => `草擬本 · 建置日期 ${date} · 來源版本 ${commit}`,
    warningTitle: '警告',
    contentsTitle: '目錄',
    stockCode: (code) => `股份代號：${code}`,
    stockCodeLabel: '股份代號',
    sponsors: '聯席保薦人',
  },
  en: {
    pageTitle: (title) => `${title} (full text)`,
    coverLabel: 'Cover',
    noDate: '[Date to be supplied]',
    stamp: (date, commit) => `Draft · built ${date} · source version ${commit}`,
    warningTitle: 'WARNING',
    contentsTitle: 'CONTENTS',
    stockCode: (code) => `Stock Code: ${code}`,
    stockCodeLabel: 'Stock code',
    sponsors: 'Joint Sponsors',
  },
};
