import { checkContent } from './check/check-content.ts';
import type { Occurrence } from './check/content-model.ts';
import { parityDiagnostics } from './check/parity.ts';
import { stageGates } from './check/stage-gates.ts';
import { dataGeneration } from './data/dev-data-watch.ts';
import { checkIntegrity } from './data/integrity.ts';
import { loadRegistry } from './data/load.ts';
import { Resolver } from './data/resolve.ts';
import { type Diagnostic, DiagnosticError } from './diagnostics.ts';
import { effectiveStage } from './document/stage.ts';
import type { Project } from './project-model.ts';
import type { Stage } from './schema/document.ts';
import { tieOut, tieOutDiagnostics } from './tieout/tieout.ts';

export interface CheckResult {
  project?: Project;
  diagnostics: Diagnostic[];
  occurrences: Occurrence[];
  /** The English edition's bound components (its figure-context coverage). */
  englishOccurrences: Occurrence[];
}

/**
 * The one check: data, formulas, tie-out, chapters and stage gates, in that order; later steps
 * run only on valid input. `npm run build`, the blackline and the Astro pages all go through it,
 * so a page can never be rendered from data the build would have refused.
 */
export function checkProject(root: string, stageOverride?: Stage): CheckResult {
  const { registry, diagnostics } = loadRegistry(root);
  if (!registry) return { diagnostics, occurrences: [], englishOccurrences: [] };
  const resolver = new Resolver(registry);
  const integrity = checkIntegrity(resolver);
  if (integrity.length > 0) {
    return { diagnostics: [...diagnostics, ...integrity], occurrences: [], englishOccurrences: [] };
  }
  const results = tieOut(resolver);
  const project: Project = {
    registry,
    resolver,
    tieOut: results,
    occurrences: [],
    structure: { zh: new Map(), en: new Map() },
    crossRefs: [],
  };
  const stage = stageOverride ?? effectiveStage(registry.document.value);
  const content = checkContent(root, project, stage);
  project.occurrences = content.occurrences;
  project.englishOccurrences = content.englishOccurrences;
  project.structure = content.structure;
  project.crossRefs = content.crossRefs;
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

let cached: { project: Project; generation: number } | undefined;

/**
 * The checked project, once per process, for components and pages during the Astro build. Any
 * error throws every record at once; in `astro dev` they show in the error overlay instead of a
 * half-right page. In `astro dev` an edit under data/ or content/ makes the next call check again.
 */
export function project(root = process.cwd()): Project {
  const generation = dataGeneration();
  if (cached && cached.project.registry.root === root && cached.generation === generation) return cached.project;
  const check = checkProject(root);
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (!check.project || errors.length > 0) throw new DiagnosticError(errors.length > 0 ? errors : check.diagnostics);
  cached = { project: check.project, generation };
  return check.project;
}
