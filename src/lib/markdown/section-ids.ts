/**
 * Stable section ids, written after a heading: `## 全球及中國雲服務行業 {#cloud-market}`. Both
 * editions of a chapter give a section the same id, so the language switch lands on the same
 * section and the parity check compares section by section.
 *
 * MDX reads `{…}` as a JavaScript expression, so before MDX parses a chapter the marker is
 * escaped (`\{#cloud-market\}`) and arrives in the heading as text; the heading plugin then
 * takes it off the heading and makes it the heading's id. Lines and columns stay where they were.
 */

/** A section id: short, lower-case ASCII, starting with a letter (positional ids end in digits). */
export const SECTION_ID = /^[a-z][a-z0-9-]*$/;

const HEADING_WITH_ID = /^(#{1,6}[ \t].*?)[ \t]*\{#([^}\s]*)\}[ \t]*$/;
const TRAILING_ID = /\s*\{#([^}\s]*)\}\s*$/;

/** The source with each heading's `{#id}` escaped so MDX keeps it as text. */
export function escapeSectionIds(source: string): string {
  return source
    .split('\n')
    .map((line) => {
      const m = HEADING_WITH_ID.exec(line.replace(/\r$/, ''));
      return m ? `${m[1]} \\{#${m[2]}\\}${line.endsWith('\r') ? '\r' : ''}` : line;
    })
    .join('\n');
}

/** A heading's text with its id taken off: `全球及中國雲服務行業 {#cloud-market}` → both parts. */
export function splitSectionId(text: string): { text: string; id: string | undefined } {
  const m = TRAILING_ID.exec(text);
  if (!m) return { text, id: undefined };
  return { text: text.slice(0, m.index), id: m[1] };
}

/** The DOM id of a section: unique on the whole-document page, the same in both editions. */
export function sectionAnchor(chapter: string, sectionId: string): string {
  return `${chapter}-${sectionId}`;
}

/** A Vite plugin: escapes section ids in chapters before @astrojs/mdx compiles them. */
export function viteSectionIds() {
  return {
    name: 'prospectus:section-ids',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/\.mdx$/.test(id)) return undefined;
      return { code: escapeSectionIds(code), map: null };
    },
  };
}
