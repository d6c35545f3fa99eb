/*
 * The build's key rule, as the client imports it. The server does not send this file: it sends a
 * module built from the function itself (FROM_BUILD in scripts/review/client-assets.ts), so that
 * the browser runs exactly the code the build ran on the printed page.
 */
export { chapterItems, ITEM_ELEMENTS } from '../../../src/lib/review/item-keys.ts';
