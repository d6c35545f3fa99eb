import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join, resolve } from 'node:path';
import { chapterItems, ITEM_ELEMENTS } from '../../src/lib/review/item-keys.ts';

/** Where the review client's sources are: TypeScript served as JavaScript, and its stylesheet. */
export const CLIENT_DIR = resolve(import.meta.dirname, 'client');

export interface ClientAssets {
  /** Each module of the client by its file name (`main.ts`), as JavaScript. */
  modules: ReadonlyMap<string, string>;
  css: string;
}

/** Where the modules are served: the browser resolves their `./x.ts` imports beside them. */
export const CLIENT_PATH = '/_review/client/';
export const CLIENT_ENTRY = 'main.ts';
const MODULE_NAME = /^[a-z][a-z-]{0,40}\.ts$/;

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
 * The build's key rule as the module `keys.ts` the client imports: the same function the build
 * hands to the printed page, sent as its own source, so a chapter page and review-items.json can
 * never disagree on a key. (keys.ts in the source folder re-exports it for the type check.)
 */
export function keysModule(): string {
  return `export const chapterItems = ${chapterItems.toString()};\nexport const ITEM_ELEMENTS = ${JSON.stringify(ITEM_ELEMENTS)};\n`;
}

/**
 * The client, read once at start: every module of its folder with its types stripped (no bundler
 * step; browsers load ES modules), keys.ts replaced by the build's rule. A module that does not
 * strip stops the server at start.
 */
export function loadClientAssets(dir: string = CLIENT_DIR): ClientAssets {
  const modules = new Map<string, string>();
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => MODULE_NAME.test(name)) : [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const code =
        name === 'keys.ts'
          ? keysModule()
          : quietly(() => stripTypeScriptTypes(readFileSync(file, 'utf8'), { mode: 'strip' }));
      modules.set(name, code);
    } catch (e) {
      throw new Error(`cannot serve ${file}: ${(e as Error).message}`);
    }
  }
  const style = join(dir, 'review.css');
  const css = existsSync(style) ? readFileSync(style, 'utf8') : '/* no review stylesheet in this checkout */\n';
  return { modules, css };
}
