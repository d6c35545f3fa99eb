import { basename, extname } from 'node:path';
import type { Locale } from '../i18n/locale.ts';

/** The file a rehype plugin is running on, as unified passes it. */
export interface VFileLike {
  path?: string;
  history?: string[];
}

/** The chapter id of a chapter file (its name without `.mdx`), as the DOM ids carry it. */
export function chapterOf(file: VFileLike): string {
  const path = file.path ?? file.history?.[0] ?? 'chapter';
  return basename(path, extname(path))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
}

/** The edition a chapter file belongs to: content/en/chapters is the English one. */
export function editionOf(file: VFileLike): Locale {
  const path = (file.path ?? file.history?.[0] ?? '').replace(/\\/g, '/');
  return /(^|\/)content\/en\/chapters\//.test(path) ? 'en' : 'zh';
}
