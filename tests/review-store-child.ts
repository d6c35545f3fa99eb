import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { openStore, type Store } from '../scripts/review/store/store.ts';

/**
 * A separate process using the reviewers' store, for tests that need real concurrency, a real
 * kill or a real full disk (tests/unit/review-store-processes.test.ts). Modes:
 *   add DB WHO COUNT  open, say "ready", wait for a line on stdin, then add COUNT sign-offs,
 *                     saying "committed N" after each commit returns, and "done" at the end
 *   readonly DB       try to open and sign off; print the outcome as JSON
 *   full DIR          sign off in DIR/review.db until the disk is full, then reopen and check;
 *                     print the outcome as JSON (the folder is gone when this process ends)
 */

const [mode, target = '', who = 'reviewer', count = '0'] = process.argv.slice(2);

function signOff(store: Store, by: string, n: number, context = `the sentence around figure ${n}`) {
  store.addSignoff({
    key: `figure:industry-overview/${by}.figure~${n}`,
    hash: 'a'.repeat(64),
    by,
    note: `checked ${n}`,
    evidence: null,
    covered: { value: String(n), source: 'CIC report', context },
  });
}

if (mode === 'add') {
  const store = openStore(target);
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((go) => lines.once('line', () => go()));
  lines.close();
  for (let n = 1; n <= Number(count); n++) {
    signOff(store, who, n);
    process.stdout.write(`committed ${n}\n`);
  }
  store.close();
  process.stdout.write('done\n');
} else if (mode === 'readonly') {
  let outcome: Record<string, unknown>;
  try {
    const store = openStore(target);
    signOff(store, who, 1);
    outcome = { opened: true, signed: true };
  } catch (error) {
    outcome = { error: String(error), storeError: (error as Error).name === 'StoreError' };
  }
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
} else if (mode === 'full') {
  const file = join(target, 'review.db');
  const store = openStore(file);
  let committed = 0;
  let error: unknown;
  // Each sign-off carries a few kilobytes of context, so the small disk fills within a few dozen.
  for (let n = 1; n <= 5000 && !error; n++) {
    try {
      signOff(store, who, n, `context ${n} `.repeat(400));
      committed = n;
    } catch (caught) {
      error = caught;
    }
  }
  try {
    store.close();
  } catch {
    // Closing checkpoints the WAL, which may itself need the space that is missing.
  }
  const again = openStore(file);
  const kept = again.signoffs().length;
  again.close();
  const db = new DatabaseSync(file);
  const integrity = db.prepare('PRAGMA integrity_check').all();
  db.close();
  process.stdout.write(
    `${JSON.stringify({ committed, error: String(error), storeError: (error as Error | undefined)?.name === 'StoreError', kept, integrity })}\n`,
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
