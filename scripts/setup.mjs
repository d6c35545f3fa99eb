#!/usr/bin/env node
// npm run setup — brings what npm cannot: a Chromium to print and test with, poppler-utils
// to read PDFs in the build (pdftotext) and the tests, MuPDF's mutool, a second independent
// PDF reader for the text-layer tests, and a Java for the HTML check (the W3C Nu Html Checker
// from npm vnu-jar, in npm test). Plain JavaScript, so it also runs on the machine's own Node.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const say = (m) => process.stdout.write(`setup: ${m}\n`);
const executable = (p) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(`Usage: npm run setup

Installs, where missing, Debian's chromium (the browser that prints the PDF and runs the
browser tests), poppler-utils (pdfinfo and pdftotext, which the build reads the PDF's page
text with; pdfinfo, pdffonts, pdfimages and pdftotext for the PDF tests), mupdf-tools
(mutool, which the PDF tests read the text layer with as a reader other than poppler) and
default-jre-headless (the Java that npm test runs the W3C Nu Html Checker, vnu-jar, with;
found as $JAVA_HOME/bin/java, else java on PATH).
Needs root and apt-get; elsewhere set PUPPETEER_EXECUTABLE_PATH to a Chromium binary and
JAVA_HOME to a Java 11 or later.
`);
  process.exit(0);
}

const explicit = process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH;
const browser = explicit || CANDIDATES.find(executable);
const packages = [];
if (explicit && !executable(explicit)) {
  say(`${explicit} (from PUPPETEER_EXECUTABLE_PATH/CHROME_PATH) is not executable — fix the variable or unset it`);
  process.exit(1);
}
if (!browser) packages.push('chromium');
if (!has('pdftotext') || !has('pdffonts')) packages.push('poppler-utils');
if (!has('mutool')) packages.push('mupdf-tools');
// The same Java the HTML check looks for (tests/html-check.ts).
const javaRuns = () =>
  spawnSync(process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java', ['-version'], { stdio: 'ignore' })
    .status === 0;
if (!javaRuns()) packages.push('default-jre-headless');

if (packages.length === 0) {
  say(`ok — browser ${browser}, poppler-utils, mupdf-tools and Java present`);
  process.exit(0);
}
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root || !has('apt-get')) {
  say(`missing: ${packages.join(', ')}. Install them (Debian: sudo apt-get install -y ${packages.join(' ')}),`);
  say('or set PUPPETEER_EXECUTABLE_PATH to a Chromium binary (and JAVA_HOME to a Java).');
  process.exit(1);
}
say(`installing ${packages.join(', ')} with apt-get (a minute or two)…`);
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  say(`apt-get could not install ${packages.join(', ')}; install them by hand or set PUPPETEER_EXECUTABLE_PATH`);
  process.exit(1);
}
const found = CANDIDATES.find(executable);
if (packages.includes('chromium') && !found) {
  say('chromium was installed but no binary was found at /usr/bin/chromium');
  process.exit(1);
}
if (packages.includes('default-jre-headless') && !javaRuns()) {
  say('default-jre-headless was installed but java does not run (JAVA_HOME set to another Java?)');
  process.exit(1);
}
say(`ok — browser ${found ?? browser}`);
