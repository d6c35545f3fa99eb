import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * Writes each test file's own time to `.build/test-report/<project>-files.json` (relative path →
 * ms), for the slowest-files list of `npm test` (tests/slowest.ts). A file's time is importing it
 * (a build at its top level included), its setup files, its hooks and its tests: vitest's JSON
 * report times a file from its first test on, so a file that builds in `beforeAll` looks instant
 * there.
 */
export default class FileTimesReporter implements Reporter {
  #root = process.cwd();

  onInit(vitest: Vitest): void {
    this.#root = vitest.config.root;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byProject = new Map<string, Record<string, number>>();
    for (const module of modules) {
      const d = module.diagnostic();
      const project = module.project.name || 'default';
      const times = byProject.get(project) ?? {};
      times[relative(this.#root, module.moduleId)] = d.collectDuration + d.setupDuration + d.duration;
      byProject.set(project, times);
    }
    const dir = join(this.#root, '.build', 'test-report');
    mkdirSync(dir, { recursive: true });
    for (const [project, times] of byProject) {
      writeFileSync(join(dir, `${project}-files.json`), `${JSON.stringify(times, null, 1)}\n`);
    }
  }
}
