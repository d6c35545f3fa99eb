import type { Locale } from '../../../src/lib/i18n/locale.ts';

/** Each edition's PDF in the output folder, and the site page it is printed from. */
export const PDF_FILE: Record<Locale, string> = { zh: 'prospectus.pdf', en: 'prospectus-en.pdf' };
export const PRINTED_PAGE: Record<Locale, string> = { zh: '/document/', en: '/en/document/' };
