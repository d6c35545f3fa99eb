import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The W3C Nu Html Checker (npm vnu-jar, run on Debian's Java) over every .html file of a built
 * site, errors only: warnings are advice, an error is HTML a browser has to repair. One Java
 * process checks all the files (starting the JVM is most of the cost). The checker reads its
 * schemas from its jar and makes no request for a local file, so the check runs offline.
 */

/** One error, located: the file relative to the site, its line, and the checker's message. */
export interface HtmlError {
  file: string;
  line: number;
  column: number;
  message: string;
  extract: string;
}

const JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

const Report = z.object({
  messages: z.array(
    z.object({
      type: z.string(),
      subType: z.string().optional(),
      url: z.string().optional(),
      firstLine: z.number().optional(),
      lastLine: z.number().optional(),
      firstColumn: z.number().optional(),
      lastColumn: z.number().optional(),
      message: z.string(),
      extract: z.string().optional(),
    }),
  ),
});

/** The Java to run the checker with: $JAVA_HOME's, else the one on PATH; a clear error if none. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  const java = env['JAVA_HOME'] ? join(env['JAVA_HOME'], 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { env, encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `the HTML check needs Java to run the Nu Html Checker (vnu-jar), and ${java === 'java' ? 'no java is on PATH' : `${java} does not run`}: run \`npm run setup\` (it installs Debian's default-jre-headless), or set JAVA_HOME to a Java 11 or later`,
    );
  }
  return java;
}

/** Every .html file under a folder, sorted. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => join(dir, f));
}

/** Checks every .html file under `dir` with one run of the checker; [] when all are valid. */
export function checkHtml(dir: string, env: NodeJS.ProcessEnv = process.env): HtmlError[] {
  const files = htmlFiles(dir);
  // A folder with no page is a broken build, not a valid one.
  if (files.length === 0) throw new Error(`no .html file under ${dir} to check`);
  const java = findJava(env);
  const run = spawnSync(java, ['-jar', JAR, '--errors-only', '--format', 'json', ...files], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  // The report is on stderr; exit status 1 means it lists errors, anything else that it failed.
  let report: z.infer<typeof Report>;
  try {
    report = Report.parse(JSON.parse(run.stderr));
  } catch {
    throw new Error(`the Nu Html Checker gave no report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return report.messages
    .filter((m) => m.type !== 'info')
    .map((m) => ({
      file: m.url ? relative(dir, fileURLToPath(m.url)) : '(no file)',
      line: m.lastLine ?? m.firstLine ?? 0,
      column: m.firstColumn ?? m.lastColumn ?? 0,
      message: m.type === 'error' ? m.message : `${m.type}: ${m.message}`,
      extract: (m.extract ?? '').replace(/\s+/g, ' '),
    }));
}

/** One line per error, as an editor would jump to it: file:line:column message (extract). */
export function describeErrors(errors: HtmlError[]): string {
  return errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}  «${e.extract}»`).join('\n');
}
