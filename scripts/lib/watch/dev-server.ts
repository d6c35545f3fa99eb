import { join } from 'node:path';
import { dev } from 'astro';

export interface LiveSite {
  url: string;
  /** Resolves once astro dev's own watcher has seen a change to `file` (absolute) at or after `since`, or after `timeoutMs`. */
  seen(file: string, since: number, timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * `astro dev` in this process, on 127.0.0.1: the watch's live site, and what renders a saved page
 * again without building the site (quick-pdf.ts). Output folders are not watched: a build writing
 * thousands of files there is not a change to the pages.
 */
export async function startLiveSite(root: string, port = 0): Promise<LiveSite> {
  // astro dev serves no page at all when VITEST is set (it assumes it runs inside a test's Vite);
  // a watch started from a test inherits it, and is no test's Vite.
  delete process.env['VITEST'];
  const sigterm = new Set(process.listeners('SIGTERM'));
  const stdinEnd = new Set(process.stdin.listeners('end'));
  const server = await dev({
    root,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: port || 4321 },
    vite: {
      // The project's own output folders, by their full path: the project itself may sit under a
      // folder named like one (the bench's copies are under .build/bench/).
      server: { watch: { ignored: ['.build', 'dist', 'dist-stages', '.git'].map((d) => `${join(root, d)}/**`) } },
    },
  });
  // Vite ends the process on SIGTERM or when stdin closes (a watch started with no terminal): the
  // watch owns its signals and stops this server itself.
  for (const listener of process.listeners('SIGTERM')) if (!sigterm.has(listener)) process.off('SIGTERM', listener);
  for (const listener of process.stdin.listeners('end')) {
    if (!stdinEnd.has(listener)) process.stdin.off('end', listener as () => void);
  }
  const changes = new Map<string, number>();
  const listeners = new Set<() => void>();
  const note = (file: string) => {
    changes.set(file, Date.now());
    for (const listener of listeners) listener();
  };
  server.watcher.on('change', note);
  server.watcher.on('add', note);
  server.watcher.on('unlink', note);
  return {
    url: `http://127.0.0.1:${server.address.port}`,
    seen(file, since, timeoutMs) {
      if ((changes.get(file) ?? 0) >= since) return Promise.resolve(true);
      return new Promise((done) => {
        const finish = (ok: boolean) => {
          listeners.delete(check);
          clearTimeout(timer);
          done(ok);
        };
        const check = () => {
          if ((changes.get(file) ?? 0) >= since) finish(true);
        };
        const timer = setTimeout(() => finish(false), timeoutMs);
        listeners.add(check);
      });
    },
    stop: () => server.stop(),
  };
}
