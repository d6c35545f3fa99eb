/**
 * npm run blackline -- FROM [TO] — what changed between two drafts, per edition: dist/blackline.pdf
 * and the site page dist/blackline/ for the Chinese, dist/blackline-en.pdf and dist/blackline-en/
 * for the English when the TO draft has one. The TO draft is typeset as usual with insertions
 * underlined and deletions struck through in colour, compared character by character for Chinese
 * and word by word for English; a summary page comes first; change bars mark changed lines; the
 * running heads say 比較本 (BLACKLINE).
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { formatDiagnostic, summarize } from '../src/lib/diagnostics.ts';
import { type PageBlock, planBlackline } from '../src/lib/diff/plan.ts';
import { chapterNames, EN_CHAPTERS_DIR } from '../src/lib/document/chapter-files.ts';
import { buildInstant } from '../src/lib/document/stamp.ts';
import { escapeHtml } from '../src/lib/html.ts';
import type { Locale } from '../src/lib/i18n/locale.ts';
import { checkProject } from '../src/lib/project.ts';
import { STATUS_LABEL, STATUS_LABEL_EN } from '../src/lib/tieout/tieout-status.ts';
import { summarizeTieOut, type TieOutSummary } from '../src/lib/tieout/tieout-summary.ts';
import { buildDraftSite, type Draft, prepareDraft, WORKING_TREE } from './lib/blackline/drafts.ts';
import { launchChromium } from './lib/print/launch.ts';
import { pdfMetadata, pdfMetadataEn } from './lib/print/metadata.ts';
import { serveStatic } from './lib/print/serve.ts';
import { explain, PublishError, publishDir, publishFile } from './lib/publish/publish.ts';
import { renderPdf } from './lib/render-pdf.ts';

const HELP = `Usage: npm run blackline -- FROM [TO] [--out DIR]

Compares two drafts and writes DIR/blackline.pdf and DIR/blackline/index.html (DIR: dist) for
the Chinese edition, and DIR/blackline-en.pdf and DIR/blackline-en/index.html for the English
edition when the TO draft has one (Chinese compared by character, English by word).
FROM and TO are git revisions (e.g. HEAD~1 HEAD); TO defaults to the working tree.
Both drafts are typeset by the current code: only changes to content/ and data/ show.
`;

const root = resolve(import.meta.dirname, '..');
/**
 * What is compared: the cover's lines (title block, the prospectus's offer block, the date, the
 * draft's 警告 box) and the chapters' blocks, in page order. The draft stamp names the build, not
 * the document (each draft's commit and date), so it is left out: the running heads name both.
 */
const BLOCKS = [
  'section.cover :is(p, dt, dd):not([data-draft-stamp])',
  'article.print-chapter :is(h1, h2, h3, h4, p, li, figcaption, caption, th, td)',
].join(', ');

/** Where each edition's document page is and where its blackline goes. */
interface Edition {
  locale: Locale;
  path: string;
  pdf: string;
  dir: string;
}

const EDITIONS: Record<Locale, Edition> = {
  zh: { locale: 'zh', path: '/document/', pdf: 'blackline.pdf', dir: 'blackline' },
  en: { locale: 'en', path: '/en/document/', pdf: 'blackline-en.pdf', dir: 'blackline-en' },
};

/** The words of the blackline's own pages, in the edition's language. */
const WORDS: Record<Locale, { blackline: string; separator: string }> = {
  zh: { blackline: '比較本', separator: '　' },
  en: { blackline: 'BLACKLINE', separator: '  ' },
};

/** A draft as the edition's pages name it: `HEAD（abc）`, or `HEAD (abc)` and "working tree". */
function draftName(draft: Draft, locale: Locale): string {
  if (locale === 'zh') return `${draft.label}（${draft.commit}）`;
  const working = draft.label === WORKING_TREE.label && draft.commit === WORKING_TREE.commit;
  return working ? 'working tree (uncommitted)' : `${draft.label} (${draft.commit})`;
}

