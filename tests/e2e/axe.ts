import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The WCAG 2.1 A and AA rules every page of the site is held to. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/**
 * axe-core on the page as it stands, for the rules tagged `tags` or named `rules`: every
 * violation in full; of the rules that passed, only which (resultTypes), since no test reads
 * their nodes.
 *
 * axe runs in the page itself (axe's legacy mode), not frame by frame with the partial results
 * gathered in a blank page: the site has no frames, which this checks first, and passing the
 * partial results of the schedule's 24,000 elements through the protocol was two thirds of its
 * scan here (13.6 s against 4.4 s, the same violations and rules).
 */
export async function axeScan(page: Page, only: { tags: string[] } | { rules: string[] }): Promise<AxeResults> {
  await expect(page.locator('iframe, frame, object, embed')).toHaveCount(0);
  return new AxeBuilder({ page })
    .options({
      runOnly: 'tags' in only ? { type: 'tag', values: only.tags } : { type: 'rule', values: only.rules },
      resultTypes: ['violations'],
    })
    .setLegacyMode(true)
    .analyze();
}
