import { createProcessor } from '@mdx-js/mdx';
import type { Diagnostic } from '../diagnostics.ts';
import { SECTION_ID, splitSectionId } from '../markdown/section-ids.ts';
import type { SectionMark } from './content-model.ts';
import { memoByText } from './parse-memo.ts';

/*
 * A chapter's MDX as the check reads it: parsed once per text, walked node by node, a parse
 * failure and a heading's `{#id}` turned into records at the author's line.
 */

export interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
  /** A heading's level. */
  depth?: number;
  children?: JsxNode[];
  value?: string;
  url?: string;
  /** A Markdown image's alt text. */
  alt?: string | null;
}

/** One MDX parse per chapter text for the life of the process (parse-memo.ts); the tree is only read. */
export const parseMdx = memoByText(
  (text: string) => createProcessor({ format: 'mdx' }).parse(text) as unknown as JsxNode,
);

/** A chapter whose MDX did not parse, at the line the parser names (`offset`: the frontmatter's lines). */
export function mdxSyntaxDiagnostic(e: unknown, file: string, offset: number): Diagnostic {
  const err = e as { reason?: string; message: string };
  // micromark puts the position in the reason text: "… (114:1-114:46)".
  const m = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec((err.reason ?? err.message).split('\n')[0] ?? '');
  const place = m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
  return {
    file,
    line: place?.line !== undefined ? place.line + offset : undefined,
    column: place?.column,
    severity: 'error',
    message: `${(err.reason ?? err.message).split('\n')[0]?.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)\s*$/, '')} — expected well-formed MDX (every tag closed, e.g. <Val of="…" />)`,
    rule: 'mdx-syntax',
  };
}

/** The `{#id}` of a heading, checked; undefined for a heading without one. */
export function headingSection(
  node: JsxNode,
  file: string,
  offset: number,
  diagnostics: Diagnostic[],
): SectionMark | undefined {
  const last = node.children?.at(-1);
  if (last?.type !== 'text') return undefined;
  const { text, id } = splitSectionId(last.value ?? '');
  if (id === undefined) return undefined;
  const line = node.position ? node.position.start.line + offset : undefined;
  if (!SECTION_ID.test(id) || id.length > 40) {
    diagnostics.push({
      file,
      line,
      severity: 'error',
      message: `section id "${id}" — expected short lower-case ASCII: a letter, then letters, digits or hyphens, e.g. {#cloud-market}`,
      rule: 'section-id',
    });
    return undefined;
  }
  // Withheld wording in a heading is kept as `{term}`, resolved per stage and edition with the
  // titles (titles.ts): a reference and the contents then read it as the page does.
  const before = (node.children ?? []).slice(0, -1).map((c) => {
    if (c.type === 'mdxJsxTextElement' && c.name === 'Redact') {
      const term = c.attributes?.find((a) => a.name === 'term')?.value;
      return typeof term === 'string' ? `{${term}}` : '';
    }
    return c.value ?? '';
  });
  return { id, line, text: [...before, text].join('').trim(), depth: node.depth };
}

export function visit(node: JsxNode, fn: (node: JsxNode) => void): void {
  fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}
