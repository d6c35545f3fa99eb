import { buildOnce } from '../build-once.ts';
import { scratchForRun } from '../scratch.ts';

export default function setup(): () => void {
  const teardown = scratchForRun();
  try {
    buildOnce();
  } catch (e) {
    teardown();
    throw e;
  }
  return teardown;
}
