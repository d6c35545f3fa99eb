/**
 * The language switch lands on the section being read: both editions give a section the same
 * anchor, so the link takes the anchor of the last heading above the top of the window. Without
 * JavaScript the link still opens the same chapter in the other edition.
 */
function currentSection(): string | undefined {
  const headings = [...document.querySelectorAll<HTMLElement>('article h2[id], article h3[id], article h4[id]')];
  let current: string | undefined;
  for (const h of headings) {
    if (h.getBoundingClientRect().top > 80) break;
    current = h.id;
  }
  return current ?? (window.location.hash.slice(1) || undefined);
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-lang-switch]')) {
  const update = () => {
    const url = new URL(link.href);
    const id = currentSection();
    url.hash = id ? `#${id}` : '';
    link.href = url.href;
  };
  link.addEventListener('pointerdown', update);
  link.addEventListener('focus', update);
  link.addEventListener('click', update);
}

export {};
