// @ts-check

import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import { noDepOptimizerInBuild } from './src/lib/astro/no-dep-optimizer.ts';
import { devDataWatch } from './src/lib/data/dev-data-watch.ts';
import { siteFonts } from './src/lib/fonts/site-fonts.ts';
import { rehypeChapterFootnotes } from './src/lib/markdown/footnotes.ts';
import { rehypeHeadingCaps } from './src/lib/markdown/heading-caps.ts';
import { rehypeChapterHeadingIds } from './src/lib/markdown/heading-ids.ts';
import { rehypeHyphenateEnglish } from './src/lib/markdown/hyphenate-prose.ts';
import { rehypeInternalLinks } from './src/lib/markdown/internal-links.ts';
import { rehypeLiteralLinkEnds } from './src/lib/markdown/literal-links.ts';
import { viteSectionIds } from './src/lib/markdown/section-ids.ts';
import { rehypeTableAfterHeading } from './src/lib/markdown/table-after-heading.ts';
import { rehypeTermMarks } from './src/lib/markdown/term-marks.ts';

// Astro 7's default Markdown processor ignores remark plugins, and CJK emphasis such as
// `**台灣市場（含離島）**佔比` only parses with remark-cjk-friendly, so the unified pipeline is
// explicit. SmartyPants would rewrite quotes and dashes that zh-Hant sets on purpose. English
// prose is hyphenated here, at build time, because Debian's Chromium ignores `hyphens: auto`.
const processor = unified({
  remarkPlugins: [remarkCjkFriendly, remarkCjkFriendlyGfmStrikethrough],
  // Links are marked before the footnotes' ids get their chapter: a note's own links stay as GFM
  // wrote them; first, an address GFM linked ends where the address does. Hyphenation comes last:
  // term marks match words without soft hyphens.
  rehypePlugins: [
    rehypeLiteralLinkEnds,
    rehypeChapterHeadingIds,
    rehypeHeadingCaps,
    rehypeInternalLinks,
    rehypeChapterFootnotes,
    rehypeTableAfterHeading,
    rehypeTermMarks,
    rehypeHyphenateEnglish,
  ],
  smartypants: false,
});

export default defineConfig({
  srcDir: './src',
  // Per project, not in node_modules: drafts, benchmark copies and test copies share one
  // node_modules, and a shared content cache would feed one draft's chapters to another.
  cacheDir: './.build/astro-cache',
  outDir: process.env.PROSPECTUS_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: { processor },
  integrations: [mdx({ processor }), devDataWatch(), noDepOptimizerInBuild(), siteFonts()],
  vite: {
    // Before @astrojs/mdx: `## … {#id}` would otherwise be read as a JavaScript expression.
    plugins: [viteSectionIds()],
    build: { sourcemap: false },
  },
});
