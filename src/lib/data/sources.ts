import type { Registry } from './registry.ts';

/** Source ids as a reviewer reads them: the names in data/sources.yaml. */
export function sourceNames(registry: Registry, ids: readonly string[]): string[] {
  return ids.map((id) => registry.sources.get(id)?.value.name ?? id);
}
