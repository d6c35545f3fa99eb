/**
 * Errors meant for authors are records, not stack traces: a lawyer editing a chapter needs
 * `file:line: error: what — expected [rule]`, not a Vite trace.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  severity: Severity;
  message: string;
  rule: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}: ${d.severity}: ${d.message} [${d.rule}]`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Thrown when a stage must stop; carries every record found so far, not just the first. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.map(formatDiagnostic).join('\n')}\n${summarize(diagnostics)}`);
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

/** Closest known name, so `global-clod` suggests `global-cloud`. */
export function nearest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = levenshtein(name, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

export function didYouMean(name: string, known: Iterable<string>): string {
  const hit = nearest(name, known);
  return hit ? ` (did you mean "${hit}"?)` : '';
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
