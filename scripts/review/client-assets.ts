import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join, resolve } from 'node:path';
import { chapterItems, ITEM_ELEMENTS } from '../../src/lib/review/item-keys.ts';
import { SIGNOFF_STATE_LABEL } from '../../src/lib/review/schedule-state.ts';

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
 * Client modules the server sends as the build's own values rather than as their source: each
 * file in the client folder only re-exports these names from `src/lib/review/` (for the type
 * check), and the browser gets the values themselves — a function as its source text, data as
 * JSON — so the workspace and the build can never disagree on a key rule or a label.
 */
export const FROM_BUILD: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'keys.ts': { chapterItems, ITEM_ELEMENTS },
  'state-labels.ts': { SIGNOFF_STATE_LABEL },
};

/** A module exporting `values`: functions as their source (they must use nothing outside), data as JSON. */
export function moduleOfValues(values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .map(([name, value]) =>
      typeof value === 'function'
        ? `export const ${name} = ${value.toString()};\n`
        : `export const ${name} = ${JSON.stringify(value)};\n`,
    )
    .join('');
}

/** The names a re-export-only client file exports, or undefined if it is anything more than that. */
function reExportedNames(source: string): string[] | undefined {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .trim();
  const m = /^export \{([^}]*)\} from '(?:\.\.\/)+src\/lib\/review\/[a-z-]+\.ts';$/.exec(code);
  return m?.[1]
    ?.split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

/** A FROM_BUILD module's JavaScript, after checking its file re-exports exactly the names sent. */
function fromBuild(name: string, file: string, values: Readonly<Record<string, unknown>>): string {
  const names = reExportedNames(readFileSync(file, 'utf8'));
  const sent = Object.keys(values);
  if (!names || [...names].sort().join() !== [...sent].sort().join())
    throw new Error(
      `${name} must only re-export ${sent.join(', ')} from src/lib/review/ (the server sends their values)`,
    );
  return moduleOfValues(values);
}

/**
 * The client, read once at start: every module of its folder with its types stripped (no bundler
 * step; browsers load ES modules), FROM_BUILD's modules replaced by the build's values. A module
 * that does not strip stops the server at start.
 */
export function loadClientAssets(dir: string = CLIENT_DIR): ClientAssets {
  const modules = new Map<string, string>();
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => MODULE_NAME.test(name)) : [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const values = FROM_BUILD[name];
      const code = values
        ? fromBuild(name, file, values)
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
