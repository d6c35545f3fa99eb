import { accessSync, constants } from 'node:fs';

/** Where Chromium is looked for, in order: explicit env settings first, then Debian's package. */
export const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findBrowser(env: Record<string, string | undefined> = process.env): string {
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const path = env[name];
    if (!path) continue;
    if (isExecutable(path)) return path;
    throw new Error(`${name}=${path} is not an executable file — expected the path of a Chromium or Chrome binary`);
  }
  const found = BROWSER_CANDIDATES.find(isExecutable);
  if (found) return found;
  throw new Error(
    "no Chromium found — run `npm run setup` (installs Debian's chromium), or set PUPPETEER_EXECUTABLE_PATH to a Chromium binary",
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Flags for every Chromium this project starts (the PDF step, blacklines, screenshots and the
 * Playwright tests), so the tests see the browser the PDF is printed with: quiet and offline on a
 * closed network, no GPU, shared memory in /tmp rather than a small /dev/shm (large documents),
 * and unhinted glyph outlines, as a print wants them.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];
