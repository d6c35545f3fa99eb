import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

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
