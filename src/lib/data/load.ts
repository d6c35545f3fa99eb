import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.ts';
import { timetableOrder, timetableTerms } from '../document/timetable.ts';
import { compileOffer, OFFER_FILE } from '../offer/compile.ts';
import { type Claim, ClaimRegistrySchema } from '../schema/claim.ts';
import { type Dataset, DatasetSchema } from '../schema/dataset.ts';
import { DocumentSchema } from '../schema/document.ts';
import { OfferSchema } from '../schema/offer.ts';
import { type Redaction, RedactionRegistrySchema } from '../schema/redaction.ts';
import { type Source, SourceRegistrySchema } from '../schema/source.ts';
import { type Term, TermRegistrySchema } from '../schema/term.ts';
import { TimetableSchema } from '../schema/timetable.ts';
import { withheldTermDiagnostics } from '../terms/withheld.ts';
import type { Located, Registry } from './registry.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';

export const DATA_PATHS = {
  document: 'content/document.yaml',
  sources: 'data/sources.yaml',
  claims: 'data/claims.yaml',
  redactions: 'data/redactions.yaml',
  terms: 'data/terms.yaml',
  offer: OFFER_FILE,
  timetable: 'data/timetable.yaml',
  datasets: 'data/datasets',
} as const;

/** Reads and validates every data file; returns all problems at once rather than the first. */
export function loadRegistry(root: string): { registry?: Registry; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read = (path: string): YamlSource | undefined => {
    const file = relative(root, join(root, path)) || path;
    let text: string;
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      diagnostics.push({
        file,
        severity: 'error',
        message: 'file is missing — expected it to exist',
        rule: 'missing-file',
      });
      return undefined;
    }
    const parsed = parseYaml(file, text);
    diagnostics.push(...parsed.diagnostics);
    return parsed.source;
  };

  const documentSource = read(DATA_PATHS.document);
  const sourcesSource = read(DATA_PATHS.sources);
  const claimsSource = read(DATA_PATHS.claims);
  const redactionsSource = read(DATA_PATHS.redactions);
  // A document without defined terms is valid: it simply prints no 釋義.
  const termsSource = existsSync(join(root, DATA_PATHS.terms)) ? read(DATA_PATHS.terms) : undefined;
  // The offer is optional: a document without one (a fixture, an industry chapter alone) has none.
  const offerSource = existsSync(join(root, DATA_PATHS.offer)) ? read(DATA_PATHS.offer) : undefined;
  // A document without dates as data is valid: it binds no <Date> and prints no timetable.
  const timetableSource = existsSync(join(root, DATA_PATHS.timetable)) ? read(DATA_PATHS.timetable) : undefined;
  const datasetFiles = listYaml(join(root, DATA_PATHS.datasets)).map((name) => `${DATA_PATHS.datasets}/${name}`);
  const datasetSources = datasetFiles.map(read);

  const document = documentSource && validate(DocumentSchema, documentSource, [], diagnostics);
  const sources = new Map<string, Located<Source>>();
  const sourceList = sourcesSource && validate(SourceRegistrySchema, sourcesSource, [], diagnostics);
  sourceList?.forEach((s, i) => {
    addUnique(sources, s.id, located(s, sourcesSource as YamlSource, [i]), diagnostics, 'source');
  });

  const datasets = new Map<string, Located<Dataset>>();
  for (const src of datasetSources) {
    if (!src) continue;
    const dataset = validate(DatasetSchema, src, [], diagnostics);
    if (dataset) addUnique(datasets, dataset.id, located(dataset, src, []), diagnostics, 'dataset');
  }

  const claims = new Map<string, Located<Claim>>();
  const claimList = claimsSource && validate(ClaimRegistrySchema, claimsSource, [], diagnostics);
  claimList?.forEach((c, i) => {
    addUnique(claims, c.id, located(c, claimsSource as YamlSource, [i]), diagnostics, 'claim');
  });

  const offer = offerSource && validate(OfferSchema, offerSource, [], diagnostics);
  if (offer && offerSource) {
    // The offer's figures become datasets and claims like any other, located in data/offer.yaml.
    const compiled = compileOffer(offer, offerSource.lineOf);
    diagnostics.push(...compiled.diagnostics);
    const at = (owner: string, id: string | undefined) => {
      const paths = compiled.paths.get(owner);
      return (id === undefined ? undefined : paths?.get(id)) ?? paths?.get('*') ?? [];
    };
    for (const dataset of compiled.datasets) {
      const entry: Located<Dataset> = {
        value: dataset,
        file: offerSource.file,
        line: offerSource.lineOf([]),
        lineOf: (path) => offerSource.lineOf(at(dataset.id, path.length > 1 ? String(path[1]) : undefined)),
      };
      addUnique(datasets, dataset.id, entry, diagnostics, 'dataset');
    }
    for (const claim of compiled.claims) {
      const path = at('claims', claim.id);
      const entry: Located<Claim> = {
        value: claim,
        file: offerSource.file,
        line: offerSource.lineOf(path),
        lineOf: () => offerSource.lineOf(path),
      };
      addUnique(claims, claim.id, entry, diagnostics, 'claim');
    }
  }

  const redactions = new Map<string, Located<Redaction>>();
  const redactionList = redactionsSource && validate(RedactionRegistrySchema, redactionsSource, [], diagnostics);
  redactionList?.forEach((r, i) => {
    addUnique(redactions, r.id, located(r, redactionsSource as YamlSource, [i]), diagnostics, 'redaction');
  });

  const terms = new Map<string, Located<Term>>();
  const termList = termsSource && validate(TermRegistrySchema, termsSource, [], diagnostics);
  termList?.forEach((t, i) => {
    addUnique(terms, t.id, located(t, termsSource as YamlSource, [i]), diagnostics, 'term');
  });

  const timetableValue = timetableSource && validate(TimetableSchema, timetableSource, [], diagnostics);
  const timetable = timetableValue ? located(timetableValue, timetableSource as YamlSource, []) : undefined;
  if (timetable)
    diagnostics.push(...timetableOrder(timetable), ...timetableTerms(timetable, new Set(redactions.keys())));

  if (!document || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const registry: Registry = {
    root,
    document: located(document, documentSource as YamlSource, []),
    sources,
    datasets,
    claims,
    redactions,
    terms,
    timetable,
  };
  diagnostics.push(...checkSourceReferences(registry), ...withheldTermDiagnostics(terms, redactions));
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { registry, diagnostics };
}

