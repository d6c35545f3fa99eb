import { type Figure, RefError } from '../data/figure.ts';
import type { Resolver } from '../data/resolve.ts';
import { formatNumber } from '../i18n/decimal.ts';
import { UnitSpellingError } from '../i18n/english.ts';
import { chineseNumeral, formatValue } from '../i18n/format.ts';
import { type Locale, spellOrdinal, spellSpan, spellValue } from '../i18n/locale.ts';
import { formatProseEn, ProseAmountError, type ProseOptions } from '../i18n/prose-amount.ts';
import { unitSpec } from '../i18n/units.ts';
import { type ValProps, ValPropsSchema } from '../schema/props.ts';
import { ProseFigureError, proseFigure } from './prose-figure.ts';

export interface RenderedVal {
  text: string;
  /** The figure as the data holds it, sign and all: what provenance and the schedule show. */
  figure: Figure;
}

/**
 * A bound figure as prose shows it: `人民幣13,769億元`, `19.5%`, `15%至20%`, `二` — or, in the
 * English edition, `RMB1,376.9 billion`, `RMB120.5 million` (with `scale`/`digits`),
 * `15% to 20%`, `third`.
 */
export function renderVal(resolver: Resolver, props: ValProps, locale: Locale = 'zh'): RenderedVal {
  const { of, as, scale, digits, sign } = ValPropsSchema.parse(props);
  const figure = resolver.require(of);
  if (locale === 'zh') {
    if (scale !== undefined || digits !== undefined) {
      throw new ProseFigureError(
        `<Val of="${of}"> scale and digits set how English prose writes an amount — the Chinese edition writes it in its data unit (${formatValue(figure.value, figure.unit, figure.decimals)}); expected them in the English edition only`,
        'prose-amount',
      );
    }
    if (as === 'zh' || as === 'ordinal') return { text: chineseNumeral(figure.value), figure };
    const shown = proseFigure(figure, sign, locale);
    if (shown.upTo !== undefined) {
      const spec = unitSpec(shown.unit);
      const low = `${spec.prefix}${formatNumber(shown.value, shown.decimals)}${spec.suffix}`;
      return { text: `${low}至${formatValue(shown.upTo, shown.unit, shown.decimals)}`, figure };
    }
    return { text: formatValue(shown.value, shown.unit, shown.decimals), figure };
  }
  if (as === 'zh')
    throw new RefError(
      `<Val of="${of}" as="zh"> writes Chinese numerals — expected as="ordinal" in the English edition`,
    );
  if (as === 'ordinal') return { text: spellOrdinal(locale, figure.value), figure };
  const shown = proseFigure(figure, sign, locale);
  return { text: spellProse(shown, { scale, digits }), figure };
}

/** English prose: the unit's spelling, or the magnitude and decimals the author asked for. */
function spellProse(figure: Figure, options: ProseOptions): string {
  const one = (value: number) => {
    try {
      return formatProseEn(value, figure.unit, figure.decimals, options);
    } catch (e) {
      if (e instanceof ProseAmountError)
        throw new ProseFigureError(`<Val of="${figure.ref}"> ${e.message}`, 'prose-amount');
      if (e instanceof UnitSpellingError)
        throw new RefError(`${e.message}; used by dataset "${figure.dataset}"`, figure);
      throw e;
    }
  };
  const low = one(figure.value);
  return figure.upTo === undefined ? low : spellSpan('en', low, one(figure.upTo));
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