/** FROM → TO, as the running heads and the summary say it (the Chinese arrow follows a full-width bracket). */
function comparedDrafts(from: Draft, to: Draft, locale: Locale): string {
  return `${draftName(from, locale)}${locale === 'zh' ? '' : ' '}→ ${draftName(to, locale)}`;
}

interface FigureValue {
  ref: string;
  label: string;
  value: string;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help || positionals.length === 0 || positionals.length > 2) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const say = (m: string) => process.stderr.write(`blackline: ${m}\n`);
  const work = join(root, '.build', 'blackline');
  const from = prepareDraft(root, positionals[0], join(work, 'from'));
  const to = prepareDraft(root, positionals[1], join(work, 'to'));
  say(`comparing ${from.label} (${from.commit}) → ${to.label} (${to.commit})`);

  const ties = [];
  for (const draft of [from, to]) {
    const check = checkProject(draft.dir);
    const errors = check.diagnostics.filter((d) => d.severity === 'error');
    if (!check.project || errors.length) {
      for (const d of check.diagnostics) process.stderr.write(`${draft.label}: ${formatDiagnostic(d)}\n`);
      say(`${draft.label}: ${summarize(check.diagnostics)}; nothing was written.`);
      return 1;
    }
    ties.push({ draft, summary: summarizeTieOut(check.project.tieOut) });
  }
  await Promise.all([buildDraftSite(from, join(from.dir, 'site')), buildDraftSite(to, join(to.dir, 'site'))]);
  say('both drafts built; comparing');

  const toSite = join(to.dir, 'site');
  // The English blackline only when the TO draft has an English edition; a FROM draft without
  // one shows the whole English edition as inserted.
  const editions = [EDITIONS.zh, ...((chapterNames(to.dir, EN_CHAPTERS_DIR) ?? []).length > 0 ? [EDITIONS.en] : [])];
  const fromServer = await serveStatic(join(from.dir, 'site'));
  const toServer = await serveStatic(toSite);
  const browser = await launchChromium();
  const stats = new Map<Edition, { insertions: number; deletions: number; chapters: number; figures: number }>();
  try {
    // Scripts off: the page is read and rewritten as served, before any chart or popover runs.
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    for (const edition of editions) {
      const words = WORDS[edition.locale];
      await page.goto(`${fromServer.url}${edition.path}`, { waitUntil: 'load' });
      const before = await readPage(page);
      await page.goto(`${toServer.url}${edition.path}`, { waitUntil: 'load' });
      const after = await readPage(page);
      const plan = planBlackline(before.blocks, after.blocks, edition.locale);
      const oldValues = new Map(before.figures.map((f) => [f.ref, f]));
      const newValues = new Map(after.figures.map((f) => [f.ref, f]));
      const changedFigures = [...new Set([...oldValues.keys(), ...newValues.keys()])]
        .map((ref) => ({ ref, old: oldValues.get(ref), now: newValues.get(ref) }))
        .filter((f) => f.old?.value !== f.now?.value);
      const summary = summaryHtml(edition.locale, from, to, plan, changedFigures, ties);
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
        `${words.blackline}${words.separator}${comparedDrafts(from, to, edition.locale)}`.replace(/"/g, '\\"'),
        words.blackline,
      );
      const html = `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
      mkdirSync(join(toSite, edition.dir), { recursive: true });
      writeFileSync(join(toSite, edition.dir, 'index.html'), html);
      stats.set(edition, {
        insertions: plan.insertions,
        deletions: plan.deletions,
        chapters: plan.chapters.size,
        figures: changedFigures.length,
      });
    }
  } finally {
    await browser.close();
    await fromServer.close();
    await toServer.close();
  }

  const check = checkProject(to.dir);
  const doc = check.project?.registry.document.value;
  if (!doc) return 1;
  const pages = new Map<Edition, number>();
  for (const edition of editions) {
    say(`printing ${values.out}/${edition.pdf}`);
    const meta =
      edition.locale === 'en' ? pdfMetadataEn(doc, buildInstant(), to.dir) : pdfMetadata(doc, buildInstant(), to.dir);
    const blackline = WORDS[edition.locale].blackline;
    const result = await renderPdf({
      siteDir: toSite,
      path: `/${edition.dir}/`,
      outFile: join(toSite, edition.pdf),
      metadata: { ...meta, title: `${blackline} — ${meta.title}`, keywords: [...meta.keywords, blackline] },
      log: (m) => say(`  ${m}`),
    });
    pages.set(edition, result.pages);
  }
  const out = resolve(root, values.out);
  const written = editions.flatMap((e) => [`${values.out}/${e.pdf}`, `${values.out}/${e.dir}/`]).join(' and ');
  try {
    // The page's styles and scripts first: hashed names, so they sit beside a dist/ of another
    // build, and the page that needs them is swapped in only after they are there.
    if (existsSync(join(toSite, '_astro'))) {
      mkdirSync(join(out, '_astro'), { recursive: true });
      cpSync(join(toSite, '_astro'), join(out, '_astro'), { recursive: true });
    }
    for (const edition of editions) {
      await publishFile(join(toSite, edition.pdf), join(out, edition.pdf));
      await publishDir(join(toSite, edition.dir), join(out, edition.dir));
    }
  } catch (e) {
    const message = e instanceof PublishError ? e.message : explain(e, out).message;
    process.stderr.write(`error: ${message}\nThe previous ${written} are unchanged.\n`);
    return 1;
  }
  for (const edition of editions) {
    const s = stats.get(edition);
    if (!s) continue;
    say(
      `${edition.locale === 'en' ? 'English' : 'Chinese'} edition: ${s.chapters} chapter(s) changed: ${s.insertions} insertion(s), ${s.deletions} deletion(s), ${s.figures} figure(s) with new values; ${pages.get(edition)} pages → ${values.out}/${edition.pdf}, ${values.out}/${edition.dir}/`,
    );
  }
  return 0;
}

async function readPage(page: Page): Promise<{ blocks: PageBlock[]; figures: FigureValue[] }> {
  return page.evaluate((selector) => {
    const leaf = [...document.querySelectorAll<HTMLElement>(selector)];
    const rows = new Map([...document.querySelectorAll('article.print-chapter tr')].map((tr, i) => [tr, `r${i}`]));
    // What the page shows: a check cell reads √, not √ and its screen-reader word 有.
    const visibleText = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
      // Soft hyphens (the English edition's, hyphenate.ts) are break points, not words.
      return (copy.textContent ?? '').replaceAll('\u00ad', '');
    };
    return {
      blocks: leaf.map((el) => {
        const row = rows.get(el.closest('tr') as Element);
        return {
          kind: el.tagName.toLowerCase(),
          text: visibleText(el).replace(/\s+/g, ' ').trim(),
          // The cover counts under its own name (封面 / Cover) in the summary.
          chapter:
            el.closest('section.cover')?.getAttribute('aria-label') ??
            el.closest('article.print-chapter')?.querySelector('h1')?.textContent?.trim() ??
            '',
          ...(row === undefined ? {} : { row }),
        };
      }),
      figures: [...document.querySelectorAll<HTMLElement>('article.print-chapter [data-ref]')].map((el) => ({
        ref: el.dataset['ref'] ?? '',
        label: el.dataset['label'] ?? '',
        value: el.dataset['value'] ?? '',
      })),
    };
  }, BLOCKS);
}

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

function summaryHtml(
  locale: Locale,
  from: Draft,
  to: Draft,
  plan: ReturnType<typeof planBlackline>,
  figures: { ref: string; old: FigureValue | undefined; now: FigureValue | undefined }[],
  ties: { draft: Draft; summary: TieOutSummary }[],
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

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`blackline: error: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
