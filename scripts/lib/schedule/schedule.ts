import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { csvText } from '../../../src/lib/csv.ts';
import { scheduleRowId } from '../../../src/lib/document/anchors.ts';
import { escapeHtml } from '../../../src/lib/html.ts';
import type { Locale } from '../../../src/lib/i18n/locale.ts';
import {
  EDITIONS_LABEL,
  editionsOf,
  ONE_EDITION,
  type PairedFigure,
  pairEditions,
} from '../../../src/lib/pair-editions.ts';
import { type FigureStatus, STATUS_LABEL } from '../../../src/lib/tieout/tieout-status.ts';
import { type LocateItem, locatePages } from './locate.ts';

/** One bound figure occurrence as the reviewer's schedule lists it. */
export interface ScheduleRow {
  /** The chapter's id, shared by its two editions: what pairs a figure with its translation. */
  chapterId: string;
  chapter: string;
  location: string;
  text: string;
  value: string;
  unit: string;
  period: string;
  basis: 'stated' | 'derived';
  formula: string;
  sources: string;
  status: FigureStatus;
  ref: string;
  /** The folio as printed: `12`, or `I-3` in an appendix. */
  page: string | undefined;
}

const BASIS = { stated: '明載', derived: '推算' } as const;

export const CSV_HEADER = [
  '章節',
  '位置',
  '顯示文字',
  '數值',
  '單位',
  '期間',
  '性質',
  '公式',
  '資料來源',
  '核對',
  'PDF頁碼',
  '數據編號',
  '英文版位置',
  '英文版顯示文字',
  '英文版PDF頁碼',
  '版本',
];

/** One line of the bilingual schedule: a figure once, with what each edition prints. */
export type ScheduleLine = PairedFigure<ScheduleRow>;

const pageText = (row: ScheduleRow | undefined) => (row?.page === undefined ? '' : String(row.page));

/** What both editions share (one datum): read from whichever edition has the figure. */
const shared = (line: ScheduleLine) => (line.zh ?? line.en) as ScheduleRow;

export function scheduleCsv(lines: readonly ScheduleLine[]): string {
  return csvText([
    CSV_HEADER,
    ...lines.map((line) => {
      const r = shared(line);
      return [
        r.chapter,
        line.zh?.location ?? '',
        line.zh?.text ?? '',
        r.value,
        r.unit,
        r.period,
        BASIS[r.basis],
        r.formula,
        r.sources,
        STATUS_LABEL[r.status],
        pageText(line.zh),
        r.ref,
        line.en?.location ?? '',
        line.en?.text ?? '',
        pageText(line.en),
        EDITIONS_LABEL[editionsOf(line)],
      ];
    }),
  ]);
}

export function scheduleRowsHtml(lines: readonly ScheduleLine[]): string {
  const seen = new Map<string, number>();
  const page = (row: ScheduleRow | undefined) => (row?.page === undefined ? '—' : String(row.page));
  return lines
    .map((line, i) => {
      const r = shared(line);
      const occurrence = (seen.get(r.ref) ?? 0) + 1;
      seen.set(r.ref, occurrence);
      const attrs = `id="${escapeHtml(scheduleRowId(r.ref, occurrence))}" data-chapter="${escapeHtml(r.chapter)}" data-sources="${escapeHtml(r.sources)}" data-status="${r.status}" data-editions="${editionsOf(line)}" data-ref="${escapeHtml(r.ref)}"`;
      const basis = r.basis === 'derived' ? `${BASIS.derived}：<code>${escapeHtml(r.formula)}</code>` : BASIS.stated;
      const cells = [
        String(i + 1),
        escapeHtml(r.chapter),
        escapeHtml(line.zh?.location ?? '—'),
        escapeHtml(line.zh?.text ?? '—'),
        escapeHtml(r.value),
        escapeHtml(r.period),
        basis,
        escapeHtml(r.sources),
        `<span class="status-${r.status}">${STATUS_LABEL[r.status]}</span>`,
        page(line.zh),
        line.en ? `<span lang="en">${escapeHtml(line.en.text)}</span>` : '—',
        page(line.en),
      ];
      return `<tr ${attrs}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    })
    .join('');
}

/** The figures of both editions, paired; without an English edition, the Chinese alone. */
export function scheduleLines(zh: readonly ScheduleRow[], en: readonly ScheduleRow[] | undefined): ScheduleLine[] {
  return en === undefined ? zh.map((row) => ({ zh: row, en: undefined })) : pairEditions(zh, en);
}

/** How many figures both editions print, and how many only one does. */
export function editionsCount(lines: readonly ScheduleLine[]): { both: number; single: number } {
  const both = lines.filter((l) => editionsOf(l) === 'both').length;
  return { both, single: lines.length - both };
}

/** The counts the page states, computed from the lines it lists. */
export function scheduleCount(lines: readonly ScheduleLine[], english: boolean): string {
  const placed = lines.filter((l) => l.zh?.page !== undefined).length;
  if (!english) return `共 ${lines.length} 項數字，${placed} 項已定位PDF頁碼。`;
  const placedEn = lines.filter((l) => l.en?.page !== undefined).length;
  const { single } = editionsCount(lines);
  return `共 ${lines.length} 項數字，${placed} 項已定位中文版PDF頁碼，${placedEn} 項已定位英文版PDF頁碼；${single} 項${ONE_EDITION.label}。`;
}

/** The edition filter, only for a document that has two editions to compare. */
function editionFilterHtml(english: boolean): string {
  if (!english) return '';
  return `<label>版本 <select name="editions" data-filter="editions"><option value="">全部</option><option value="${ONE_EDITION.value}">${ONE_EDITION.label}</option></select></label>`;
}

/**
 * Writes verification.csv and fills the schedule page's rows, which need the PDFs' page numbers.
 * `en` is the English edition's placed figures, when the document has one.
 */
export function writeSchedule(
  siteDir: string,
  zh: readonly ScheduleRow[],
  en?: readonly ScheduleRow[],
): ScheduleLine[] {
  const lines = scheduleLines(zh, en);
  writeFileSync(join(siteDir, 'verification.csv'), scheduleCsv(lines));
  const pagePath = join(siteDir, 'verification', 'index.html');
  const chapters = [...new Set(lines.map((l) => shared(l).chapter))];
  const html = readFileSync(pagePath, 'utf8')
    .replace('<!--schedule-rows-->', scheduleRowsHtml(lines))
    .replace('<!--schedule-count-->', scheduleCount(lines, en !== undefined))
    .replace('<!--edition-filter-->', editionFilterHtml(en !== undefined))
    .replace(
      '<!--chapter-options-->',
      chapters.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`).join(''),
    );
  writeFileSync(pagePath, html);
  return lines;
}

