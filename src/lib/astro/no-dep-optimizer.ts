import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/**
 * Vite's dependency optimizer off for `astro build`. It pre-bundles dependencies for a dev
 * server's browser, yet a build starts such a server too (to load the content collections), and
 * Astro gives its client environment two dev-toolbar modules to pre-bundle. The optimizer keys its
 * cache by the project's path, in the node_modules/.vite that every copy of the project shares
 * (blackline drafts, benchmark and test copies): each copy found the cache "changed", bundled
 * again and wrote over the cache another copy might be reading. Vite turns the optimizer off when
 * discovery is off and nothing is listed to include; this plugin empties the list last, after
 * Astro's. `astro dev` keeps the optimizer: there the browser loads the pre-bundled modules.
 */
export function noDepOptimizerInBuild(): AstroIntegration {
  const plugin: Plugin = {
    name: 'prospectus:no-dep-optimizer',
    enforce: 'post',
    configEnvironment(_name, options) {
      options.optimizeDeps = { ...options.optimizeDeps, noDiscovery: true, include: [] };
    },
  };
  return {
    name: 'prospectus:no-dep-optimizer-in-build',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
