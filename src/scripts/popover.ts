/**
 * One popover per page for marked elements (bound figures, defined terms): shown on hover or
 * keyboard focus under the element, described to screen readers by `aria-describedby`, closed
 * by Escape. Leaving a hovered element returns the popover to the focused one, if any: a keyboard
 * user must not lose it because the page scrolled under a resting pointer.
 */
export interface PopoverOptions {
  /** What opens the popover. */
  selector: string;
  id: string;
  className: string;
  /** Writes the popover's content for an element. */
  fill(el: HTMLElement, tip: HTMLElement): void;
}

export function attachPopover({ selector, id, className, fill }: PopoverOptions): void {
  const tip = document.createElement('div');
  tip.id = id;
  tip.className = className;
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);

  const show = (el: HTMLElement) => {
    fill(el, tip);
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
  const at = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>(selector) : null);

  // Escape dismisses the popover until the reader moves the pointer or the focus. The page moving
  // under a resting pointer (a scroll, a table opened) makes the browser send mouse events at the
  // same place; those must not bring back what the reader closed.
  let dismissed = false;
  let pointer = '';
  const movedTo = (e: MouseEvent) => {
    const where = `${e.screenX},${e.screenY}`;
    const moved = where !== pointer;
    pointer = where;
    return moved;
  };

  document.addEventListener('focusin', (e) => {
    dismissed = false;
    const el = at(e.target);
    if (el) show(el);
    else hide();
  });
  document.addEventListener('mousemove', (e) => {
    if (movedTo(e)) dismissed = false;
  });
  document.addEventListener('mouseover', (e) => {
    if (movedTo(e)) dismissed = false;
    const el = at(e.target);
    if (el && !dismissed) show(el);
  });
  document.addEventListener('mouseout', (e) => {
    if (movedTo(e)) dismissed = false;
    if (!at(e.target) || dismissed) return;
    const focused = at(document.activeElement);
    if (focused) show(focused);
    else hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    hide();
    dismissed = true;
  });
}
