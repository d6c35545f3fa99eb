import { type Figure, RefError } from '../data/figure.ts';
import { type Locale, spellValue } from '../i18n/locale.ts';
import { unitSpec } from '../i18n/units.ts';

export type ProseRule = 'prose-sign' | 'prose-amount';

/** A figure prose cannot print as written; `rule` names which prose rule it breaks. */
export class ProseFigureError extends RefError {
  readonly rule: ProseRule;
  constructor(message: string, rule: ProseRule) {
    super(message);
    this.name = 'ProseFigureError';
    this.rule = rule;
  }
}

/**
 * The figure as prose may print it. Prospectus prose words a negative amount ("a net loss of
 * RMB87.0 million", 「虧損人民幣87,000千元」) and never prints `RMB-87.0 million`, so a negative
 * amount needs `sign="worded"`, and then prints its magnitude. The check runs both ways: when the
 * data turns positive, a sentence still wording a loss would misstate it, so `sign="worded"` on a
 * figure that is not negative is refused too. Percentages and counts keep their sign unless
 * worded: "a CAGR of -2.1%" is written in prospectuses.
 */
export function proseFigure(figure: Figure, sign: 'worded' | undefined, locale: Locale): Figure {
  const ends = figure.upTo === undefined ? [figure.value] : [figure.value, figure.upTo];
  const shown = () => ends.map((v) => spellValue(locale, v, figure.unit, figure.decimals)).join(' / ');
  if (sign === 'worded') {
    if (!ends.every((v) => v < 0)) {
      throw new ProseFigureError(
        `<Val of="${figure.ref}" sign="worded"> is ${shown()}, not a negative — the sentence words a sign the figure does not have; reword it and drop sign="worded"`,
        'prose-sign',
      );
    }
    return { ...figure, value: -figure.value, upTo: figure.upTo === undefined ? undefined : -figure.upTo };
  }
  if (unitSpec(figure.unit).kind === 'currency' && ends.some((v) => v < 0)) {
    throw new ProseFigureError(
      `<Val of="${figure.ref}"> is negative (${shown()}), and prospectus prose prints no minus sign in an amount — word the sign in the sentence ("a net loss of …", 「虧損…」) and add sign="worded" to print the amount without it`,
      'prose-sign',
    );
  }
  return figure;
}
