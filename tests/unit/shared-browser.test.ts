import { describe, expect, it } from 'vitest';
import { sharedPrintBrowser } from '../../scripts/lib/print/shared-browser.ts';

describe('the printing Chromium a build shares between its editions', () => {
  it('is started once for every print that asks, started again after it has gone, and closed at the end', async () => {
    const printer = sharedPrintBrowser();
    try {
      const first = await printer.get();
      const again = await printer.get();
      expect(again).toBe(first);
      const pid = first.process()?.pid;
      expect(pid).toBeGreaterThan(0);

      // A crash: the retry's print gets a browser that runs.
      first.process()?.kill('SIGKILL');
      await new Promise<void>((done) => (first.connected ? first.once('disconnected', () => done()) : done()));
      const restarted = await printer.get();
      expect(restarted).not.toBe(first);
      expect(restarted.connected).toBe(true);
      expect((await restarted.newPage()).url()).toBe('about:blank');

      await printer.close();
      expect(restarted.connected).toBe(false);
      expect(restarted.process()?.exitCode ?? restarted.process()?.signalCode).not.toBeNull();
    } finally {
      await printer.close();
    }
  }, 60_000);
});