/** Places each bound figure on the folio of the page it prints on, from the PDF's own text. */
export function placeFigures(
  figures: readonly BoundFigure[],
  pageTexts: readonly string[],
  folioOf: (physical: number) => string,
): ScheduleRow[] {
  const pages = locatePages(
    pageTexts,
    figures.map((f) => f.locate),
  );
  return figures.map((f, i) => {
    const physical = pages[i];
    return { ...f.row, page: physical === undefined ? undefined : folioOf(physical) };
  });
}

/** A bound figure as the printed page shows it, with what locates it in the PDF text. */
export interface BoundFigure {
  row: Omit<ScheduleRow, 'page'>;
  locate: LocateItem;
}

/** How a location reads in each edition's schedule columns. */
const LOCATION: Record<Locale, { chart: string; table: string; paragraph: string; preview: number }> = {
  zh: { chart: '圖：', table: '表：', paragraph: '段落：', preview: 18 },
  en: { chart: 'Chart: ', table: 'Table: ', paragraph: 'Paragraph: ', preview: 40 },
};

/** Bound figures read back from the printed page itself, in document order. */
export async function boundFigures(page: Page, locale: Locale = 'zh'): Promise<BoundFigure[]> {
  return page.evaluate(
    (labels) =>
      [...document.querySelectorAll<HTMLElement>('article.print-chapter [data-ref]')].map((el) => {
        const d = el.dataset;
        const article = el.closest('article.print-chapter');
        const chapter = article?.querySelector('h1')?.textContent?.trim() ?? '';
        const figure = el.closest('figure');
        // Soft hyphens are the typesetter's, not the document's words.
        const text = (el.textContent ?? '').replace(/\u00AD/g, '').trim();
        let anchor: string;
        let fallback: string;
        let location: string;
        if (figure) {
          const caption = figure.querySelector('.figure-title');
          const title = caption?.textContent?.trim() ?? '';
          // A hidden caption repeats the heading just above the figure, which prints the name
          // in its own letters (an English heading in capitals): the page is found by those.
          const printed = caption?.hasAttribute('hidden')
            ? (figure.previousElementSibling?.textContent?.trim() ?? title)
            : title;
          anchor = printed;
          fallback = printed;
          location = `${figure.classList.contains('chart') ? labels.chart : labels.table}${title}`;
        } else {
          const block = el.closest('p, li, h1, h2, h3, h4, td') ?? el;
          const range = document.createRange();
          range.setStart(block, 0);
          range.setEndAfter(el);
          const prefix = range.toString().replace(/\s+/g, '');
          anchor = prefix.slice(-24);
          fallback = prefix.slice(-Math.max(text.length + 4, 8));
          location = `${labels.paragraph}${(block.textContent ?? '')
            .replace(/\u00AD/g, '')
            .trim()
            .slice(0, labels.preview)}…`;
        }
        return {
          row: {
            chapterId: article?.id ?? '',
            chapter,
            location,
            text,
            value: d['value'] ?? '',
            unit: d['unit'] ?? '',
            period: d['period'] ?? '',
            basis: (d['basis'] === 'derived' ? 'derived' : 'stated') as 'stated' | 'derived',
            formula: d['formula'] ?? '',
            sources: d['sources'] ?? '',
            status: (d['status'] ?? 'none') as ScheduleRow['status'],
            ref: d['ref'] ?? '',
          },
          locate: { anchor, fallback, sticky: figure !== null, ...(figure ? {} : { figure: text }) },
        };
      }),
    LOCATION[locale],
  );
}
