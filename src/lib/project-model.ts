import type { Occurrence } from './check/content-model.ts';
import type { Registry } from './data/registry.ts';
import type { Resolver } from './data/resolve.ts';
import type { ResolvedRef, Structure } from './document/cross-refs.ts';
import type { TieOutResult } from './tieout/tieout.ts';

/*
 * The project's shape, apart from the check that makes it (project.ts): the chapter check, the
 * render models and the stage gates take a Project and are called by that check.
 */

/** The loaded, validated and tied-out project, with every bound component its chapters use. */
export interface Project {
  registry: Registry;
  resolver: Resolver;
  tieOut: TieOutResult[];
  /** Filled in once the chapters are checked; the chapter check itself reads the data above. */
  occurrences: Occurrence[];
  /** The same for the English edition (its placeholders on the English home page). */
  englishOccurrences?: Occurrence[];
  /** Each edition's chapters and sections (titles as they are now), and the references to them. */
  structure: Structure;
  crossRefs: ResolvedRef[];
}
