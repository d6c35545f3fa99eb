import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the memory of one process tree: the process `root` and everything it started (a
 * build's Node, its Chromium with all of Chromium's processes, Pagefind, pdftotext), and nothing
 * else on the machine. Proportional set size (PSS) is summed: Chromium's processes share much
 * of their memory, and plain RSS would count it once per process.
 */
export function startTreeSampler(root: number, intervalMs = 250) {
  let peakKb = 0;
  let samples = 0;
  const sample = () => {
    let kb = 0;
    for (const pid of treeOf(root)) {
      try {
        kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      } catch {
        // The process ended between listing and reading.
      }
    }
    peakKb = Math.max(peakKb, kb);
    samples++;
  };
  sample();
  let timer: NodeJS.Timeout | undefined = setInterval(sample, intervalMs);
  return {
    /** Takes a last sample and stops; later calls return the same result. */
    stop() {
      if (timer) {
        clearInterval(timer);
        timer = undefined;
        sample();
      }
      return { peakPssMb: peakKb / 1024, samples };
    },
  };
}

/** `root` and its descendants, by the parent ids in /proc/<pid>/stat. */
function treeOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  const tree: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}
