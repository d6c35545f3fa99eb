import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { compileOffer } from '../../src/lib/offer/compile.ts';
import { OfferSchema } from '../../src/lib/schema/offer.ts';

export const CHAPTER = '/chapters/industry-overview/';

const DATASETS = resolve(import.meta.dirname, '../../data/datasets');
const CLAIMS = resolve(import.meta.dirname, '../../data/claims.yaml');
const CHAPTERS = resolve(import.meta.dirname, '../../content/chapters');

type Yaml = Record<string, unknown>;

function isRecord(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: unknown, key: string, where: string): unknown {
  if (!isRecord(node) || !(key in node)) throw new Error(`${where}: no "${key}"`);
  return node[key];
}

function asNumber(value: unknown, where: string): number {
  // A stated value is either a bare number or `{ value, qualifier }`.
  const v = isRecord(value) ? value['value'] : value;
  if (typeof v !== 'number') throw new Error(`${where}: not a number (${JSON.stringify(value)})`);
  return v;
}

/** The document's settings (content/document.yaml), read straight from YAML. */
export function documentYaml(): { company: string | null } {
  const doc: unknown = parse(readFileSync(resolve(import.meta.dirname, '../../content/document.yaml'), 'utf8'));
  if (!isRecord(doc)) throw new Error('content/document.yaml is not a mapping');
  const company = doc['company'];
  return { company: typeof company === 'string' ? company : null };
}

export function loadDataset(id: string): Yaml {
  const doc: unknown = parse(readFileSync(join(DATASETS, `${id}.yaml`), 'utf8'));
  if (!isRecord(doc)) throw new Error(`${id}.yaml is not a mapping`);
  return doc;
}

/** `dataset.series@period` (timeseries), `dataset.row@column` (table) or `facts.key`, read straight from YAML. */
export function yamlValue(ref: string): number {
  const dot = ref.indexOf('.');
  const datasetId = ref.slice(0, dot);
  const rest = ref.slice(dot + 1);
  const doc = loadDataset(datasetId);
  if (doc['kind'] === 'facts') return asNumber(child(child(doc, 'facts', ref), rest, ref), ref);
  const [key = '', at = ''] = rest.split('@');
  if (doc['kind'] === 'table') return asNumber(child(child(child(doc, 'rows', ref), key, ref), at, ref), ref);
  return asNumber(child(child(child(child(doc, 'series', ref), key, ref), 'values', ref), at, ref), ref);
}

/** The company named in the row a table dataset's `highlight` field points at, read straight from YAML. */
export function highlightedCompany(id: string): string {
  const doc = loadDataset(id);
  const row = child(child(doc, 'rows', id), String(child(doc, 'highlight', id)), id);
  return String(child(row, 'company', id));
}

/** A chapter as its frontmatter describes it, read straight from the MDX. */
export interface ChapterFront {
  id: string;
  title: string;
  order: number;
  front: 'before-contents' | 'before-definitions' | null;
  withheld: boolean;
}

/** Every chapter of an edition (`content/chapters` or `content/en/chapters`), from its frontmatter. */
export function chapterFronts(locale: 'zh' | 'en' = 'zh'): ChapterFront[] {
  const dir = locale === 'zh' ? CHAPTERS : resolve(import.meta.dirname, '../../content/en/chapters');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const head = /^---\n([\s\S]*?)\n---/u.exec(text)?.[1] ?? '';
      const fm: unknown = parse(head);
      if (!isRecord(fm) || typeof fm['title'] !== 'string') throw new Error(`${file}: no title in the frontmatter`);
      const front = fm['front'];
      return {
        id: file.replace(/\.mdx$/u, ''),
        title: fm['title'],
        order: typeof fm['order'] === 'number' ? fm['order'] : 0,
        front: front === 'before-contents' || front === 'before-definitions' ? front : null,
        withheld: fm['withheld'] === true,
      };
    });
}

/**
 * The home page's contents as print orders them: the sections before the contents, those before
 * 釋義, 釋義 and 技術詞彙表, then the chapters and appendices, each group by its `order`.
 */
export function contentsHrefs(locale: 'zh' | 'en'): string[] {
  const prefix = locale === 'zh' ? '' : '/en';
  const chapters = chapterFronts(locale);
  const group = (front: ChapterFront['front']) =>
    chapters
      .filter((c) => c.front === front)
      .sort((a, b) => a.order - b.order)
      .map((c) => `${prefix}/chapters/${c.id}/`);
  return [
    ...group('before-contents'),
    ...group('before-definitions'),
    `${prefix}/definitions/`,
    `${prefix}/glossary/`,
    ...group(null),
  ];
}

/** Every chapter's title, read straight from its frontmatter. */
export function chapterTitles(): string[] {
  return readdirSync(CHAPTERS).map((file) => {
    const title = /^title:\s*(.+)$/mu.exec(readFileSync(join(CHAPTERS, file), 'utf8'))?.[1]?.trim();
    if (!title) throw new Error(`${file}: no title in the frontmatter`);
    return title;
  });
}

/** HK style: comma every three digits, `decimals` after the point. */
export function grouped(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '', frac] = fixed.split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${withCommas}${frac === undefined ? '' : `.${frac}`}`;
}

/** Compound annual growth rate in percent, one decimal, as the chapter states it. */
export function cagr(from: number, to: number, years: number): string {
  return `${(((to / from) ** (1 / years) - 1) * 100).toFixed(1)}%`;
}

/**
 * Every claim the document's data makes, in the order the claims table lists them: those of
 * data/claims.yaml, then those data/offer.yaml generates (the offer's identities, all sums).
 */
export function documentClaims(): { id: string; kind: string }[] {
  const offer = OfferSchema.parse(parse(readFileSync(resolve(import.meta.dirname, '../../data/offer.yaml'), 'utf8')));
  return [...yamlClaims(), ...compileOffer(offer, () => undefined).claims.map((c) => ({ id: c.id, kind: c.kind }))];
}

/** The claims of data/claims.yaml as written: id and kind, in file order. */
export function yamlClaims(): { id: string; kind: string }[] {
  const doc: unknown = parse(readFileSync(CLAIMS, 'utf8'));
  if (!Array.isArray(doc)) throw new Error('claims.yaml is not a list');
  return doc.map((c, i) => {
    if (!isRecord(c) || typeof c['id'] !== 'string' || typeof c['kind'] !== 'string') {
      throw new Error(`claims.yaml item ${i + 1}: no id or kind`);
    }
    return { id: c['id'], kind: c['kind'] };
  });
}
