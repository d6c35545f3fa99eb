import type { Locale } from '../i18n/locale.ts';

/**
 * Whether this site build is followed by the PDF step for an edition. The PDF, the schedule's
 * rows and verification.csv exist only then: `npm run build -- --no-pdf`, `npm run dev` and a
 * bare `astro build` must neither link to them nor leave their tables silently empty; a build of
 * one edition (`--lang`) must not link to the other edition's PDF.
 */
export function printsPdf(env: Record<string, string | undefined> = process.env, locale: Locale = 'zh'): boolean {
  return env[locale === 'en' ? 'PROSPECTUS_PDF_EN' : 'PROSPECTUS_PDF'] === '1';
}
