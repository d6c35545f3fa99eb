import type { Registry } from '../data/load.ts';
import { RefError } from '../data/resolve.ts';
import { didYouMean } from '../diagnostics.ts';
import type { Stage } from '../schema/document.ts';
import { REDACTION_MARKER } from '../schema/redaction.ts';

/**
 * Redaction happens here, before any output exists: in a publication build the real wording is
 * never handed to the page, so it cannot reach HTML, scripts, the search index or the PDF.
 */
export function redactedText(registry: Registry, term: string, stage: Stage): string {
  const entry = registry.redactions.get(term);
  if (!entry) throw new RefError(`unknown redaction term "${term}"${didYouMean(term, registry.redactions.keys())}`);
  return stage === 'publication' ? REDACTION_MARKER : entry.value.text;
}
