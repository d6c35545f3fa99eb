import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/print/launch.ts';
import { withoutVitest } from '../child-output.ts';
import { editFile, projectCopy } from '../sample-copy.ts';

/** `npm run dev` (astro dev) on a scratch copy of the project, read as an author would read it. */
const repo = projectCopy();
let child: ChildProcess | undefined;
let output = '';

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

async function waitForServer(url: string, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() - started > timeoutMs) throw new Error(`astro dev did not answer ${url}; output:\n${output}`);
      await new Promise((ok) => setTimeout(ok, 300));
    }
  }
}

/** Polls until the page answers as expected: the watcher sees a save a moment after it lands. */
async function eventually(url: string, ok: (status: number, html: string) => boolean): Promise<[number, string]> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(url);
    const html = await response.text();
    if (ok(response.status, html)) return [response.status, html];
    if (Date.now() - started > 90_000) return [response.status, html];
    await new Promise((wait) => setTimeout(wait, 300));
  }
}

afterAll(() => {
  child?.kill('SIGKILL');
});

describe('npm run dev', () => {
  it('shows a data edit on the next load, and a rejected chapter in the error overlay, not as a page', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
      cwd: repo,
      // Astro serves nothing but 404s when it believes it runs inside Vitest.
      env: { ...withoutVitest(process.env), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const page = `http://localhost:${port}/chapters/industry-overview/`;
    await waitForServer(`http://localhost:${port}/`);

    const [firstStatus, first] = await eventually(page, (status) => status === 200);
    expect(firstStatus, output).toBe(200);
    expect(first).toContain('13,769');
    expect(first).not.toContain('13,770');

    // The font slices the page's stylesheets name are served from their packages, and no other path.
    const slice = /\/_astro\/fonts\/(noto-serif-tc)@([\d.]+)\/([a-z0-9-]+\.woff2)/.exec(first);
    expect(slice, 'a Noto Serif TC slice in the page').not.toBeNull();
    const [path = '', pkg = '', version = '', file = ''] = slice ?? [];
    const font = await fetch(`http://localhost:${port}${path}`);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    const packaged = readFileSync(join(repo, 'node_modules/@fontsource', pkg, 'files', file));
    expect(Buffer.from(await font.arrayBuffer()).equals(packaged)).toBe(true);
    const otherRelease = await fetch(`http://localhost:${port}/_astro/fonts/${pkg}@${version}0/${file}`);
    expect(otherRelease.headers.get('content-type')).not.toBe('font/woff2');

    // A data edit the tie-out still accepts (the stated CAGRs allow for the rounding of the inputs).
    editFile(repo, 'data/datasets/global-cloud.yaml', '"2018": 13769,', '"2018": 13770,');
    const [, edited] = await eventually(page, (_, html) => html.includes('13,770'));
    expect(edited).toContain('13,770');

    // What the build rejects: a series the dataset does not have.
    editFile(
      repo,
      'content/chapters/industry-overview.mdx',
      '<Val of="global-cloud.global@2018" />',
      '<Val of="global-cloud.nope@2018" />',
    );
    const [brokenStatus] = await eventually(page, (status) => status !== 200);
    expect(brokenStatus).toBe(500);

    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(page);
      const overlay = await tab.waitForFunction(
        () => {
          const element = document.querySelector('vite-error-overlay');
          return element?.shadowRoot?.textContent?.includes('unknown series') ? element.shadowRoot.textContent : false;
        },
        { timeout: 30_000 },
      );
      const text = String(await overlay.jsonValue());
      expect(text).toMatch(/content\/chapters\/industry-overview\.mdx:\d+:\d+: error: <Val>: unknown series "nope"/);
    } finally {
      await browser.close();
    }
  }, 240_000);
});
