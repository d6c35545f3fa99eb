import { execFileSync } from 'node:child_process';

/** The short commit of the sources, with `+changes` when the work tree differs from it. */
export function sourceCommit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'content', 'data', 'components', 'src'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'uncommitted';
  }
}
