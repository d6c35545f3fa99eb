/**
 * The reviewers' workspace in the browser, added by `npm run review` to every page it serves:
 * sign-off badges and a side panel on chapter pages, a sign-off column and filter on the
 * verification schedule, open queries on the home page, a signed-in banner everywhere. Each
 * module is served as JavaScript with its types stripped; whatever the server sends is set with
 * textContent, never as markup.
 */
import { live } from './dom.ts';
import { banner, homePage } from './home.ts';
import { CHAPTER_PATH, chapterPage, openFromHash } from './page-items.ts';
import { dialog } from './panel.ts';
import { getJson, type Me, refresh, type State, session } from './session.ts';
import { scheduleKeys, verificationPage } from './verification.ts';
import { API, T } from './words.ts';

const VERIFICATION_PATH = /^\/(?:en\/)?verification\/$/;

async function start(): Promise<void> {
  // The schedule's keys come from the whole-document page: read it while the state loads.
  const rowKeys = VERIFICATION_PATH.test(location.pathname) ? scheduleKeys() : undefined;
  // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
  rowKeys?.catch(() => undefined);
  const [who, now] = await Promise.all([getJson<Me>(`${API}/me`), getJson<State>(`${API}/state`)]);
  session.me = who;
  session.state = now;
  document.body.prepend(banner(who));
  document.body.append(dialog, live);
  const path = location.pathname;
  const chapter = CHAPTER_PATH.exec(path);
  const chapterId = chapter?.[1] ?? chapter?.[2];
  if (chapterId) chapterPage(decodeURIComponent(chapterId));
  else if (rowKeys) await verificationPage(rowKeys);
  else if (path === '/' || path === '/en/') await homePage();
  openFromHash();
  document.documentElement.dataset['reviewReady'] = '';
}

// Back on this tab, the badges catch up with what others signed meanwhile; an open panel is left
// alone, since redrawing it would lose what is being typed.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && session.me && !dialog.open) refresh().catch(() => undefined);
});

start().catch((error: unknown) => {
  live.textContent = T.failed(String(error));
  document.body.append(live);
});
