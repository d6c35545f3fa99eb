/**
 * Copied text without the English edition's soft hyphens (hyphenate.ts): Chromium puts them on
 * the clipboard, and a banker pasting "information" into a search or a spreadsheet would paste
 * it with invisible soft hyphens inside. Without JavaScript the copy keeps them.
 */
// A regular expression, not a string: the bundler writes a string's U+00AD out as the character
// itself, which would put a soft hyphen into every page, the Chinese ones too.
const SOFT_HYPHENS = /\u00ad/g;

document.addEventListener('copy', (event) => {
  const text = window.getSelection()?.toString() ?? '';
  const copied = text.replace(SOFT_HYPHENS, '');
  if (copied === text || !event.clipboardData) return;
  event.clipboardData.setData('text/plain', copied);
  event.preventDefault();
});

export {};
