import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the memory of every Chromium and Node process on the machine, so a phase's peak covers
 * the browser's many processes and the build's child processes alike. Proportional set size
 * (PSS) is used: Chromium's processes share much of their memory, and plain RSS would count it
 * once per process.
 */
export function startMemorySampler(intervalMs = 1000) {
  let browserPeak = 0;
  let nodePeak = 0;
  let combinedPeak = 0;
  const sample = () => {
    let browser = 0;
    let node = 0;
    // The measuring process itself is not part of what is measured.
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const name = /^Name:\s+(\S+)/m.exec(status)?.[1] ?? '';
        if (!/chrom/.test(name) && name !== 'node' && name !== 'MainThread') continue;
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        const rss = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024;
        if (/chrom/.test(name)) browser += rss;
        else if (name === 'node' || name === 'MainThread') node += rss;
      } catch {
        // The process ended between listing and reading.
      }
    }
    browserPeak = Math.max(browserPeak, browser);
    nodePeak = Math.max(nodePeak, node);
    combinedPeak = Math.max(combinedPeak, browser + node);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { browserPeakMb: browserPeak, nodePeakMb: nodePeak, peakMb: combinedPeak };
    },
  };
}
