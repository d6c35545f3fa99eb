import { existsSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join, resolve } from 'node:path';

/** Where the review client's sources are: TypeScript served as JavaScript, and its stylesheet. */
export const CLIENT_DIR = resolve(import.meta.dirname, 'client');

export interface ClientAssets {
  js: string;
  css: string;
}

/**
 * The client, read once at start: its types stripped (no bundler step; the client is one
 * self-contained file). A client that does not strip stops the server at start, naming the file.
 */
export function loadClientAssets(dir: string = CLIENT_DIR): ClientAssets {
  const script = join(dir, 'review.ts');
  const style = join(dir, 'review.css');
  let js = '/* no review client in this checkout (scripts/review/client/review.ts) */\n';
  if (existsSync(script)) {
    try {
      js = stripTypeScriptTypes(readFileSync(script, 'utf8'), { mode: 'strip', sourceUrl: 'review.ts' });
    } catch (e) {
      throw new Error(`cannot serve ${script}: ${(e as Error).message}`);
    }
  }
  const css = existsSync(style) ? readFileSync(style, 'utf8') : '/* no review stylesheet in this checkout */\n';
  return { js, css };
}
