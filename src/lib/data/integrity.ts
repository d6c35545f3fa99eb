import type { Diagnostic } from '../diagnostics.ts';
import { RefError } from './figure.ts';
import type { Located } from './registry.ts';
import type { Resolver } from './resolve.ts';
import { checkStatement } from './statement.ts';

/**
 * Resolves every value of every dataset once, so a broken formula or a formula naming an
 * unknown series is reported at its own line even if no chapter shows that value yet.
 */
export function checkIntegrity(resolver: Resolver): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const entry of resolver.registry.datasets.values()) {
    const d = entry.value;
    const refs: { ref: string; path: PropertyKey[] }[] = [];
    if (d.kind === 'timeseries') {
      diagnostics.push(...checkStatement(resolver, entry as Located<typeof d>));
      for (const [series, s] of Object.entries(d.series)) {
        for (const period of d.periods) {
          const path =
            s.values[period] !== undefined ? ['series', series, 'values', period] : ['series', series, 'formula'];
          refs.push({ ref: `${d.id}.${series}@${period}`, path });
        }
      }
    } else if (d.kind === 'facts') {
      for (const [fact, f] of Object.entries(d.facts)) {
        if (f.formula !== undefined) refs.push({ ref: `${d.id}.${fact}`, path: ['facts', fact, 'formula'] });
      }
    } else if (d.kind === 'table') {
      for (const [row, cells] of Object.entries(d.rows)) {
        for (const [column, cell] of Object.entries(cells)) {
          if (typeof cell === 'number' || (typeof cell === 'object' && cell !== null)) {
            refs.push({ ref: `${d.id}.${row}@${column}`, path: ['rows', row, column] });
          }
        }
      }
    }
    const seen = new Set<string>();
    for (const { ref, path } of refs) {
      try {
        resolver.figure(ref);
      } catch (e) {
        if (!(e instanceof RefError)) throw e;
        const line = entry.lineOf(path);
        const key = `${line}:${e.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push({
          file: entry.file,
          line,
          severity: 'error',
          message: `${ref}: ${e.message}`,
          rule: 'formula',
        });
      }
    }
  }
  return diagnostics;
}
