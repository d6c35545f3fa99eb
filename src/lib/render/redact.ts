import { RefError } from '../data/figure.ts';
import type { Registry } from '../data/registry.ts';
import { didYouMean } from '../diagnostics.ts';
import { redactionIn } from '../i18n/labels.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Stage } from '../schema/document.ts';

/**
 * Redaction happens here, before any output exists: in a publication build the real wording is
 * never handed to the page, so it cannot reach HTML, scripts, the search index or the PDF.
 */
export function redactedText(registry: Registry, term: string, stage: Stage, locale: Locale = 'zh'): string {
  if (!registry.redactions.has(term))
    throw new RefError(`unknown redaction term "${term}"${didYouMean(term, registry.redactions.keys())}`);
  return redactionIn(registry, term, stage, locale);
}
