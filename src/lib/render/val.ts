import type { Figure, Resolver } from '../data/resolve.ts';
import { chineseNumeral, formatNumber, formatValue } from '../format.ts';
import { type ValProps, ValPropsSchema } from '../schema/props.ts';
import { unitSpec } from '../units.ts';

export interface RenderedVal {
  text: string;
  figure: Figure;
}

/** A bound figure as prose shows it: `人民幣13,769億元`, `19.5%`, `15%至20%`, `二`. */
export function renderVal(resolver: Resolver, props: ValProps): RenderedVal {
  const { of, as } = ValPropsSchema.parse(props);
  const figure = resolver.require(of);
  if (as === 'zh') return { text: chineseNumeral(figure.value), figure };
  if (figure.upTo !== undefined) {
    const spec = unitSpec(figure.unit);
    const low = `${spec.prefix}${formatNumber(figure.value, figure.decimals)}${spec.suffix}`;
    return { text: `${low}至${formatValue(figure.upTo, figure.unit, figure.decimals)}`, figure };
  }
  return { text: formatValue(figure.value, figure.unit, figure.decimals), figure };
}
