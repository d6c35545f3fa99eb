import { spawn } from 'node:child_process';
import { join } from 'node:path';

export class AstroBuildError extends Error {
  override name = 'AstroBuildError';
}

/** Runs `astro build` for the project in `projectDir`, writing the site to `outDir`. */
export function runAstro(projectDir: string, outDir: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(projectDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: projectDir,
      env: { ...process.env, ...env, PROSPECTUS_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (d: Buffer) => {
      output += d.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (e) => fail(new AstroBuildError(`cannot start Astro: ${e.message}`)));
    child.on('close', (code) =>
      code === 0 ? ok() : fail(new AstroBuildError(`the site build failed:\n${output.trim()}`)),
    );
  });
}
