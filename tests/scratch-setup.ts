import { scratchForRun } from './scratch.ts';

/** vitest's global setup for a project with no build of its own: the run's scratch folder. */
export default function setup(): () => void {
  return scratchForRun();
}
