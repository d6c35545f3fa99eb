/**
 * Defined-term popover: hover or keyboard focus on a marked term in prose shows its definition
 * from data/terms.yaml, as 釋義 prints it. The static HTML carries the same text in `title`; with
 * JavaScript the native tooltip gives way to one a keyboard and a screen reader can reach.
 */
const SELECTOR = '.term[data-definition]';

function setup(): void {
  const terms = [...document.querySelectorAll<HTMLElement>(SELECTOR)];
  if (terms.length === 0) return;
  const tip = document.createElement('div');
  tip.id = 'term-tip';
  tip.className = 'term-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);
  for (const el of terms) el.removeAttribute('title');
  const means = /^en\b/i.test(document.documentElement.lang) ? ' means ' : '指';

  const show = (el: HTMLElement) => {
    const label = document.createElement('strong');
    label.textContent = el.dataset['termLabel'] ?? '';
    tip.replaceChildren(label, document.createTextNode(`${means}${el.dataset['definition'] ?? ''}`));
    tip.hidden = false;
    const box = el.getBoundingClientRect();
    const width = Math.min(320, window.innerWidth - 16);
    tip.style.width = `${width}px`;
    tip.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
    el.setAttribute('aria-describedby', tip.id);
  };
  const hide = () => {
    tip.hidden = true;
  };
  const termAt = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLElement>(SELECTOR) : null;

  document.addEventListener('focusin', (e) => {
    const el = termAt(e.target);
    if (el) show(el);
    else hide();
  });
  document.addEventListener('mouseover', (e) => {
    const el = termAt(e.target);
    if (el) show(el);
  });
  document.addEventListener('mouseout', (e) => {
    if (!termAt(e.target)) return;
    // Back to the focused term, if any: a keyboard user keeps the definition under a resting pointer.
    const focused = termAt(document.activeElement);
    if (focused) show(focused);
    else hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
}

setup();
