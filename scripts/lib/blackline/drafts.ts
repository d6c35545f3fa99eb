import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runAstro } from '../site/astro.ts';

/** The code is today's; a draft is the content and data of one revision. */
const CODE = ['src', 'components', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const DRAFT = ['content', 'data'];

/** How the working tree is named where a draft has no revision. */
export const WORKING_TREE = { label: '工作副本', commit: '未提交' } as const;

export interface Draft {
  /** As the user named it: a git revision, or 工作副本 (the working tree). */
  label: string;
  /** Short commit id, or 未提交 for the working tree. */
  commit: string;
  dir: string;
}

/**
 * Lays out one draft as a buildable project: the current code, and content/ and data/ as they
 * were at `revision` (or as they are now, for the working tree). Both drafts of a blackline are
 * typeset by the same code, so only the document's own changes show.
 */
export function prepareDraft(root: string, revision: string | undefined, dir: string): Draft {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of CODE) cpSync(join(root, part), join(dir, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  if (revision === undefined) {
    for (const part of DRAFT) cpSync(join(root, part), join(dir, part), { recursive: true });
    return { ...WORKING_TREE, dir };
  }
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--short=12', `${revision}^{commit}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .toString()
      .trim();
  } catch {
    throw new Error(
      `"${revision}" is not a revision of this repository — expected a commit, branch or tag (e.g. HEAD~1)`,
    );
  }
  const archive = execFileSync('git', ['archive', '--format=tar', commit, ...DRAFT], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return { label: revision, commit, dir };
}

export function buildDraftSite(draft: Draft, outDir: string): Promise<void> {
  return runAstro(draft.dir, outDir, { PROSPECTUS_COMMIT: draft.commit });
}
