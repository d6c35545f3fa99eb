import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/lib/print/serve.ts';
import { RenderError, renderPdf } from '../../scripts/lib/render-pdf.ts';
import { ROOT, TEST_DIST, TEST_EPOCH } from '../build-once.ts';
import { leftRunning, marked, processMark } from '../processes.ts';
import { editFile, projectCopy } from '../sample-copy.ts';

const META = { title: 't', author: 'a', subject: 's', language: 'zh-Hant-HK', keywords: [], date: new Date(0) };

/** A one-page site for the renderer, ready for print unless the test says otherwise. */
function tinySite(body: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="zh-Hant-HK"><head><link rel="icon" href="data:,"></head>${body}</html>`,
  );
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}
const ready = '<body><script>document.documentElement.dataset.chartsReady = "true"</script><p>正文</p>';
const render = (siteDir: string, more: Partial<Parameters<typeof renderPdf>[0]> = {}) =>
  renderPdf({ siteDir, path: '/', outFile: join(siteDir, 'out.pdf'), metadata: META, ...more });

describe("faults outside the author's control give one clear message", () => {
  it('a chart that never draws is named', async () => {
    const site = tinySite(
      '<body><figure data-chart id="fig-hang"></figure><script>window.__prospectus = { charts: { "fig-hang": "pending" }, errors: [] }</script>',
    );
    await expect(render(site, { readyTimeoutMs: 1500 })).rejects.toThrow(/charts not ready after 1\.5 s: fig-hang/);
    expect(existsSync(join(site, 'out.pdf'))).toBe(false);
  });

  it('a request outside the site is blocked and reported', async () => {
    const site = tinySite(`${ready}<img src="http://example.invalid/logo.png" alt="">`);
    await expect(render(site)).rejects.toThrow(
      /blocked a request outside the site: http:\/\/example\.invalid\/logo\.png/,
    );
  });

  it('a request to an address typed as numbers never reaches it', async () => {
    // This machine's own non-loopback address stands in for a host on the network.
    const address = Object.values(networkInterfaces())
      .flat()
      .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
    expect(address, 'a non-loopback IPv4 address on this machine').toBeDefined();
    let reached = 0;
    const listener = createHttpServer((_req, res) => {
      reached++;
      res.end();
    });
    await new Promise<void>((ok) => listener.listen(0, address, ok));
    const url = `http://${address}:${(listener.address() as { port: number }).port}/logo.png`;
    try {
      const site = tinySite(`${ready}<img src="${url}" alt="">`);
      await expect(render(site)).rejects.toThrow(`blocked a request outside the site: ${url}`);
      expect(reached).toBe(0);
    } finally {
      listener.close();
    }
  });

  it('a missing font file fails the render', async () => {
    const css = '@font-face { font-family: X; src: url(/missing.woff2) format("woff2"); } body { font-family: X; }';
    const site = tinySite(`<link rel="stylesheet" href="/fonts.css">${ready}`, { 'fonts.css': css });
    await expect(render(site)).rejects.toThrow(/HTTP 404 for http:\/\/127\.0\.0\.1:\d+\/missing\.woff2/);
  });

  it('Chromium that cannot be found or started', async () => {
    const site = tinySite(ready);
    const saved = process.env['PUPPETEER_EXECUTABLE_PATH'];
    process.env['PUPPETEER_EXECUTABLE_PATH'] = '/nonexistent/chromium';
    try {
      await expect(render(site)).rejects.toThrow(
        /PUPPETEER_EXECUTABLE_PATH=\/nonexistent\/chromium is not an executable file/,
      );
    } finally {
      if (saved === undefined) delete process.env['PUPPETEER_EXECUTABLE_PATH'];
      else process.env['PUPPETEER_EXECUTABLE_PATH'] = saved;
    }
    await expect(render(site, { browserPath: '/bin/false' })).rejects.toBeInstanceOf(RenderError);
    await expect(render(site, { browserPath: '/bin/false' })).rejects.toThrow(
      /Chromium at \/bin\/false failed to start/,
    );
  });

  it('poppler-utils (pdftotext) that cannot be found', async () => {
    const site = tinySite(ready);
    const saved = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await expect(render(site, { pageTexts: true })).rejects.toThrow(
        /^(pdfinfo|pdftotext) not found — run `npm run setup` \(installs poppler-utils\)/,
      );
    } finally {
      process.env['PATH'] = saved;
    }
    expect(existsSync(join(site, 'out.pdf'))).toBe(false);
  });

  it('a port that is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const port = (blocker.address() as { port: number }).port;
    await expect(serveStatic(TEST_DIST, port)).rejects.toThrow(
      `cannot serve ${TEST_DIST} on 127.0.0.1:${port}: port is taken`,
    );
    blocker.close();
  });
});

