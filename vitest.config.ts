import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests pure code in milliseconds; `build` builds the sample once
// (tests/build/global-setup.ts) and reads the built site and PDF like a user would.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: ['tests/scratch-setup.ts'],
          // A few unit tests check the whole sample (every chapter of both editions), a few seconds
          // of work that a shared machine can stretch past vitest's 5 s default; a timeout is not
          // what any of them asserts.
          testTimeout: 60_000,
          // Both cores: vitest's default leaves one for itself (50 s here against 31 s).
          maxWorkers: 2,
          // A worker's files share one process and its modules: importing them again for every
          // file was 13% of the run (32–37 s against 25–27 s here). No test leaves state behind;
          // those that set process.env put it back.
          isolate: false,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Two files at a time: one build alone does not keep both cores busy (525 s against
          // 370 s here); every test finds its own processes by a mark (tests/processes.ts) and
          // writes into its own folder. Each file keeps its own process (isolate): sharing them was
          // measured and gained nothing here (355 s against 353–366 s), the time being in builds.
          maxWorkers: 2,
        },
      },
    ],
  },
});
