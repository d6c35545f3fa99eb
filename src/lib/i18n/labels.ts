import { type Figure, RefError } from '../data/figure.ts';
import type { Located, Registry } from '../data/registry.ts';
import type { Resolver } from '../data/resolve.ts';
import { stageWithholds } from '../document/stage.ts';
import type { Claim } from '../schema/claim.ts';
import type { Dataset, TableDataset, TimeseriesDataset } from '../schema/dataset.ts';
import type { Stage } from '../schema/document.ts';
import { REDACTION_MARKER, REDACTION_MARKER_EN } from '../schema/redaction.ts';
import { type Locale, spellPeriod } from './locale.ts';

/**
 * Every label a page shows, in the page's language. The Chinese comes as it always has; the
 * English comes from the `en` beside it, and a missing one is an error at the line of the label
 * it should translate — raised only when an English page shows it, so a dataset no English
 * chapter uses needs no English.
 */
export class MissingEnglishError extends RefError {
  constructor(what: string, expected: string, where: { file: string; line: number | undefined }) {
    super(`${what} has no English — expected ${expected}`, where);
    this.name = 'MissingEnglishError';
  }
}

function english<T>(value: T | undefined, what: string, expected: string, where: Where): T {
  if (value === undefined) throw new MissingEnglishError(what, expected, where);
  return value;
}

interface Where {
  file: string;
  line: number | undefined;
}

const at = (entry: Located<unknown>, path: PropertyKey[]): Where => ({ file: entry.file, line: entry.lineOf(path) });

export function datasetTitle(entry: Located<Dataset>, locale: Locale): string {
  const d = entry.value;
  if (locale === 'zh') return d.title;
  return english(
    d.en?.title,
    `dataset "${d.id}" title 「${d.title}」`,
    'en: { title: "…" } beside title',
    at(entry, ['title']),
  );
}

export function seriesLabel(entry: Located<TimeseriesDataset>, seriesId: string, locale: Locale): string {
  const s = entry.value.series[seriesId];
  if (!s) return seriesId;
  if (locale === 'zh') return s.label;
  return english(
    s.en?.label,
    `series "${seriesId}" of dataset "${entry.value.id}" (「${s.label}」)`,
    'en: { label: "…" } beside its label',
    at(entry, ['series', seriesId, 'label']),
  );
}

export function columnLabel(entry: Located<TableDataset>, columnId: string, locale: Locale): string {
  const c = entry.value.columns[columnId];
  if (!c) return columnId;
  if (locale === 'zh') return c.label;
  return english(
    entry.value.en?.columns[columnId]?.label,
    `column "${columnId}" of dataset "${entry.value.id}" (「${c.label}」)`,
    `en: { columns: { ${columnId}: { label: "…" } } } in the dataset`,
    at(entry, ['columns', columnId]),
  );
}

export function columnGroup(entry: Located<TableDataset>, columnId: string, locale: Locale): string | undefined {
  const c = entry.value.columns[columnId];
  if (!c?.group || locale === 'zh') return c?.group;
  return english(
    entry.value.en?.columns[columnId]?.group,
    `the group 「${c.group}」 of column "${columnId}" in dataset "${entry.value.id}"`,
    `en: { columns: { ${columnId}: { group: "…" } } } in the dataset`,
    at(entry, ['columns', columnId]),
  );
}

/** A table's text cell: the Chinese as typed, or its English from the table's `en.terms`. */
export function tableText(entry: Located<TableDataset>, rowId: string, columnId: string, locale: Locale): string {
  const raw = entry.value.rows[rowId]?.[columnId];
  const text = typeof raw === 'string' ? raw : String(raw ?? '');
  if (locale === 'zh') return text;
  return english(
    entry.value.en?.terms[text],
    `the cell 「${text}」 (row "${rowId}", column "${columnId}") of dataset "${entry.value.id}"`,
    `en: { terms: { ${text}: "…" } } in the dataset`,
    at(entry, ['rows', rowId, columnId]),
  );
}

