import type { BlacklinePlan } from '../../../src/lib/diff/plan.ts';
import { escapeHtml } from '../../../src/lib/html.ts';
import type { Locale } from '../../../src/lib/i18n/locale.ts';
import { STATUS_LABEL, STATUS_LABEL_EN } from '../../../src/lib/tieout/tieout-status.ts';
import type { TieOutSummary } from '../../../src/lib/tieout/tieout-summary.ts';
import type { Draft } from './drafts.ts';
import { comparedDrafts, draftName } from './edition-words.ts';
import type { FigureChange } from './read-page.ts';

/** The summary page's words, per edition; tie-out statuses come from tieout-status.ts. */
const SUMMARY: Record<
  Locale,
  {
    title: string;
    intro: (compared: string, insertions: string, deletions: string) => string;
    chapters: string;
    chapterHead: [string, string, string];
    figures: string;
    figureHead: [string, string, string, string];
    tieOut: string;
    tieHead: [string, string];
    none: string;
    status: typeof STATUS_LABEL;
  }
> = {
  zh: {
    title: '比較本摘要',
    intro: (compared, insertions, deletions) =>
      `比較：${compared}。插入 ${insertions} 處，刪除 ${deletions} 處。<ins class="bl-ins">插入</ins>以底線標示，<del class="bl-del">刪除</del>以刪除線標示，頁邊豎線標示有改動之處。`,
    chapters: '有改動的章節',
    chapterHead: ['章節', '插入', '刪除'],
    figures: '數值有改動的數據',
    figureHead: ['數據編號', '項目', '原數值', '新數值'],
    tieOut: '數字核對',
    tieHead: ['稿本', '陳述'],
    none: '無',
    status: STATUS_LABEL,
  },
  en: {
    title: 'Blackline summary',
    intro: (compared, insertions, deletions) =>
      `Compared: ${compared}. Insertions: ${insertions}; deletions: ${deletions}. <ins class="bl-ins">Insertions</ins> are underlined, <del class="bl-del">deletions</del> struck through, and a bar in the margin marks each changed line.`,
    chapters: 'Chapters changed',
    chapterHead: ['Chapter', 'Insertions', 'Deletions'],
    figures: 'Figures with new values',
    figureHead: ['Data id', 'Item', 'Old value', 'New value'],
    tieOut: 'Tie-out',
    tieHead: ['Draft', 'Claims'],
    none: 'None',
    status: STATUS_LABEL_EN,
  },
};

/** The summary page that follows the cover: counts per chapter, figures with new values, each draft's tie-out. */
export function summaryHtml(
  locale: Locale,
  from: Draft,
  to: Draft,
  plan: BlacklinePlan,
  figures: readonly FigureChange[],
  ties: readonly { draft: Draft; summary: TieOutSummary }[],
): string {
  const w = SUMMARY[locale];
  const chapters = [...plan.chapters]
    .map(
      ([title, c]) =>
        `<tr><td>${escapeHtml(title)}</td><td class="num">${c.insertions}</td><td class="num">${c.deletions}</td></tr>`,
    )
    .join('');
  const seen = new Set<string>();
  const figureRows = figures
    .filter((f) => {
      const key = `${f.ref}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(
      (f) =>
        `<tr><td><code>${escapeHtml(f.ref)}</code></td><td>${escapeHtml(f.now?.label ?? f.old?.label ?? '')}</td><td class="num">${f.old ? `<del class="bl-del">${escapeHtml(f.old.value)}</del>` : '—'}</td><td class="num">${f.now ? `<ins class="bl-ins">${escapeHtml(f.now.value)}</ins>` : '—'}</td></tr>`,
    )
    .join('');
  const tieRows = ties
    .map(
      (t) =>
        `<tr><td>${escapeHtml(draftName(t.draft, locale))}</td><td class="num">${t.summary.claims}</td><td class="num">${t.summary.agree}</td><td class="num">${t.summary.statedOnly.length}</td><td class="num">${t.summary.mismatch}</td></tr>`,
    )
    .join('');
  const head = (cells: readonly string[], numeric: number) =>
    `<thead><tr>${cells.map((c, i) => `<th${i >= numeric ? ' class="num"' : ''}>${c}</th>`).join('')}</tr></thead>`;
  const compared = escapeHtml(comparedDrafts(from, to, locale));
  return `<section class="bl-summary" aria-labelledby="bl-summary-title">
<h1 id="bl-summary-title">${w.title}</h1>
<p>${w.intro(compared, `<strong data-bl-insertions>${plan.insertions}</strong>`, `<strong data-bl-deletions>${plan.deletions}</strong>`)}</p>
<h2 class="bl-h">${w.chapters}</h2>
<table class="data-table">${head(w.chapterHead, 1)}<tbody>${chapters || `<tr><td colspan="3">${w.none}</td></tr>`}</tbody></table>
<h2 class="bl-h">${w.figures}</h2>
<table class="data-table" data-bl-figures>${head(w.figureHead, 2)}<tbody>${figureRows || `<tr><td colspan="4">${w.none}</td></tr>`}</tbody></table>
<h2 class="bl-h">${w.tieOut}</h2>
<table class="data-table">${head([...w.tieHead, w.status.pass, w.status.unchecked, w.status.fail], 1)}<tbody>${tieRows}</tbody></table>
</section>`;
}
