import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the resident memory of every Chromium and Node process on the machine, so a phase's
 * peak covers the browser's many processes and the build's child processes alike.
 */
export function startMemorySampler(intervalMs = 100) {
  let browserPeak = 0;
  let nodePeak = 0;
  let combinedPeak = 0;
  const sample = () => {
    let browser = 0;
    let node = 0;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const name = /^Name:\s+(\S+)/m.exec(status)?.[1] ?? '';
        const rss = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
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
