import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { followOutput } from '../child-output.ts';

const node = (script: string) => spawn(process.execPath, ['-e', script]);

describe('followOutput', () => {
  it('resolves once the child has said a line the times asked, stdout and stderr together', async () => {
    const out = followOutput(node("console.log('ready'); console.error('ready'); setTimeout(() => {}, 200)"));
    await expect(out.waitFor('ready', 2, 10_000)).resolves.toBeUndefined();
  });

  it('fails as soon as the child ends without saying it, with its exit and output rather than the timeout message', async () => {
    const out = followOutput(node("console.error('database is locked'); process.exit(3)"));
    await expect(out.waitFor('ready', 1, 60_000)).rejects.toThrow(
      /exited with code 3 before saying "ready" ×1; output:\ndatabase is locked/,
    );
  });

  it('still finds a line the child said just before it ended', async () => {
    const out = followOutput(node("console.log('done'); process.exit(0)"));
    await expect(out.waitFor('done', 1, 10_000)).resolves.toBeUndefined();
  });
});
