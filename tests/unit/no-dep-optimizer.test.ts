import type { AstroIntegration } from 'astro';
import { resolveConfig, type UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { noDepOptimizerInBuild } from '../../src/lib/astro/no-dep-optimizer.ts';

/** What the integration adds to Vite's config for an Astro command. */
function viteConfigFor(command: 'build' | 'dev'): UserConfig {
  let added: UserConfig = {};
  const setup = noDepOptimizerInBuild().hooks['astro:config:setup'] as (options: unknown) => void;
  setup({ command, updateConfig: (c: { vite?: UserConfig }) => (added = c.vite ?? {}) });
  return added;
}

// What Astro's own environment plugin asks the client environment to pre-bundle (the dev toolbar).
const ASTRO_CLIENT_DEPS = { optimizeDeps: { include: ['astro > html-escaper'] } };

describe('the dependency optimizer in an Astro build', () => {
  it('is off in a build: nothing to pre-bundle and no discovery, whatever Astro listed', async () => {
    const resolved = await resolveConfig(
      { ...viteConfigFor('build'), configFile: false, logLevel: 'silent', environments: { client: ASTRO_CLIENT_DEPS } },
      'serve',
    );
    const client = resolved.environments['client']?.optimizeDeps;
    expect(client?.include ?? []).toEqual([]);
    expect(client?.noDiscovery).toBe(true);
  });

  it('stays on in astro dev, where the browser loads the pre-bundled modules', async () => {
    expect(viteConfigFor('dev')).toEqual({});
    const resolved = await resolveConfig(
      { configFile: false, logLevel: 'silent', environments: { client: ASTRO_CLIENT_DEPS } },
      'serve',
    );
    expect(resolved.environments['client']?.optimizeDeps.include).toEqual(['astro > html-escaper']);
  });

  it('is registered in astro.config.mjs', async () => {
    const config = (await import('../../astro.config.mjs')).default as { integrations?: AstroIntegration[] };
    expect(config.integrations?.map((i) => i.name)).toContain('prospectus:no-dep-optimizer-in-build');
  });
});
