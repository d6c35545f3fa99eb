import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core';
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
