import { relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * The data and chapters are read from disk by the one check (project.ts), not imported through
 * Vite, so `astro dev` neither sees their edits nor drops its checked copy. A process-wide counter
 * (the config and the pages load this module as separate instances, so a module variable would not
 * be shared) tells project() to check again; the browser is told to reload.
 */
const GENERATION = Symbol.for('prospectus.dataGeneration');

type WithGeneration = typeof globalThis & { [GENERATION]?: number };

/** Changes each time a data or content file changes in `astro dev`; 0 in a build. */
export function dataGeneration(): number {
  return (globalThis as WithGeneration)[GENERATION] ?? 0;
}

function bump(): void {
  const g = globalThis as WithGeneration;
  g[GENERATION] = (g[GENERATION] ?? 0) + 1;
}

/** Files whose edit changes what the check says: everything under data/ and content/. */
export function isCheckedInput(root: string, file: string): boolean {
  const path = relative(root, resolve(file));
  return !path.startsWith('..') && (path.startsWith(`data${sep}`) || path.startsWith(`content${sep}`));
}

export function devDataWatch(): AstroIntegration {
  return {
    name: 'prospectus-dev-data-watch',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const root = process.cwd();
        server.watcher.add([resolve(root, 'data'), resolve(root, 'content')]);
        const changed = (file: string) => {
          if (!isCheckedInput(root, file)) return;
          bump();
          // Chapters reload through Astro's content layer; data has no module to hot-update.
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', changed);
        server.watcher.on('add', changed);
        server.watcher.on('unlink', changed);
      },
    },
  };
}
