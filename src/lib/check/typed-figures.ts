import type { Locale } from '../i18n/locale.ts';

/**
 * An amount, a percentage or a count with its unit, typed as text rather than bound with <Val>.
 * Years (2022年), list numbers, 5G and names such as 「十四五」 carry no unit and pass.
 */
const UNBOUND_FIGURE =
  /(?:人民幣|美元|港元|RMB|US\$|HK\$)\s*\d[\d,]*(?:\.\d+)?(?:\s*(?:億元|萬元|千元|元|億|萬))?|\d[\d,]*(?:\.\d+)?\s*(?:%|％|億元|萬元|千元|元|美元|港元|ZB|TB|PB|億台|萬台|台|倍)/gu;

/**
 * The same in English prose: "RMB1,376.9 billion", "US$140,000", "19.5%", "12 percent",
 * "14.0 billion units", "3.5 million devices", "23 ZB". Years, "5G", "the 14th Five-Year Plan"
 * and numbers in words pass.
 */
const UNBOUND_FIGURE_EN =
  /(?:RMB|US\$|HK\$)\s*\d[\d,]*(?:\.\d+)?(?:\s*(?:billion|million|thousand|bn|m)\b)?|\b\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|per cent\b|ZB\b|TB\b|PB\b|(?:billion|million|thousand)\b(?:\s+[a-z]+)?|times\b)/giu;

/**
 * Typed figures in a text, in order, each once: English prose is read with both patterns (an
 * English chapter may quote a Chinese amount), and a match inside an earlier one is the same figure.
 */
export function typedFigures(text: string, locale: Locale): RegExpMatchArray[] {
  const all = [...text.matchAll(UNBOUND_FIGURE), ...(locale === 'en' ? text.matchAll(UNBOUND_FIGURE_EN) : [])].sort(
    (a, b) => (a.index ?? 0) - (b.index ?? 0),
  );
  const kept: RegExpMatchArray[] = [];
  for (const m of all) {
    const last = kept.at(-1);
    if (last && (m.index ?? 0) < (last.index ?? 0) + last[0].length) {
      if (m[0].length > last[0].length && m.index === last.index) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  return kept;
}
