import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIR, FROM_BUILD, loadClientAssets } from '../../scripts/review/client-assets.ts';

/** A client folder holding only the modules sent from the build, as the repository has them. */
function clientWith(edit: (name: string, source: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'review-client-'));
  for (const name of Object.keys(FROM_BUILD))
    writeFileSync(join(dir, name), edit(name, readFileSync(join(CLIENT_DIR, name), 'utf8')));
  return dir;
}

describe("the review client's modules sent from the build", () => {
  it('are the build’s values, each module exactly the names its file re-exports', async () => {
    const { modules } = loadClientAssets(clientWith((_, source) => source));
    for (const [name, values] of Object.entries(FROM_BUILD)) {
      const code = modules.get(name) ?? '';
      // The module runs as the browser would run it, and gives back the build's values.
      const loaded = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, unknown>;
      expect(Object.keys(loaded).sort(), name).toEqual(Object.keys(values).sort());
      for (const [key, value] of Object.entries(values)) {
        if (typeof value === 'function') expect(String(loaded[key])).toBe(value.toString());
        else expect(loaded[key]).toEqual(value);
      }
    }
  });

  it('stop the server at start when a file does more than re-export (its code would never reach the browser)', () => {
    const dir = clientWith((name, source) =>
      name === 'state-labels.ts' ? `${source}export const extra = 1;\n` : source,
    );
    expect(() => loadClientAssets(dir)).toThrow(
      /cannot serve .*state-labels\.ts: state-labels\.ts must only re-export SIGNOFF_STATE_LABEL from src\/lib\/review\//,
    );
  });
});
