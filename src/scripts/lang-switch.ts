/**
 * The language switch lands on the section being read: both editions give a section the same
 * anchor, so the link takes the anchor of the last heading above the top of the window. Without
 * JavaScript the link still opens the same chapter in the other edition.
 */
const LINE = 80;

/**
 * Measured section by section: on the whole-document page a section off screen is not laid out
 * (content-visibility in base.css), so its headings have no place to measure. A section wholly
 * above the line gives its last heading unmeasured; only the one the line crosses is measured.
 */
function currentSection(): string | undefined {
  let current: string | undefined;
  for (const article of document.querySelectorAll<HTMLElement>('article')) {
    const box = article.getBoundingClientRect();
    if (box.top > LINE) break;
    const headings = [...article.querySelectorAll<HTMLElement>('h2[id], h3[id], h4[id]')];
    if (box.bottom <= LINE) {
      current = headings.at(-1)?.id ?? current;
      continue;
    }
    for (const h of headings) {
      if (h.getBoundingClientRect().top > LINE) break;
      current = h.id;
    }
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
