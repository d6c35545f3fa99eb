import { test as base } from '@playwright/test';
import { serveStatic } from '../../scripts/lib/print/serve.ts';
import { TEST_DIST } from '../build-once.ts';

/** `site` is the built sample served on 127.0.0.1 and a free port for the whole worker. */
export const test = base.extend<object, { site: string }>({
  site: [
    async ({}, use) => {
      const server = await serveStatic(TEST_DIST);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
