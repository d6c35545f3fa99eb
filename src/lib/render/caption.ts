/** A title as a reader compares it: no soft hyphens, spaces collapsed, capitals as lower case. */
function readAs(text: string): string {
  return text
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Whether a figure's caption would only repeat the heading printed just before it: English
 * headings may be set in capitals, and a heading's `{#id}` is not part of its words.
 */
export function captionRepeatsHeading(caption: string, heading: string | undefined): boolean {
  if (heading === undefined) return false;
  return readAs(caption) === readAs(heading.replace(/\{#[^}]*\}/g, ''));
}
