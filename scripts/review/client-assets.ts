import { existsSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join, resolve } from 'node:path';
import { chapterItems, ITEM_ELEMENTS } from '../../src/lib/review/item-keys.ts';

/** Where the review client's sources are: TypeScript served as JavaScript, and its stylesheet. */
export const CLIENT_DIR = resolve(import.meta.dirname, 'client');

export interface ClientAssets {
  js: string;
  css: string;
}

/**
 * Runs `work` without Node's one-time "stripTypeScriptTypes is an experimental feature" line,
 * which would greet every reviewer at start; any other warning still prints.
 */
function quietly<T>(work: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('stripTypeScriptTypes')) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return work();
  } finally {
    process.emitWarning = emit;
  }
}

/**
 * The build's key rule, as source the client runs: the same function the build hands to the
 * printed page, so a chapter page and review-items.json can never disagree on a key.
 */
export function keysPrelude(): string {
  return `const reviewKeys = { chapterItems: ${chapterItems.toString()}, ITEM_ELEMENTS: ${JSON.stringify(ITEM_ELEMENTS)} };\n`;
}

/**
 * The client, read once at start: its types stripped (no bundler step; the client is one
 * self-contained file), after the key rule it uses, all in one function scope so none of its
 * names reach the page's globals. A client that does not strip stops the server at start.
 */
export function loadClientAssets(dir: string = CLIENT_DIR): ClientAssets {
  const script = join(dir, 'review.ts');
  const style = join(dir, 'review.css');
  let js = '/* no review client in this checkout (scripts/review/client/review.ts) */\n';
  if (existsSync(script)) {
    try {
      const code = quietly(() => stripTypeScriptTypes(readFileSync(script, 'utf8'), { mode: 'strip' }));
      js = `(() => {\n'use strict';\n${keysPrelude()}${code}\n})();\n`;
    } catch (e) {
      throw new Error(`cannot serve ${script}: ${(e as Error).message}`);
    }
  }
  const css = existsSync(style) ? readFileSync(style, 'utf8') : '/* no review stylesheet in this checkout */\n';
  return { js, css };
}
