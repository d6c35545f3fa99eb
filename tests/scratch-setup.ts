/** vitest's global setup for a project with no build of its own: the run's scratch folder. */
export { scratchForRun as default } from './scratch.ts';
