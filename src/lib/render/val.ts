import { type Figure, RefError, type Resolver } from '../data/resolve.ts';
import { chineseNumeral, formatNumber, formatValue } from '../format.ts';
import { UnitSpellingError } from '../i18n/english.ts';
import { type Locale, spellOrdinal, spellSpan, spellValue } from '../i18n/locale.ts';
import { type ValProps, ValPropsSchema } from '../schema/props.ts';
import { unitSpec } from '../units.ts';

export interface RenderedVal {
  text: string;
  figure: Figure;
}

/**
 * A bound figure as prose shows it: `人民幣13,769億元`, `19.5%`, `15%至20%`, `二` — or, in the
 * English edition, `RMB1,376.9 billion`, `15% to 20%`, `third`.
 */
export function renderVal(resolver: Resolver, props: ValProps, locale: Locale = 'zh'): RenderedVal {
  const { of, as } = ValPropsSchema.parse(props);
  const figure = resolver.require(of);
  if (locale === 'zh') {
    if (as === 'zh' || as === 'ordinal') return { text: chineseNumeral(figure.value), figure };
    if (figure.upTo !== undefined) {
      const spec = unitSpec(figure.unit);
      const low = `${spec.prefix}${formatNumber(figure.value, figure.decimals)}${spec.suffix}`;
      return { text: `${low}至${formatValue(figure.upTo, figure.unit, figure.decimals)}`, figure };
    }
    return { text: formatValue(figure.value, figure.unit, figure.decimals), figure };
  }
  if (as === 'zh')
    throw new RefError(
      `<Val of="${of}" as="zh"> writes Chinese numerals — expected as="ordinal" in the English edition`,
    );
  if (as === 'ordinal') return { text: spellOrdinal(locale, figure.value), figure };
  return { text: spellFigure(figure, locale), figure };
}

/** A figure's value in an edition's spelling, a stated range as a range (15% to 20%). */
export function spellFigure(figure: Figure, locale: Locale): string {
  const low = spellLow(figure, locale);
  if (figure.upTo === undefined) return low;
  return spellSpan(locale, low, spellUnit(figure, locale, figure.upTo));
}

/** The value alone (a range's low end); a unit English cannot spell names the dataset. */
export function spellLow(figure: Figure, locale: Locale): string {
  return spellUnit(figure, locale, figure.value);
}

function spellUnit(figure: Figure, locale: Locale, value: number): string {
  try {
    return spellValue(locale, value, figure.unit, figure.decimals);
  } catch (e) {
    if (!(e instanceof UnitSpellingError)) throw e;
    throw new RefError(`${e.message}; used by dataset "${figure.dataset}"`, figure);
  }
}
