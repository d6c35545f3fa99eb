import type { ChildProcess } from 'node:child_process';

/**
 * The environment for a child that runs `astro dev` (directly or inside `--watch`): without
 * vitest's variables, with which Astro serves nothing but 404s, and without its NODE_ENV.
 */
export function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'));
}

/** Everything a child prints, stdout and stderr together, and a wait for a line it says. */
export function followOutput(child: ChildProcess) {
  let text = '';
  const collect = (d: Buffer) => {
    text += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // 'close' comes after the child's output is read to its end: what it said is all there.
  let ended: string | undefined;
  child.on('close', (code, signal) => {
    ended = signal ? `was ended by ${signal}` : `exited with code ${code}`;
  });
  return {
    get text() {
      return text;
    },
    /**
     * Resolves once the child has said `said` `times` times in all; fails as soon as the child
     * has ended without saying it, instead of waiting out the timeout.
     */
    waitFor(said: string, times: number, timeoutMs = 180_000): Promise<void> {
      return new Promise((ok, fail) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (text.split(said).length - 1 >= times) {
            clearInterval(poll);
            ok();
          } else if (ended !== undefined) {
            clearInterval(poll);
            fail(new Error(`the child ${ended} before saying "${said}" ×${times}; output:\n${text}`));
          } else if (Date.now() - started > timeoutMs) {
            clearInterval(poll);
            fail(new Error(`no "${said}" ×${times} after ${timeoutMs / 1000} s; output:\n${text}`));
          }
        }, 100);
      });
    },
  };
}
