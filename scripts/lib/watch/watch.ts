import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join, relative } from 'node:path';

/** A changed file (relative to the root) and when the change was seen (Date.now()). */
export interface ChangedFile {
  file: string;
  at: number;
}

export interface WatchOptions {
  root: string;
  /** Folders (relative to root) whose changes start a build. */
  dirs: string[];
  /**
   * One build, given the files (relative to root) changed since the last (none the first time);
   * resolves with its exit code, or `interrupted` when `interrupt` stopped it. Builds never overlap.
   */
  build: (changed: ChangedFile[]) => Promise<number | 'interrupted'>;
  /** Called when a change arrives during a build: a build that is out of date may stop early. */
  interrupt?: () => void;
  log: (message: string) => void;
  /** Quiet time after the last change before building: an editor saves in several writes. */
  settleMs?: number;
}

/**
 * Builds once, then again after every change under the watched folders, until stopped. A change
 * during a build queues one more build after it, so the output always catches up with the last
 * save; a failed build says so and waits, and the last good output stays where it was.
 */
export function watchAndBuild(options: WatchOptions): { stop(): void; idle(): Promise<void> } {
  const settle = options.settleMs ?? 300;
  let running: Promise<void> | null = null;
  let queued = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const changed = new Map<string, number>();

  const run = (): void => {
    if (stopped) return;
    if (running) {
      queued = true;
      options.interrupt?.();
      return;
    }
    // Editors and sed save through temporary files that are gone by now: name what is there.
    const since = [...changed].map(([file, at]) => ({ file, at }));
    const files = [...changed.keys()].filter((file) => existsSync(join(options.root, file)));
    const anything = changed.size > 0;
    changed.clear();
    if (files.length) {
      const more = files.length > 3 ? ` and ${files.length - 3} more` : '';
      options.log(`rebuilding after a change to ${files.slice(0, 3).join(', ')}${more}`);
    } else if (anything) {
      options.log('rebuilding after a file was removed or renamed');
    }
    running = options
      .build(since)
      .then((code) => {
        options.log(
          code === 'interrupted'
            ? 'build stopped: a newer save came in'
            : code === 0
              ? 'built; waiting for changes (Ctrl+C to stop)'
              : 'build failed; the last good output is unchanged; waiting for changes',
        );
      })
      .finally(() => {
        running = null;
        if (queued) {
          queued = false;
          run();
        }
      });
  };

  const watchers: FSWatcher[] = options.dirs
    .map((dir) => join(options.root, dir))
    .filter((dir) => existsSync(dir))
    .map((dir) =>
      watch(dir, { recursive: true }, (_event, file) => {
        if (file) changed.set(relative(options.root, join(dir, file.toString())), Date.now());
        clearTimeout(timer);
        timer = setTimeout(run, settle);
      }),
    );
  run();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
    async idle() {
      while (running) await running;
    },
  };
}
