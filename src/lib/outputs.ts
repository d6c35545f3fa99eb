/**
 * Whether this site build is followed by the PDF step. The PDF, the schedule's rows and
 * verification.csv exist only then: `npm run build -- --no-pdf`, `npm run dev` and a bare
 * `astro build` must neither link to them nor leave their tables silently empty.
 */
export function printsPdf(env: Record<string, string | undefined> = process.env): boolean {
  return env['PROSPECTUS_PDF'] === '1';
}
