import type { Diagnostic } from '../diagnostics.ts';
import type { Project } from '../project-model.ts';
import type { Stage } from '../schema/document.ts';
import type { Occurrence } from './content-model.ts';

/** A final prospectus carries no placeholder and no missing cover detail (name, date, stock code). */
export function stageGates(project: Project, occurrences: readonly Occurrence[], stage: Stage): Diagnostic[] {
  if (stage !== 'final') return [];
  const doc = project.registry.document;
  const diagnostics: Diagnostic[] = occurrences
    .filter((o) => o.component === 'Placeholder')
    .map((o) => ({
      file: o.file,
      line: o.line,
      severity: 'error' as const,
      message: `placeholder "${String(o.props['title'])}" in a final build — expected the missing material to be supplied`,
      rule: 'final-placeholder',
    }));
  for (const field of ['company', 'date'] as const) {
    if (doc.value[field] === null) {
      diagnostics.push({
        file: doc.file,
        line: doc.lineOf([field]),
        severity: 'error',
        message: `${field} is not set in a final build — expected the ${field === 'company' ? "issuer's name" : 'date of the prospectus'}`,
        rule: 'final-placeholder',
      });
    }
  }
  // The prospectus cover names the stock code the Exchange allotted; a draft may print none.
  if (doc.value.stockCode == null) {
    diagnostics.push({
      file: doc.file,
      line: doc.lineOf(['stockCode']),
      severity: 'error',
      message:
        'stockCode is not set in a final build — expected the stock code the Stock Exchange allotted, for the cover',
      rule: 'final-placeholder',
    });
  }
  return diagnostics;
}
