import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EN_CHAPTERS_DIR } from '../../../src/lib/document/chapter-files.ts';

/**
 * A full-length synthetic prospectus made from the one-chapter sample (行業概覽) frozen as a
 * fixture: N chapters, each a copy of it with its own datasets and claims (ids prefixed `cN-`),
 * so the build does the same work per chapter as for a real one — bound figures, five charts,
 * tables, tie-out. Where the chapter has an English edition, each chapter gets its English copy
 * too (same file name, same prefixed ids), so both editions are built and printed. The fixture,
 * not the shipped sample, so that the shipped sample growing into a whole prospectus leaves the
 * bench's sizes (about 11.2 Chinese pages a chapter) where they are.
 * Written to a scratch project folder that shares node_modules; never committed.
 */
const SHARED = ['src', 'components', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const SAMPLE = join('tests', 'fixtures', 'documents', 'industry');

export function generateSynthetic(repo: string, outDir: string, chapters: number): void {
  const root = join(repo, SAMPLE);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'content', 'chapters'), { recursive: true });
  mkdirSync(join(outDir, 'data', 'datasets'), { recursive: true });
  for (const part of SHARED) cpSync(join(repo, part), join(outDir, part), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(outDir, 'node_modules'));
  for (const file of ['content/document.yaml', 'data/sources.yaml', 'data/redactions.yaml']) {
    cpSync(join(root, file), join(outDir, file));
  }

  const datasetFiles = readdirSync(join(root, 'data', 'datasets')).filter((f) => f.endsWith('.yaml'));
  const datasetIds = datasetFiles.map(
    (f) => /^id: (\S+)/m.exec(readFileSync(join(root, 'data', 'datasets', f), 'utf8'))?.[1] ?? '',
  );
  const claimsText = readFileSync(join(root, 'data', 'claims.yaml'), 'utf8');
  const claimIds = [...claimsText.matchAll(/^- id: (\S+)/gm)].map((m) => m[1] as string);
  const chapterFiles = readdirSync(join(root, 'content', 'chapters')).filter((f) => f.endsWith('.mdx'));
  const chapterText = readFileSync(join(root, 'content', 'chapters', chapterFiles[0] as string), 'utf8');
  // The English counterpart of the same sample chapter, paired by file name.
  const englishFile = join(root, EN_CHAPTERS_DIR, chapterFiles[0] as string);
  const englishText = existsSync(englishFile) ? readFileSync(englishFile, 'utf8') : undefined;
  if (englishText !== undefined) mkdirSync(join(outDir, EN_CHAPTERS_DIR), { recursive: true });

  const claims: string[] = [];
  for (let n = 1; n <= chapters; n++) {
    const prefix = `c${n}-`;
    const rename = (text: string) => prefixIds(text, prefix, datasetIds, claimIds);
    for (const file of datasetFiles) {
      const text = readFileSync(join(root, 'data', 'datasets', file), 'utf8');
      writeFileSync(join(outDir, 'data', 'datasets', `${prefix}${file}`), rename(text));
    }
    claims.push(rename(claimsText));
    const name = `chapter-${String(n).padStart(3, '0')}.mdx`;
    const numbered = (text: string, mark: string) =>
      rename(text)
        .replace(/^title: (.*)$/m, `title: $1${mark}`)
        .replace(/^order: \d+$/m, `order: ${n}`);
    writeFileSync(join(outDir, 'content', 'chapters', name), numbered(chapterText, `（${n}）`));
    if (englishText !== undefined) writeFileSync(join(outDir, EN_CHAPTERS_DIR, name), numbered(englishText, ` (${n})`));
  }
  writeFileSync(join(outDir, 'data', 'claims.yaml'), claims.join('\n'));
}

/** Prefixes dataset ids (as `id:`, `dataset…`, and `id.` references) and claim ids everywhere. */
export function prefixIds(text: string, prefix: string, datasetIds: string[], claimIds: string[]): string {
  const byLength = (a: string, b: string) => b.length - a.length;
  let out = text;
  for (const id of [...claimIds].sort(byLength)) {
    const e = escapeRe(id);
    out = out
      .replace(new RegExp(`claim\\.${e}(?![a-z0-9-])`, 'g'), `claim.${prefix}${id}`)
      .replace(new RegExp(`^- id: ${e}$`, 'gm'), `- id: ${prefix}${id}`)
      // claim lists in chart props: cagr="a,b,c"
      .replace(new RegExp(`(cagr="[^"]*?)(?<=[",])${e}(?=[,"])`, 'g'), `$1${prefix}${id}`);
  }
  // A cagr list may hold several ids; repeat until every one is prefixed.
  for (let i = 0; i < 8; i++) {
    const before = out;
    for (const id of [...claimIds].sort(byLength)) {
      out = out.replace(new RegExp(`(cagr="(?:[^"]*,)?)${escapeRe(id)}(?=[,"])`, 'g'), `$1${prefix}${id}`);
    }
    if (out === before) break;
  }
  for (const id of [...datasetIds].sort(byLength)) {
    const e = escapeRe(id);
    out = out
      .replace(new RegExp(`(?<![a-z0-9.-])${e}\\.(?=[a-z0-9])`, 'g'), `${prefix}${id}.`)
      .replace(new RegExp(`^id: ${e}$`, 'gm'), `id: ${prefix}${id}`)
      .replace(new RegExp(`(dataset[=:] ?"?)${e}(?=["\\s]|$)`, 'gm'), `$1${prefix}${id}`);
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
