import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class AstroBuildError extends Error {
  override name = 'AstroBuildError';
}

/** Runs `astro build` for the project in `projectDir`, writing the site to `outDir`. */
export function runAstro(projectDir: string, outDir: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((ok, fail) => {
    // Astro stops should the build be killed outright (follow-parent.ts), not write on into a
    // work folder the next build sweeps.
    const follow = pathToFileURL(join(import.meta.dirname, 'follow-parent.ts')).href;
    const astro = join(projectDir, 'node_modules/astro/bin/astro.mjs');
    const child = spawn(process.execPath, ['--import', follow, astro, 'build', '--silent'], {
      cwd: projectDir,
      env: { ...process.env, ...env, PROSPECTUS_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const collect = (d: Buffer) => {
      output += d.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (e) => fail(new AstroBuildError(`cannot start Astro: ${e.message}`)));
    child.on('close', (code) =>
      code === 0 ? ok() : fail(new AstroBuildError(`the site build failed:\n${output.trim()}`)),
    );
  });
}
