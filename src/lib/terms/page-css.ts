import { cssString } from '../document/chapters.ts';
import type { GeneratedSection } from './sections.ts';

/**
 * The named page of a generated section (釋義, 技術詞彙表) in the document page: its running head
 * after the draft warning (CSS content, '' when there is none). Part of the document's one
 * `<style>` at the top of `<main>`: a `<style>` further down the body is invalid HTML.
 */
export function termsPageCss(section: GeneratedSection, warning: string): string {
  return `@page terms-${section.id} { @top-center { content: ${warning} ${cssString(section.title)}; } }
.print-chapter[data-page="terms-${section.id}"] { page: terms-${section.id}; }`;
}
