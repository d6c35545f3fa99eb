import type { Claim } from '../schema/claim.ts';
import type { Dataset } from '../schema/dataset.ts';
import type { DocumentConfig } from '../schema/document.ts';
import type { Redaction } from '../schema/redaction.ts';
import type { Source } from '../schema/source.ts';
import type { Term } from '../schema/term.ts';
import type { Timetable } from '../schema/timetable.ts';

/*
 * The shape of the loaded data, apart from the loader (load.ts): the checks the loader runs
 * (timetable order, withheld terms) take these types, and would otherwise import their caller.
 */

export interface Located<T> {
  value: T;
  file: string;
  line: number | undefined;
  /** Line of a field inside this entry, e.g. `['series', 'global', 'values', '2022']`. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface Registry {
  root: string;
  document: Located<DocumentConfig>;
  sources: Map<string, Located<Source>>;
  datasets: Map<string, Located<Dataset>>;
  claims: Map<string, Located<Claim>>;
  redactions: Map<string, Located<Redaction>>;
  /** Defined terms (data/terms.yaml, optional): the generated 釋義 and 技術詞彙表. */
  terms: Map<string, Located<Term>>;
  /** The document's dates (data/timetable.yaml, optional): the expected timetable and fixed dates. */
  timetable?: Located<Timetable> | undefined;
}
