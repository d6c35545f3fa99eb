import type { Page } from 'puppeteer-core';
import type { BlacklinePlan } from '../../../src/lib/diff/plan.ts';
import { BLOCKS } from './read-page.ts';

/**
 * Rewrites the TO draft's page, as loaded in `page`, into the blackline: changed blocks marked
 * up, deleted blocks put back struck where they stood, the summary after the cover, and running
 * heads that say `runningHead` above each chapter's title. Block indexes are those of readPage,
 * which reads the same BLOCKS.
 */
export async function markChanges(
  page: Page,
  plan: BlacklinePlan,
  summary: string,
  runningHead: string,
  blackline: string,
): Promise<void> {
  await page.evaluate(
    (selector, rewrite, deleted, summaryHtml, runningHead, blackline) => {
      const blocks = [...document.querySelectorAll<HTMLElement>(selector)];
      for (const [index, html] of rewrite) {
        const el = blocks[index];
        if (!el) continue;
        el.innerHTML = html;
        el.classList.add('bl-changed');
      }
      const bodyRow = (el: HTMLElement | undefined) => {
        const row = el?.closest('tr');
        return row?.parentElement?.tagName === 'TBODY' ? row : null;
      };
      // Cells deleted from the end of a row follow the row's last remaining cell, in order.
      const placedAfter = new Map<number, Element>();
      const cover = document.querySelector<HTMLElement>('section.cover');
      const coverLabel = cover?.getAttribute('aria-label');
      const onCover = (el: HTMLElement | undefined): el is HTMLElement => !!el && !!cover?.contains(el);
      for (const d of deleted) {
        // A line struck from the cover stays on the cover: before the cover line that followed
        // it (an offer line beside offer lines), else after the one before it, else at the end.
        if (cover && d.chapter === coverLabel) {
          const listed = d.kind === 'dt' || d.kind === 'dd';
          const el = document.createElement(listed ? d.kind : 'p');
          el.innerHTML = d.html;
          el.className = 'bl-changed bl-deleted';
          const next = blocks[d.before];
          const previous = blocks[d.after];
          if (onCover(next) && (next.closest('dl') !== null) === listed) next.before(el);
          else if (onCover(previous)) {
            (placedAfter.get(d.after) ?? previous).after(el);
            placedAfter.set(d.after, el);
          } else if (onCover(next)) next.before(el);
          else cover.append(el);
          continue;
        }
        const previousBlock = blocks[d.after];
        if ((d.kind === 'td' || d.kind === 'th') && previousBlock && /^T[DH]$/.test(previousBlock.tagName)) {
          const cell = document.createElement(d.kind);
          cell.innerHTML = d.html;
          cell.className = `${previousBlock.className} bl-changed bl-deleted`.trim();
          (placedAfter.get(d.after) ?? previousBlock).after(cell);
          placedAfter.set(d.after, cell);
          continue;
        }
        if (d.kind === 'tr') {
          // A deleted row goes back into its table, struck, next to the row that followed or
          // preceded it.
          const next = bodyRow(blocks[d.before]);
          const previous = bodyRow(blocks[d.after]);
          const row = document.createElement('tr');
          row.innerHTML = d.html;
          row.className = 'bl-changed bl-deleted';
          // Its cells align like those of the row beside it (numbers to the right).
          const model = next ?? previous;
          [...row.cells].forEach((cell, i) => {
            const like = model?.cells[i];
            if (like?.className) cell.className = like.className;
          });
          if (next && (!previous || next.closest('table') === previous.closest('table'))) {
            next.before(row);
            continue;
          }
          if (previous) {
            previous.after(row);
            continue;
          }
        }
        // Anything else that cannot stand where it was (a row whose table is gone) is shown as a
        // struck paragraph.
        const tag = ['td', 'th', 'tr', 'caption', 'figcaption', 'li'].includes(d.kind) ? 'p' : d.kind;
        const el = document.createElement(tag);
        el.innerHTML = d.kind === 'tr' ? d.html.replace(/<\/?t[dh]>/g, ' ') : d.html;
        el.className = 'bl-changed bl-deleted';
        const anchor = blocks[d.before];
        const cell = anchor?.closest('table, ul, ol') ?? anchor;
        if (cell) cell.before(el);
        else document.querySelector('article.print-chapter:last-of-type')?.append(el);
      }
      for (const details of document.querySelectorAll('details.chart-data')) details.setAttribute('open', '');
      document.querySelector('.cover')?.insertAdjacentHTML('afterend', summaryHtml);
      const heads = [...document.querySelectorAll<HTMLElement>('article.print-chapter')].map((a) => {
        const title = (a.querySelector('h1')?.textContent ?? '').replace(/"/g, '\\"');
        return `@page ${a.dataset['page']} { @top-center { content: "${runningHead}" "\\A " "${title}"; } }`;
      });
      const style = document.createElement('style');
      style.textContent = `@page cover { @top-center { content: "${runningHead}"; } } @page front { @top-center { content: "${runningHead}"; } } ${heads.join('\n')}`;
      // After the document page's own @page rules (in <body>), so these running heads win.
      document.body.append(style);
      document.title = `${blackline} — ${document.title}`;
      document.body.classList.add('blackline');
    },
    BLOCKS,
    [...plan.rewrite],
    plan.deleted,
    summary,
    runningHead.replace(/"/g, '\\"'),
    blackline,
  );
}
