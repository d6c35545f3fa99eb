import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core';
import { printFontConfig } from '../fonts/print-fonts.ts';
import { RenderError } from '../pdf/render-error.ts';
import { CHROMIUM_ARGS, findBrowser } from './browser.ts';

/**
 * Starts Chromium for Puppeteer over a pipe rather than a debugging port. Chromium exits when the
 * pipe closes, which the kernel does when our process dies, however it dies: a build killed with
 * SIGKILL (an interrupted `--watch`, CI ending a job) takes its Chromium with it. Over a port,
 * Chromium would be left running with nobody to close it.
 */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    args: CHROMIUM_ARGS,
    ...options,
    executablePath: options.executablePath ?? findBrowser(),
    pipe: true,
  });
}

/**
 * Every request but to loopback (where the site is served; Chromium never proxies loopback) goes
 * to a proxy on a closed local port, and fails there: nothing reaches the network, not even a
 * DNS lookup or an address typed as numbers.
 */
const NO_NETWORK = '--proxy-server=127.0.0.1:9';

/**
 * The environment of a Chromium that prints a page served with `printFonts` (serve.ts): the whole
 * print fonts on its fontconfig path (print-fonts.ts), for the page's `local()` faces.
 */
export function printFontsEnv(): NodeJS.ProcessEnv {
  return { ...process.env, FONTCONFIG_FILE: printFontConfig() };
}

/** Chromium as the PDF step runs it: headless, nothing reaches the network, the print fonts found. */
export async function launchPrintBrowser(
  browserPath?: string,
  /** A long-lived browser (the watch's) leaves Ctrl+C to its owner: Puppeteer would end the process. */
  ownerHandlesSignals = false,
): Promise<Browser> {
  let executablePath: string;
  let env: NodeJS.ProcessEnv;
  try {
    executablePath = browserPath ?? findBrowser();
    env = printFontsEnv();
  } catch (e) {
    throw new RenderError((e as Error).message);
  }
  return launchChromium({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, NO_NETWORK],
    env,
    protocolTimeout: 600_000,
    ...(ownerHandlesSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
  }).catch((e: Error) => {
    throw new RenderError(`Chromium at ${executablePath} failed to start: ${e.message.split('\n')[0]}`);
  });
}
