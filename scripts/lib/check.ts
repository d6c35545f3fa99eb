import { checkContent, type Occurrence } from '../../src/lib/check-content.ts';
import { checkIntegrity } from '../../src/lib/data/integrity.ts';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { Resolver } from '../../src/lib/data/resolve.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { parityDiagnostics } from '../../src/lib/parity.ts';
import type { Project } from '../../src/lib/project.ts';
import type { Stage } from '../../src/lib/schema/document.ts';
import { effectiveStage } from '../../src/lib/stage.ts';
import { tieOut, tieOutDiagnostics } from '../../src/lib/tieout.ts';
import { stageGates } from './stage-gates.ts';

export interface CheckResult {
  project?: Project;
  diagnostics: Diagnostic[];
  occurrences: Occurrence[];
  /** The English edition's bound components (its figure-context coverage). */
  englishOccurrences: Occurrence[];
}

/** Data, tie-out and chapters, checked in that order; later stages run only on valid input. */
export function checkProject(root: string, stageOverride?: Stage): CheckResult {
  const { registry, diagnostics } = loadRegistry(root);
  if (!registry) return { diagnostics, occurrences: [], englishOccurrences: [] };
  const resolver = new Resolver(registry);
  const integrity = checkIntegrity(resolver);
  if (integrity.length > 0)
    return { diagnostics: [...diagnostics, ...integrity], occurrences: [], englishOccurrences: [] };
  const results = tieOut(resolver);
  const project: Project = { registry, resolver, tieOut: results };
  const content = checkContent(root, project);
  const stage = stageOverride ?? effectiveStage(registry.document.value);
  return {
    project,
    diagnostics: [
      ...diagnostics,
      ...tieOutDiagnostics(results),
      ...content.diagnostics,
      // Parity compares valid editions: on a broken chapter it would only repeat the breakage.
      ...(content.diagnostics.some((d) => d.severity === 'error') ? [] : parityDiagnostics(content.chapters)),
      ...stageGates(project, content.occurrences, stage),
    ],
    occurrences: content.occurrences,
    englishOccurrences: content.englishOccurrences,
  };
}
