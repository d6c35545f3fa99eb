/**
 * Copied text without the English edition's soft hyphens (hyphenate.ts): Chromium puts them on
 * the clipboard, and a banker pasting "information" into a search or a spreadsheet would get
 * `in­form­a­tion`. Without JavaScript the copy keeps them; the page still reads the same.
 */
document.addEventListener('copy', (event) => {
  const text = window.getSelection()?.toString() ?? '';
  if (!text.includes('\u00ad') || !event.clipboardData) return;
  event.clipboardData.setData('text/plain', text.replaceAll('\u00ad', ''));
  event.preventDefault();
});

export {};
