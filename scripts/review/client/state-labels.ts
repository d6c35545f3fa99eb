/*
 * The sign-off states' Chinese labels, as schedule.csv writes them. The server does not send this
 * file: it sends the build's values (FROM_BUILD in scripts/review/client-assets.ts), so the
 * page's badges and the CSV say one word for each state.
 */
export { SIGNOFF_STATE_LABEL } from '../../../src/lib/review/schedule-state.ts';
