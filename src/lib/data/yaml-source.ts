import { isNode, LineCounter, type Node, parseDocument } from 'yaml';
import { memoByText } from '../check/parse-memo.ts';
import type { Diagnostic } from '../diagnostics.ts';

/**
 * A parsed YAML file that remembers where each value came from, so a schema error or a
 * tie-out mismatch can point at `data/…yaml:line` instead of at a JSON path.
 */
export interface YamlSource {
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** One parse per file and text for the life of the process (parse-memo.ts); results are only read. */
const parsed = memoByText((key: string) => {
  const at = key.indexOf('\u0000');
  return parseYamlNow(key.slice(0, at), key.slice(at + 1));
});

export function parseYaml(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  return parsed(`${file}\u0000${text}`);
}

function parseYamlNow(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      file,
      line: pos?.line,
      column: pos?.col,
      severity: 'error' as const,
      message: `${e.message.split('\n')[0]} — expected valid YAML`,
      rule: 'yaml-syntax',
    };
  });
  if (diagnostics.length > 0) return { diagnostics };
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    // Walk down as far as the path exists: a missing field is reported at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth).map(String), true);
      if (isNode(node) && (node as Node).range) {
        return lineCounter.linePos((node as Node).range?.[0] ?? 0).line;
      }
      const pairKey = depth > 0 ? findKeyLine(doc, path.slice(0, depth), lineCounter) : undefined;
      if (pairKey !== undefined) return pairKey;
    }
    return undefined;
  };
  return { source: { file, data: doc.toJS(), lineOf }, diagnostics };
}

function findKeyLine(
  doc: ReturnType<typeof parseDocument>,
  path: readonly PropertyKey[],
  lineCounter: LineCounter,
): number | undefined {
  const parent = doc.getIn(path.slice(0, -1).map(String), true) as { items?: unknown[] } | undefined;
  const key = String(path.at(-1));
  for (const item of parent?.items ?? []) {
    const pair = item as { key?: { value?: unknown; range?: [number, number, number] } };
    if (pair.key && String(pair.key.value) === key && pair.key.range) {
      return lineCounter.linePos(pair.key.range[0]).line;
    }
  }
  return undefined;
}