/** A copy of the project, with a stand-in for the PDF already sent for review. */
function projectWithOutput(): string {
  const dir = projectCopy();
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'prospectus.pdf'), 'the PDF already sent for review');
  return dir;
}

function build(dir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(dir, 'scripts/build.ts')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, ...env },
  });
}

describe('a failed build keeps the last good output', () => {
  const cases = [
    {
      name: 'an unclosed component tag added to the chapter',
      file: 'content/chapters/industry-overview.mdx',
      find: '<DataTable dataset="china-edge-ranking-2022" />',
      replace: '<DataTable dataset="china-edge-ranking-2022">',
      message: /content\/chapters\/industry-overview\.mdx:\d+:1: error: Expected a closing tag for `<DataTable>`/,
    },
    {
      name: 'a chart pointed at a dataset id that does not exist',
      file: 'content/chapters/industry-overview.mdx',
      find: 'dataset="china-edge" series="network',
      replace: 'dataset="china-edges" series="network',
      message: /content\/chapters\/industry-overview\.mdx:\d+:1: error: <Chart>: unknown dataset "china-edges"/,
    },
    {
      name: 'a number in a data file replaced by text',
      file: 'data/datasets/china-edge.yaml',
      find: '"2022": 349',
      replace: '"2022": three-four-nine',
      message: /data\/datasets\/china-edge\.yaml:\d+: error: series\.network\.values\.2022: got "three-four-nine"/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const dir = projectWithOutput();
      editFile(dir, c.file, c.find, c.replace);
      const result = build(dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(c.message);
      expect(result.stderr).toMatch(/\d+ errors?, \d+ warnings?; nothing was written\./);
      expect(readFileSync(join(dir, 'dist', 'prospectus.pdf'), 'utf8')).toBe('the PDF already sent for review');
    });
  }

  it('a render that fails late (no browser) leaves dist/ and no half-built folder', () => {
    const dir = projectWithOutput();
    const result = build(dir, { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: PUPPETEER_EXECUTABLE_PATH=\/nonexistent\/chromium is not an executable file/);
    expect(result.stderr).toContain('The previous dist/ is unchanged.');
    expect(readdirSync(join(dir, 'dist'))).toEqual(['prospectus.pdf']);
    expect(readFileSync(join(dir, 'dist', 'prospectus.pdf'), 'utf8')).toBe('the PDF already sent for review');
    expect(readdirSync(join(dir, '.build')).filter((f) => f.startsWith('site-'))).toEqual([]);
  }, 120_000);
});

describe('an interrupted build', () => {
  it('killed outright, leaves dist/ untouched and nothing running; the next build sweeps its work folder', async () => {
    const dir = projectWithOutput();
    const { env, mark } = processMark();
    const child = spawn(process.execPath, [join(dir, 'scripts/build.ts')], {
      cwd: dir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((ok) => {
      child.stderr.on('data', (d: Buffer) => {
        // Mid-print: the site is built in its work folder, the PDF not yet written.
        if (d.toString().includes('printing the PDF')) ok();
      });
    });
    const running = marked(mark);
    child.kill('SIGKILL');
    await new Promise((ok) => child.on('close', ok));
    // Nothing it started runs on: Chromium, had it started, ended with it.
    expect(await leftRunning(mark, running, 10_000)).toEqual([]);
    expect(readdirSync(join(dir, 'dist'))).toEqual(['prospectus.pdf']);
    expect(readFileSync(join(dir, 'dist', 'prospectus.pdf'), 'utf8')).toBe('the PDF already sent for review');
    expect(readdirSync(join(dir, '.build'))).toContain(`site-${child.pid}`);

    const again = build(dir);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(join(dir, '.build')).filter((f) => /^(site|old)-\d+$/.test(f))).toEqual([]);
    expect(
      readFileSync(join(dir, 'dist', 'prospectus.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 180_000);
});

describe('determinism', () => {
  it('two builds of the same sources with SOURCE_DATE_EPOCH give the same PDF bytes', () => {
    // The Chinese PDF is the one compared: the second build prints only it (the site is built
    // whole either way), which spares the English print and changes nothing the first build wrote.
    execFileSync(
      process.execPath,
      [join(ROOT, 'scripts/build.ts'), '--lang', 'zh', '--out', '.build/test-dist-again'],
      {
        cwd: ROOT,
        stdio: 'ignore',
        env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
      },
    );
    const first = readFileSync(join(TEST_DIST, 'prospectus.pdf'));
    const second = readFileSync(join(ROOT, '.build/test-dist-again/prospectus.pdf'));
    expect(second.length).toBe(first.length);
    expect(second.equals(first)).toBe(true);
  }, 180_000);
});
