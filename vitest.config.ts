import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests pure code in milliseconds; `build` builds the sample once
// (tests/build/global-setup.ts) and reads the built site and PDF like a user would.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
