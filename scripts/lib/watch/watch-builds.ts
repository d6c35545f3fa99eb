import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { CHAPTERS_DIR, chapterNames, EN_CHAPTERS_DIR } from '../../../src/lib/document/chapter-files.ts';
import { PDF_FILE } from '../print/editions.ts';
import { launchPrintBrowser } from '../print/launch.ts';
import { sourceCommit } from '../publish/commit.ts';
import { readPrintState } from '../units/print-state.ts';
import { quickPdf } from '../units/quick-pdf.ts';
import { type LiveSite, startLiveSite } from './dev-server.ts';
import { type ChangedFile, watchAndBuild } from './watch.ts';

/** The PDFs a save can bring first, and which saves touch each. */
const EDITIONS = [
  { pdf: PDF_FILE.zh, touches: (file: string) => !file.startsWith(`${EN_CHAPTERS_DIR}/`) },
  { pdf: PDF_FILE.en, touches: (file: string) => !file.startsWith(`${CHAPTERS_DIR}/`) },
] as const;

/** Renders of a page that shows no change yet before the save is taken to change nothing printed. */
const UNCHANGED_RETRIES = 15;

/** Options after which the output is not dist/ printed by units, so the PDF-first path does not apply. */
const NOT_DEFAULT = new Set(['--out', '--stage', '--lang', '--no-pdf', '--check', '--timings']);

/**
 * `npm run build -- --watch`. Each build runs as a child process: a fresh process per build holds
 * no memory or module state from the last, and a crash in one build cannot end the watch.
 *
 * With the default output (dist/, both PDFs), the watch also keeps `astro dev` running (the live
 * site, which renders only what a request needs) and a Chromium, and prints by units: after a
 * save to content/ or data/, the PDF comes first (quick-pdf.ts: only the changed units are
 * printed again), then the full build brings the site, search index and schedule in line. A save
 * during a full build stops it: it was building something already out of date.
 */
export async function watchBuilds(root: string, script: string, args: string[]): Promise<number> {
  const say = (message: string) => process.stdout.write(`watch: ${message}\n`);
  // Taken before astro dev sets its own (NODE_ENV): the builds run as `npm run build` would.
  const env: NodeJS.ProcessEnv = { ...process.env, PROSPECTUS_PRINT: process.env['PROSPECTUS_PRINT'] ?? 'units' };
  const quick = !args.some((arg) => NOT_DEFAULT.has(arg.split('=')[0] ?? '')) && env['PROSPECTUS_PRINT'] === 'units';
  const out = resolve(root, 'dist');
  let child: ChildProcess | undefined;
  let interrupted = false;
  let live: LiveSite | undefined;
  let browser: Browser | undefined;

  const fullBuild = () =>
    new Promise<number | 'interrupted'>((done) => {
      interrupted = false;
      // The channel ends the build should this process be killed outright (follow-parent.ts).
      child = spawn(process.execPath, [script, ...args], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env });
      child.once('exit', (code, signal) => {
        child = undefined;
        done(interrupted ? 'interrupted' : (code ?? (signal ? 1 : 0)));
      });
    });

  /** astro dev and Chromium, started once the first build has published something to start from. */
  const startFastPath = async () => {
    const t0 = performance.now();
    const english = (chapterNames(root, EN_CHAPTERS_DIR) ?? []).length > 0;
    process.env['PROSPECTUS_PDF'] = '1';
    process.env['PROSPECTUS_PDF_EN'] = english ? '1' : '0';
    process.env['PROSPECTUS_COMMIT'] = sourceCommit(root);
    live = await startLiveSite(root);
    browser = await launchPrintBrowser(undefined, true);
    // The first request compiles every chapter: done now, not on the first save.
    for (const { pdf } of EDITIONS) {
      const state = await readPrintState(root, out, pdf);
      if (state) await fetch(`${live.url}${state.path}`).then((r) => r.text());
    }
    say(
      `live site at ${live.url}/ (astro dev); a save to content/ or data/ prints the PDF first (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  };

  const pdfFirst = async (changed: ChangedFile[]) => {
    if (!live || !browser) return;
    const inputs = changed.filter((c) => c.file.startsWith('content/') || c.file.startsWith('data/'));
    if (inputs.length === 0 || inputs.length !== changed.length) return;
    const t0 = performance.now();
    // astro dev must have seen the save before it is asked for the page.
    for (const { file, at } of inputs) {
      if (existsSync(join(root, file))) await live.seen(join(root, file), at - 1000, 2000);
    }
    process.env['PROSPECTUS_COMMIT'] = sourceCommit(root);
    for (const edition of EDITIONS) {
      if (!inputs.some((c) => edition.touches(c.file))) continue;
      if (!existsSync(join(out, edition.pdf))) continue;
      try {
        const devUrl = live.url;
        const chromium = browser;
        const attempt = () =>
          quickPdf({ root, out, pdf: edition.pdf, devUrl, browser: chromium, log: (m) => say(`  ${m}`) });
        let result = await attempt();
        // astro dev's content layer takes the saved chapter in a moment after its watcher sees the
        // file: a page that shows no change yet is asked for again, for a few seconds.
        for (let tries = 0; result.outcome === 'unchanged' && tries < UNCHANGED_RETRIES; tries++) {
          await new Promise((wait) => setTimeout(wait, 200));
          result = await attempt();
        }
        const seconds = ((performance.now() - t0) / 1000).toFixed(1);
        if (result.outcome === 'published') {
          say(
            `PDF first: ${edition.pdf} updated in ${seconds} s (${result.reprinted.join(', ')} printed again, ${result.pages} pages); the full build follows for the site, search and schedule`,
          );
        } else if (result.outcome === 'declined') {
          say(`PDF first: not for this save (${result.reason}); the full build prints ${edition.pdf}`);
        } else if (result.outcome === 'unchanged') {
          say(`PDF first: the save changes no printed page of ${edition.pdf} that astro dev shows`);
        } else if (result.outcome === 'rejected') {
          say(`PDF first: ${edition.pdf} unchanged: ${result.reason}; the full build names the problem`);
          return;
        }
      } catch (e) {
        say(`PDF first: ${edition.pdf} not printed (${(e as Error).message.split('\n')[0]}); the full build prints it`);
        // A browser that failed once is not trusted with the next save.
        await browser?.close().catch(() => {});
        browser = await launchPrintBrowser(undefined, true).catch(() => undefined);
        if (!browser) return;
      }
    }
  };

  let triedFastPath = false;
  const watcher = watchAndBuild({
    root,
    dirs: ['content', 'data', 'components', 'src'],
    log: say,
    interrupt: () => {
      if (!child) return;
      interrupted = true;
      child.kill('SIGTERM');
    },
    build: async (changed) => {
      if (changed.length > 0) await pdfFirst(changed);
      const code = await fullBuild();
      if (quick && !triedFastPath && code === 0) {
        triedFastPath = true;
        await startFastPath().catch((e: Error) =>
          say(`no live site or PDF-first path: ${e.message.split('\n')[0]}; every save runs the full build`),
        );
      }
      return code;
    },
  });
  await new Promise<void>((stop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        watcher.stop();
        // Ctrl+C reaches the whole process group, the build in progress included, and it cleans
        // up on its own; a SIGTERM is for this process alone and is passed on.
        if (signal === 'SIGTERM') child?.kill(signal);
        stop();
      });
    }
  });
  await watcher.idle();
  await browser?.close().catch(() => {});
  await live?.stop().catch(() => {});
  say('stopped');
  return 0;
}
