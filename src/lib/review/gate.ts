import { GATED_KINDS, type Override, type ReviewItem, type SignoffRecord } from './schema.ts';
import { signoffStatus } from './status.ts';

/** An item a final copy may not be published without: not signed, or signed for other words. */
export interface Unsigned {
  item: ReviewItem;
  status: 'stale' | 'none';
  /** For a stale item: the value (or, without one, the words) signed, and what it is now. */
  was?: string;
  now?: string;
}

/** Every figure, table, chart and claim not signed for its current words, in the copy's order. */
export function unsignedItems(items: readonly ReviewItem[], signoffs: readonly SignoffRecord[]): Unsigned[] {
  const gated = items.filter((i) => GATED_KINDS.includes(i.kind));
  const status = signoffStatus(gated, signoffs);
  const unsigned: Unsigned[] = [];
  for (const item of gated) {
    const s = status.get(item.key);
    if (!s || s.status === 'signed') continue;
    if (s.status === 'none' || !s.signedCovered) {
      unsigned.push({ item, status: 'none' });
      continue;
    }
    const old = s.signedCovered;
    const valueChanged = (old.value ?? '') !== (item.covered.value ?? '');
    unsigned.push({
      item,
      status: 'stale',
      was: valueChanged ? (old.value ?? '') : old.context,
      now: valueChanged ? (item.covered.value ?? '') : item.covered.context,
    });
  }
  return unsigned;
}

const SHOWN = 10;
const WORDS = 60;

/**
 * Old and new words short enough for a log line: whole when short, else both cut to the same
 * window around where they first differ, so a change deep in a paragraph still shows.
 */
export function changedWindow(was: string, now: string): { was: string; now: string } {
  if (was.length <= WORDS && now.length <= WORDS) return { was, now };
  let same = 0;
  while (same < was.length && same < now.length && was[same] === now[same]) same++;
  const start = Math.max(0, same - 12);
  const cut = (text: string) =>
    `${start > 0 ? '…' : ''}${text.slice(start, start + WORDS)}${start + WORDS < text.length ? '…' : ''}`;
  return { was: cut(was), now: cut(now) };
}

/** One line per unsigned item: `key — label`, and for a stale one what was signed and what is there now. */
export function unsignedLine(u: Unsigned): string {
  if (u.status !== 'stale') return `${u.item.key} — ${u.item.label} (not signed)`;
  const words = changedWindow(u.was ?? '', u.now ?? '');
  const stale = ` (stale: signed "${words.was}" now "${words.now}")`;
  return `${u.item.key} — ${u.item.label}${stale}`;
}

/** The final gate's refusal: the count, the first ten, and how many more. */
export function gateRefusal(unsigned: readonly Unsigned[], file: string, present = true): string {
  const stale = unsigned.filter((u) => u.status === 'stale').length;
  const lines = unsigned.slice(0, SHOWN).map((u) => `  ${unsignedLine(u)}`);
  if (unsigned.length > SHOWN) lines.push(`  … and ${unsigned.length - SHOWN} more`);
  return [
    `a final copy is not published while a figure, table, chart or claim is not signed off: ${unsigned.length} unsigned (${stale} stale) per ${file}${present ? '' : ' (no such file: no sign-offs)'}:`,
    ...lines,
    `Sign them off (npm run review, then npm run review -- export), or record a decision to publish anyway under "override:" (by, reason) in ${file}.`,
  ].join('\n');
}

/** The warning a final build prints when an override lets unsigned items (or unchecked ones) through. */
export function overrideWarning(override: Override, unsigned: number | undefined): string {
  const what = unsigned === undefined ? 'its items unchecked' : `${unsigned} unsigned item${unsigned === 1 ? '' : 's'}`;
  return `warning: publishing a final copy with ${what}, by override of ${override.by}${override.at ? ` (${override.at})` : ''}: ${override.reason}`;
}
