import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../data/load.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Term } from '../schema/term.ts';
import { findTerms, termForms } from '../terms/match.ts';
import type { HastNode } from './hast.ts';

/** Elements whose text is not prose to mark: headings, figures already bound, code, links. */
const SKIP = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'script', 'style', 'svg']);

/**
 * Marks the first use of each defined term in every section (the chapter's opening and each `##`
 * section) with a `.term` span that carries the term's definition: the site shows it on hover or
 * keyboard focus (src/scripts/terms.ts), and `title` keeps it readable without JavaScript. Later
 * uses in the same section stay plain, so a paragraph full of 「灼識諮詢」 is not a row of
 * underlines. Print CSS hides the marks: the PDF sets defined terms as plain text.
 */
export function rehypeTermMarks(options: { terms?: (root: string) => Term[] } = {}) {
  const termsOf = options.terms ?? registryTerms;
  return (tree: HastNode, file: { path?: string; history?: string[]; cwd?: string }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    const locale: Locale = /[\\/]content[\\/]en[\\/]/.test(path) ? 'en' : 'zh';
    const terms = termsOf(file.cwd ?? process.cwd());
    if (terms.length === 0) return;
    const byId = new Map(terms.map((t) => [t.id, t]));
    let seen = new Set<string>();
    const visit = (node: HastNode) => {
      if (node.type === 'element' && node.tagName === 'h2') seen = new Set();
      if (node.type === 'element' && (SKIP.has(node.tagName ?? '') || isFigure(node))) return;
      if (!node.children) return;
      node.children = node.children.flatMap((child) => {
        if (child.type !== 'text') {
          visit(child);
          return [child];
        }
        return markText(child.value ?? '', terms, byId, locale, seen);
      });
    };
    visit(tree);
  };
}

function isFigure(node: HastNode): boolean {
  const className = node.properties?.['className'];
  return Array.isArray(className) && className.includes('fig');
}

function markText(text: string, terms: Term[], byId: Map<string, Term>, locale: Locale, seen: Set<string>): HastNode[] {
  const out: HastNode[] = [];
  let at = 0;
  for (const m of findTerms(text, terms, locale)) {
    const term = byId.get(m.id);
    if (!term || seen.has(m.id)) continue;
    seen.add(m.id);
    if (m.index > at) out.push({ type: 'text', value: text.slice(at, m.index) });
    const label = termForms(term, locale)
      .map((form) => (locale === 'zh' ? `「${form}」` : `“${form}”`))
      .join(locale === 'zh' ? '或' : ' or ');
    const definition = term.definition[locale];
    out.push({
      type: 'element',
      tagName: 'span',
      properties: {
        className: ['term'],
        tabIndex: 0,
        dataTerm: term.id,
        dataTermLabel: label,
        dataDefinition: definition,
        title: `${label}${locale === 'zh' ? '指' : ' means '}${definition}`,
      },
      children: [{ type: 'text', value: text.slice(m.index, m.index + m.length) }],
    });
    at = m.index + m.length;
  }
  if (at === 0) return [{ type: 'text', value: text }];
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

let cached: { root: string; mtime: number; terms: Term[] } | undefined;

/** data/terms.yaml of the project being built, read again when it changes (`astro dev`). */
function registryTerms(root: string): Term[] {
  let mtime: number;
  try {
    mtime = statSync(join(root, 'data/terms.yaml')).mtimeMs;
  } catch {
    return [];
  }
  if (cached?.root === root && cached.mtime === mtime) return cached.terms;
  const terms = [...(loadRegistry(root).registry?.terms.values() ?? [])].map((t) => t.value);
  cached = { root, mtime, terms };
  return terms;
}
