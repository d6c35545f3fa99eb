import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { scheduleRowId } from '../../src/lib/anchors.ts';
import { csvText } from '../../src/lib/csv.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { type FigureStatus, STATUS_LABEL } from '../../src/lib/tieout-status.ts';
import { type LocateItem, locatePages } from './locate.ts';

/** One bound figure occurrence as the reviewer's schedule lists it. */
export interface ScheduleRow {
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
  page: number | undefined;
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
];

export function scheduleCsv(rows: readonly ScheduleRow[]): string {
  return csvText([
    CSV_HEADER,
    ...rows.map((r) => [
      r.chapter,
      r.location,
      r.text,
      r.value,
      r.unit,
      r.period,
      BASIS[r.basis],
      r.formula,
      r.sources,
      STATUS_LABEL[r.status],
      r.page === undefined ? '' : String(r.page),
      r.ref,
    ]),
  ]);
}

export function scheduleRowsHtml(rows: readonly ScheduleRow[]): string {
  const seen = new Map<string, number>();
  return rows
    .map((r, i) => {
      const occurrence = (seen.get(r.ref) ?? 0) + 1;
      seen.set(r.ref, occurrence);
      const attrs = `id="${escapeHtml(scheduleRowId(r.ref, occurrence))}" data-chapter="${escapeHtml(r.chapter)}" data-sources="${escapeHtml(r.sources)}" data-status="${r.status}" data-ref="${escapeHtml(r.ref)}"`;
      const basis = r.basis === 'derived' ? `${BASIS.derived}：<code>${escapeHtml(r.formula)}</code>` : BASIS.stated;
      const cells = [
        String(i + 1),
        escapeHtml(r.chapter),
        escapeHtml(r.location),
        escapeHtml(r.text),
        escapeHtml(r.value),
        escapeHtml(r.period),
        basis,
        escapeHtml(r.sources),
        `<span class="status-${r.status}">${STATUS_LABEL[r.status]}</span>`,
        r.page === undefined ? '—' : String(r.page),
      ];
      return `<tr ${attrs}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    })
    .join('');
}

/** Writes verification.csv and fills the schedule page's rows, which need the PDF's page numbers. */
export function writeSchedule(siteDir: string, rows: readonly ScheduleRow[]): void {
  writeFileSync(join(siteDir, 'verification.csv'), scheduleCsv(rows));
  const pagePath = join(siteDir, 'verification', 'index.html');
  const chapters = [...new Set(rows.map((r) => r.chapter))];
  const html = readFileSync(pagePath, 'utf8')
    .replace('<!--schedule-rows-->', scheduleRowsHtml(rows))
    .replace(
      '<!--schedule-count-->',
      `共 ${rows.length} 項數字，${rows.filter((r) => r.page !== undefined).length} 項已定位PDF頁碼。`,
    )
    .replace(
      '<!--chapter-options-->',
      chapters.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`).join(''),
    );
  writeFileSync(pagePath, html);
}

/** Places each bound figure on the folio of the page it prints on, from the PDF's own text. */
export function placeFigures(
  figures: readonly BoundFigure[],
  pageTexts: readonly string[],
  folioOffset: number,
): ScheduleRow[] {
  const pages = locatePages(
    pageTexts,
    figures.map((f) => f.locate),
  );
  return figures.map((f, i) => {
    const physical = pages[i];
    return { ...f.row, page: physical === undefined ? undefined : physical - folioOffset };
  });
}

/** A bound figure as the printed page shows it, with what locates it in the PDF text. */
export interface BoundFigure {
  row: Omit<ScheduleRow, 'page'>;
  locate: LocateItem;
}

/** Bound figures read back from the printed page itself, in document order. */
export async function boundFigures(page: Page): Promise<BoundFigure[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('article.print-chapter [data-ref]')].map((el) => {
      const d = el.dataset;
      const chapter = el.closest('article.print-chapter')?.querySelector('h1')?.textContent?.trim() ?? '';
      const figure = el.closest('figure');
      const text = (el.textContent ?? '').trim();
      let anchor: string;
      let fallback: string;
      let location: string;
      if (figure) {
        const title = figure.querySelector('.figure-title')?.textContent?.trim() ?? '';
        anchor = title;
        fallback = title;
        location = `${figure.classList.contains('chart') ? '圖' : '表'}：${title}`;
      } else {
        const block = el.closest('p, li, h1, h2, h3, h4, td') ?? el;
        const range = document.createRange();
        range.setStart(block, 0);
        range.setEndAfter(el);
        const prefix = range.toString().replace(/\s+/g, '');
        anchor = prefix.slice(-24);
        fallback = prefix.slice(-Math.max(text.length + 4, 8));
        // Without the English edition's soft hyphens, which would otherwise reach the CSV.
        const words = (block.textContent ?? '').replace(/\u00ad/g, '').trim();
        location = `段落：${words.slice(0, 18)}…`;
      }
      return {
        row: {
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
        locate: { anchor, fallback, sticky: figure !== null },
      };
    }),
  );
}
