import { availableParallelism, freemem } from 'node:os';
import type { Page } from 'puppeteer-core';

/**
 * A tab holds the whole document page laid out; the cap allows this much per tab (an allowance,
 * not a measurement: the bench reports the units build's peak PSS as units_cold_peak_pss_mb).
 */
export const TAB_MEMORY = 512 * 1024 * 1024;
/** Left for Node (pdf-lib's assembly peak) and the rest of the machine. */
const RESERVE = 1024 * 1024 * 1024;

/** Tabs with the document loaded: the main one first, more opened as work needs them. */
export class TabPool {
  private readonly tabs: Page[];
  private readonly opened: Page[] = [];
  private readonly open: () => Promise<Page>;
  private readonly log: (message: string) => void;
  /** Tabs being opened ahead of the work (openAhead); its failure is thrown by run. */
  private opening: Promise<void> = Promise.resolve();
  constructor(main: Page, open: () => Promise<Page>, log: (message: string) => void) {
    this.tabs = [main];
    this.open = open;
    this.log = log;
  }

  get size(): number {
    return this.tabs.length;
  }

  /**
   * Starts opening tabs up to `count` while the main tab works on: loading the document in a
   * tab takes about as long as printing all of it.
   */
  openAhead(count: number): void {
    const opening = this.opening.then(() => this.openUpTo(count));
    opening.catch(() => {});
    this.opening = opening;
  }

  /** Runs `work` for each item, as many at once as there are tabs (opened up to the cap). */
  async run<T>(items: T[], work: (tab: Page, item: T) => Promise<void>): Promise<void> {
    const want = Math.min(items.length, maxTabs());
    await this.opening;
    await this.openUpTo(want);
    if (want > 1) this.log(`printing ${items.length} units in ${want} tabs`);
    const queue = [...items];
    await Promise.all(
      this.tabs.slice(0, Math.max(want, 1)).map(async (tab) => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(tab, item);
      }),
    );
  }

  private async openUpTo(count: number): Promise<void> {
    while (this.tabs.length < count) {
      const tab = await this.open();
      this.tabs.push(tab);
      this.opened.push(tab);
    }
  }

  async close(): Promise<void> {
    await this.opening.catch(() => {});
    await Promise.all(this.opened.map((tab) => tab.close().catch(() => {})));
  }
}

/** Tabs at once: one per core, as free memory allows one per TAB_MEMORY beyond the reserve. */
export function maxTabs(): number {
  const byMemory = Math.max(1, Math.floor((freemem() - RESERVE) / TAB_MEMORY));
  const env = Number(process.env['PROSPECTUS_PRINT_TABS']);
  const cores = Number.isInteger(env) && env > 0 ? env : availableParallelism();
  return Math.max(1, Math.min(cores, byMemory));
}
