/**
 * Defined-term popover: hover or keyboard focus on a marked term in prose shows its definition
 * from data/terms.yaml, as 釋義 prints it. The static HTML carries the same text in `title`; with
 * JavaScript the native tooltip gives way to one a keyboard and a screen reader can reach.
 */
import { attachPopover } from './popover.ts';

const SELECTOR = '.term[data-definition]';

function setup(): void {
  const terms = [...document.querySelectorAll<HTMLElement>(SELECTOR)];
  if (terms.length === 0) return;
  for (const el of terms) el.removeAttribute('title');
  const means = /^en\b/i.test(document.documentElement.lang) ? ' means ' : '指';
  attachPopover({
    selector: SELECTOR,
    id: 'term-tip',
    className: 'term-tip',
    fill: (el, tip) => {
      const label = document.createElement('strong');
      label.textContent = el.dataset['termLabel'] ?? '';
      tip.replaceChildren(label, document.createTextNode(`${means}${el.dataset['definition'] ?? ''}`));
    },
  });
}

setup();