function listYaml(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch {
    return [];
  }
}

function located<T>(value: T, src: YamlSource, prefix: readonly PropertyKey[]): Located<T> {
  return {
    value,
    file: src.file,
    line: src.lineOf(prefix),
    lineOf: (path) => src.lineOf([...prefix, ...path]),
  };
}

function validate<S extends z.ZodType>(
  schema: S,
  src: YamlSource,
  prefix: readonly PropertyKey[],
  diagnostics: Diagnostic[],
): z.infer<S> | undefined {
  const result = schema.safeParse(src.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = [...prefix, ...issue.path];
    diagnostics.push({
      file: src.file,
      line: src.lineOf(path),
      severity: 'error',
      message: `${path.length ? `${path.join('.')}: ` : ''}${describeIssue(issue, valueAt(src.data, issue.path))}`,
      rule: 'schema',
    });
  }
  return undefined;
}

function addUnique<T>(
  map: Map<string, Located<T>>,
  id: string,
  entry: Located<T>,
  diagnostics: Diagnostic[],
  what: string,
): void {
  const previous = map.get(id);
  if (previous) {
    diagnostics.push({
      file: entry.file,
      line: entry.line,
      severity: 'error',
      message: `duplicate ${what} id "${id}" — already defined at ${previous.file}:${previous.line ?? '?'}; expected each id once`,
      rule: 'duplicate-id',
    });
    return;
  }
  map.set(id, entry);
}

function checkSourceReferences(registry: Registry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const known = registry.sources;
  const check = (id: string | undefined, entry: Located<unknown>, path: PropertyKey[]) => {
    if (id === undefined || known.has(id)) return;
    diagnostics.push({
      file: entry.file,
      line: entry.lineOf(path),
      severity: 'error',
      message: `unknown source "${id}" — expected one of ${[...known.keys()].join(', ')} (data/sources.yaml)`,
      rule: 'unknown-source',
    });
  };
  for (const entry of registry.datasets.values()) {
    const d = entry.value;
    if (d.kind === 'facts') {
      for (const [key, fact] of Object.entries(d.facts)) check(fact.source, entry, ['facts', key, 'source']);
      continue;
    }
    d.sources.forEach((s, i) => {
      check(s, entry, ['sources', i]);
    });
    if (d.kind === 'timeseries') {
      for (const [sid, series] of Object.entries(d.series)) {
        for (const [period, cell] of Object.entries(series.values)) {
          if (typeof cell === 'object' && 'source' in cell)
            check(cell.source, entry, ['series', sid, 'values', period]);
          if (!d.periods.includes(period)) {
            diagnostics.push({
              file: entry.file,
              line: entry.lineOf(['series', sid, 'values', period]),
              severity: 'error',
              message: `period "${period}" is not among the dataset's periods — expected one of ${d.periods.join(', ')}`,
              rule: 'unknown-period',
            });
          }
        }
      }
    }
  }
  for (const entry of registry.claims.values()) check(entry.value.source, entry, ['source']);
  return diagnostics;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let here = data;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key as string];
  }
  return here;
}

/** Zod says "Invalid input" for a failed union; authors need what was found and what fits. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const got = value === undefined ? 'nothing' : JSON.stringify(value);
  if (issue.code === 'invalid_union') {
    return `got ${got} — expected a number, { value: <number> } or { formula: "<formula>" }`;
  }
  if (issue.code === 'invalid_type')
    return value === undefined ? `missing — expected a ${issue.expected}` : `got ${got} — expected a ${issue.expected}`;
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} — expected only the fields the schema names`;
  return `${issue.message} (got ${got})`;
}
