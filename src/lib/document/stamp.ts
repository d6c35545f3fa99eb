/**
 * Which draft a reader holds: stage, build date and source commit, shown in the site header and
 * on the PDF cover. The build script passes them in; SOURCE_DATE_EPOCH pins the date.
 */
export interface DraftStamp {
  /** YYYY-MM-DD in Hong Kong time. */
  date: string;
  commit: string;
}

export function draftStamp(env: Record<string, string | undefined> = process.env): DraftStamp {
  return { date: hongKongDate(buildInstant(env)), commit: env['PROSPECTUS_COMMIT'] || 'uncommitted' };
}

/** SOURCE_DATE_EPOCH pins every date the build writes, so a commit always builds the same output. */
export function buildInstant(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export function hongKongDate(when: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Hong_Kong',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(when);
}