export function factLabel(entry: Located<Dataset>, factId: string, locale: Locale): string {
  const d = entry.value;
  if (d.kind !== 'facts') return factId;
  const fact = d.facts[factId];
  if (!fact) return factId;
  if (locale === 'zh') return fact.label;
  return english(
    fact.en?.label,
    `fact "${factId}" of dataset "${d.id}" (「${fact.label}」)`,
    'en: { label: "…" } beside its label',
    at(entry, ['facts', factId, 'label']),
  );
}

export function claimText(entry: Located<Claim>, locale: Locale): string {
  const c = entry.value;
  if (locale === 'zh') return c.text;
  return english(c.en?.text, `claim "${c.id}" (「${c.text}」)`, 'en: { text: "…" } on the claim', at(entry, ['text']));
}

/** A claim's short name in a growth-rate table, when it has one. */
export function claimLabel(entry: Located<Claim>, locale: Locale): string | undefined {
  const c = entry.value;
  if (c.label === undefined || locale === 'zh') return c.label;
  return english(
    c.en?.label,
    `the label 「${c.label}」 of claim "${c.id}"`,
    'en: { label: "…" } on the claim',
    at(entry, ['label']),
  );
}

export function sourceName(registry: Registry, id: string, locale: Locale): string {
  const entry = registry.sources.get(id);
  if (!entry) return id;
  if (locale === 'zh') return entry.value.name;
  return english(
    entry.value.en?.name,
    `source "${id}" (「${entry.value.name}」)`,
    'en: { name: "…" } on the source',
    at(entry, ['name']),
  );
}

export function sourceNamesIn(registry: Registry, ids: readonly string[], locale: Locale): string[] {
  return ids.map((id) => sourceName(registry, id, locale));
}

/** Withheld wording in the page's language: the marker in a copy that withholds (stageWithholds), else the text. */
export function redactionIn(registry: Registry, term: string, stage: Stage, locale: Locale): string {
  const entry = registry.redactions.get(term);
  if (!entry) throw new RefError(`unknown redaction term "${term}"`);
  if (locale === 'zh') return stageWithholds(stage) ? REDACTION_MARKER : entry.value.text;
  // The English wording must exist even when withheld: the vetting copy needs it.
  const text = english(
    entry.value.en?.text,
    `redaction "${term}" (「${entry.value.text}」)`,
    'en: { text: "…" } on the entry',
    at(entry, ['text']),
  );
  return stageWithholds(stage) ? REDACTION_MARKER_EN : text;
}

/** What a bound figure is, in the page's language: dataset title · series or row · period. */
export function figureLabel(resolver: Resolver, figure: Figure, locale: Locale): string {
  if (locale === 'zh') return figure.label;
  if (figure.ref.startsWith('claim.')) return claimText(resolver.claim(figure.row), locale);
  const entry = resolver.dataset(figure.dataset);
  const d = entry.value;
  const title = datasetTitle(entry, locale);
  if (d.kind === 'facts') {
    const period = d.facts[figure.row]?.period;
    return `${title} · ${factLabel(entry, figure.row, locale)}${period ? ` · ${spellPeriod(locale, period)}` : ''}`;
  }
  if (d.kind === 'timeseries') {
    const series = seriesLabel(entry as Located<TimeseriesDataset>, figure.row, locale);
    return `${title} · ${series} · ${spellPeriod(locale, figure.column ?? '')}`;
  }
  const table = entry as Located<TableDataset>;
  return `${title} · ${rowName(table, figure.row, locale)} · ${columnLabel(table, figure.column ?? '', locale)}`;
}

/** A table row is named by its first text column (the company), else by its id. */
export function rowName(entry: Located<TableDataset>, rowId: string, locale: Locale): string {
  const row = entry.value.rows[rowId] ?? {};
  for (const [columnId, column] of Object.entries(entry.value.columns)) {
    if (column.type === 'text' && typeof row[columnId] === 'string') return tableText(entry, rowId, columnId, locale);
  }
  return rowId;
}
