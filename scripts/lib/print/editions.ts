import { EDITION_NAME, type Locale } from '../../../src/lib/i18n/locale.ts';

/** Each edition's PDF in the output folder, and the site page it is printed from. */
export const PDF_FILE: Record<Locale, string> = { zh: 'prospectus.pdf', en: 'prospectus-en.pdf' };
export const PRINTED_PAGE: Record<Locale, string> = { zh: '/document/', en: '/en/document/' };

/** Which editions a build prints, for its progress line. */
export function editionsLine(printed: readonly Locale[], englishEdition: boolean): string {
  const site = englishEdition ? 'site: both editions' : 'site: Chinese edition';
  if (printed.length === 0) return `${site}; no PDF`;
  return `${site}; PDF: ${printed.map((l) => `${EDITION_NAME[l]} (${PDF_FILE[l]})`).join(', ')}`;
}
