import { parseTarget, refText, type Structure, targetAnchor, targetHref } from '../document/cross-refs.ts';
import type { Locale } from '../i18n/locale.ts';

export interface RefView {
  href: string;
  /** The target's current title in the edition's convention; undefined for a Markdown link. */
  text: string;
  /** The DOM id whose page the PDF step writes into `.ref-page` (whole-document page only). */
  pageTarget: string;
}

/** Whether a page is a whole-document page (/document/, /en/document/): the one the PDF prints. */
export function isDocumentPage(pathname: string): boolean {
  return /(^|\/)document\/$/.test(pathname);
}

/**
 * Where a reference points from the page it is on: the anchor itself on the whole-document page
 * (an internal link in the PDF), the target chapter's page elsewhere. The check has resolved every
 * reference before a page renders, so a miss here is a bug, not an author's mistake.
 */
export function refView(structure: Structure, locale: Locale, to: string, pathname: string, base: string): RefView {
  const target = parseTarget(to);
  if (!target) throw new RangeError(`unresolved reference ${to}`);
  const anchor = targetAnchor(target);
  return {
    href: isDocumentPage(pathname) ? `#${anchor}` : targetHref(base, locale, target),
    text: refText(structure, locale, target),
    pageTarget: anchor,
  };
}
