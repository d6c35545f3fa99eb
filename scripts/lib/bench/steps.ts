/** The two things the bench times: our build (whole, in its own process tree) and raw Chromium printing the same page. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPdf } from '../pdf/pdf-read.ts';
import { launchChromium, printFontsEnv } from '../print/launch.ts';
import { waitForPrintReady } from '../print/page-ready.ts';
import { serveStatic } from '../print/serve.ts';
import { startTreeSampler } from './memory.ts';
import { type Baseline, BenchError, type Build } from './model.ts';

/**
 * The baseline: page.pdf of the same URL with no contents pass and no post-processing. Like the
 * PDF step it loads the page with print media emulated (else the charts would redraw for print,
 * work the PDF step never does) and waits as it does for fonts, charts and the running heads' faces,
 * so both print the same, finished layout, with the same whole print fonts (found before the
 * clock starts: preparing them is our work, not the baseline's).
 */
export async function rawChromium(siteDir: string, path: string, outFile: string): Promise<Baseline> {
  const server = await serveStatic(siteDir, 0, { printFonts: true });
  const env = printFontsEnv();
  const t0 = performance.now();
  const browser = await launchChromium({ protocolTimeout: 600_000, env });
  const sampler = startTreeSampler(browser.process()?.pid ?? 0);
  try {
    const page = await browser.newPage();
    await page.emulateMediaType('print');
    await page.goto(`${server.url}${path}`, { waitUntil: 'load', timeout: 300_000 });
    await waitForPrintReady(page, 300_000);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 600_000 });
    const seconds = (performance.now() - t0) / 1000;
    const { peakPssMb } = sampler.stop();
    writeFileSync(outFile, pdf);
    return { seconds, pages: (await openPdf(pdf)).numPages, peakPssMb };
  } finally {
    sampler.stop();
    await browser.close();
    await server.close();
  }
}

/** One build of the synthetic project, its own process tree sampled while it runs. */
export async function build(dir: string, env: Record<string, string> = {}): Promise<Build> {
  const timingsFile = join(dir, 'timings.json');
  const child: ChildProcess = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--timings', timingsFile], {
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764115200', PROSPECTUS_STAGE: 'publication', ...env },
    // The channel ends the build should the bench be killed (follow-parent.ts).
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const sampler = startTreeSampler(child.pid ?? 0);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const started = performance.now();
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const wallS = (performance.now() - started) / 1000;
  const { peakPssMb } = sampler.stop();
  if (status !== 0) throw new BenchError(`build in ${dir} failed:\n${stderr}`);
  const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  if (timings['leak_scan_s'] === undefined) throw new BenchError(`build in ${dir} ran no leak scan:\n${stderr}`);
  return { timings, peakPssMb, wallS, stderr };
}
