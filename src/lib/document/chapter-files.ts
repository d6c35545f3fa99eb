import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../data/yaml-source.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { type ChapterFrontmatter, ChapterFrontmatterSchema } from '../schema/chapter.ts';
import { byOrder } from './chapters.ts';

export const CHAPTERS_DIR = 'content/chapters';
/** The English edition: the same chapter ids, paired by file name. */
export const EN_CHAPTERS_DIR = 'content/en/chapters';

/** A chapter file split into its frontmatter and its MDX body, with line numbers true to the file. */
export interface ChapterFile {
  /** Relative to the project root: `content/chapters/industry-overview.mdx`. */
  file: string;
  body: string;
  /** Lines before the body: a body line plus offset is the file's line. */
  offset: number;
  /** Undefined when the frontmatter is missing or invalid; `diagnostics` says why. */
  frontmatter?: ChapterFrontmatter;
  /** Line of a frontmatter field in the file, for records about it. */
  lineOf(field: string): number | undefined;
  diagnostics: Diagnostic[];
}

/** The chapter files' names, sorted; undefined when there is no chapters folder. */
export function chapterNames(root: string, dir = CHAPTERS_DIR): string[] | undefined {
  try {
    return readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.mdx'))
      .sort();
  } catch {
    return undefined;
  }
}

/** Frontmatter is YAML between `---` lines. */
export function readChapter(root: string, name: string, dir = CHAPTERS_DIR): ChapterFile {
  const file = `${dir}/${name}`;
  const text = readFileSync(join(root, file), 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) {
    return {
      file,
      body: text,
      offset: 0,
      lineOf: () => undefined,
      diagnostics: [
        {
          file,
          line: 1,
          severity: 'error',
          message: 'no frontmatter — expected --- title: … order: … ---',
          rule: 'frontmatter',
        },
      ],
    };
  }
  const parsed = parseYaml(file, m[1] ?? '');
  // The YAML starts on the file's second line.
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) => ({
    ...d,
    line: d.line !== undefined ? d.line + 1 : undefined,
  }));
  const lineOf = (field: string) => {
    const line = parsed.source?.lineOf([field]);
    return line !== undefined ? line + 1 : undefined;
  };
  let frontmatter: ChapterFrontmatter | undefined;
  if (parsed.source) {
    const result = ChapterFrontmatterSchema.safeParse(parsed.source.data);
    if (result.success) frontmatter = result.data;
    else {
      for (const issue of result.error.issues) {
        const line = parsed.source.lineOf(issue.path);
        diagnostics.push({
          file,
          line: line !== undefined ? line + 1 : 1,
          severity: 'error',
          message: `frontmatter ${issue.path.join('.')}: ${issue.message}`,
          rule: 'frontmatter',
        });
      }
    }
  }
  const offset = m[0].split('\n').length - 1;
  return {
    file,
    body: text.slice(m[0].length),
    offset,
    ...(frontmatter ? { frontmatter } : {}),
    lineOf,
    diagnostics,
  };
}

/**
 * Chapter titles in document order, as `title` gives each (chapter-title.ts: its `{term}`s
 * resolved for the build's stage); a chapter with invalid frontmatter is left out (the check
 * reports it).
 */
export function chapterTitles(
  root: string,
  title: (data: ChapterFrontmatter) => string = (d) => d.title,
  dir = CHAPTERS_DIR,
): string[] {
  const chapters = (chapterNames(root, dir) ?? []).flatMap((name) => {
    const { file, frontmatter } = readChapter(root, name, dir);
    return frontmatter ? [{ id: file, data: frontmatter }] : [];
  });
  return byOrder(chapters).map((c) => title(c.data));
}
