import { checkIntegrity } from './data/integrity.ts';
import { loadRegistry, type Registry } from './data/load.ts';
import { Resolver } from './data/resolve.ts';
import { DiagnosticError } from './diagnostics.ts';
import { type TieOutResult, tieOut, tieOutDiagnostics } from './tieout.ts';

/**
 * The loaded, validated and tied-out project, once per process. Components call this during
 * the Astro build; a data error throws every record at once, and in `astro dev` it shows in the
 * error overlay instead of a half-right page.
 */
export interface Project {
  registry: Registry;
  resolver: Resolver;
  tieOut: TieOutResult[];
}

let cached: Project | undefined;

export function project(root = process.cwd()): Project {
  if (cached && cached.registry.root === root) return cached;
  const { registry, diagnostics } = loadRegistry(root);
  if (!registry) throw new DiagnosticError(diagnostics);
  const resolver = new Resolver(registry);
  // The same order as the build's check, so `astro dev` reports a broken formula at its line too.
  const integrity = checkIntegrity(resolver);
  if (integrity.length > 0) throw new DiagnosticError(integrity);
  const results = tieOut(resolver);
  const failures = tieOutDiagnostics(results);
  if (failures.length > 0) throw new DiagnosticError(failures);
  cached = { registry, resolver, tieOut: results };
  return cached;
}

export function sourceNames(registry: Registry, ids: readonly string[]): string[] {
  return ids.map((id) => registry.sources.get(id)?.value.name ?? id);
}
