import type { Locale } from '../i18n/locale.ts';
import { hides, withheldMarker } from '../offer/withhold.ts';
import type { Project } from '../project-model.ts';
import { redactedText } from '../render/redact.ts';
import { spellFigure } from '../render/val.ts';
import type { Stage } from '../schema/document.ts';

/** One line of the prospectus cover's offer block: 「香港發售股份數目：15,000,000股」. */
export interface CoverOfferLine {
  label: string;
  value: string;
}

export interface CoverOffer {
  /** 全球發售 / GLOBAL OFFERING, the block's heading. */
  heading: string;
  lines: CoverOfferLine[];
}

const TERMS = [
  'global-offering',
  'offer-shares',
  'hk-offer-shares',
  'international-offer-shares',
  'offer-price',
  'over-allotment-option',
] as const;

/**
 * What the prospectus cover says of the offer, as Hong Kong prospectuses print it: the shares
 * offered and their split, the maximum price with the charges on top of it, the par value. Every
 * figure comes from the offer data (data/offer.yaml through the resolver), the wording from
 * data/redactions.yaml, so the cover cannot disagree with the chapters. A document without an
 * offer, or without the offering wording, has no offer block.
 */
export function coverOffer(p: Project, locale: Locale, stage: Stage): CoverOffer | undefined {
  const { registry, resolver } = p;
  if (!registry.datasets.has('offer') || TERMS.some((t) => !registry.redactions.has(t))) return undefined;
  const w = (term: (typeof TERMS)[number]) => redactedText(registry, term, stage, locale);
  const v = (id: string) => {
    const figure = resolver.require(`offer.${id}`);
    return hides(figure, stage) ? withheldMarker(locale) : spellFigure(figure, locale);
  };
  if (locale === 'en') {
    return {
      heading: w('global-offering').toUpperCase(),
      lines: [
        {
          label: `Number of ${w('offer-shares')} under the ${w('global-offering')}`,
          value: `${v('offer-shares')} (subject to the ${w('over-allotment-option')})`,
        },
        { label: `Number of ${w('hk-offer-shares')}`, value: `${v('hk-offer-shares')} (subject to reallocation)` },
        {
          label: `Number of ${w('international-offer-shares')}`,
          value: `${v('intl-offer-shares')} (subject to reallocation and the ${w('over-allotment-option')})`,
        },
        {
          label: `Maximum ${w('offer-price')}`,
          value: `${v('price-high')} per ${w('offer-shares').replace(/s$/, '')}, plus brokerage of ${v('brokerage')}, SFC transaction levy of ${v('sfc-levy')}, Stock Exchange trading fee of ${v('trading-fee')} and AFRC transaction levy of ${v('afrc-levy')} (payable in full on application in Hong Kong dollars and subject to refund)`,
        },
        { label: 'Nominal value', value: `${v('par-value')} per Share` },
      ],
    };
  }
  return {
    heading: w('global-offering'),
    lines: [
      {
        label: `${w('global-offering')}的${w('offer-shares')}數目`,
        value: `${v('offer-shares')}（視乎${w('over-allotment-option')}行使與否而定）`,
      },
      { label: `${w('hk-offer-shares')}數目`, value: `${v('hk-offer-shares')}（可予重新分配）` },
      {
        label: `${w('international-offer-shares')}數目`,
        value: `${v('intl-offer-shares')}（可予重新分配及視乎${w('over-allotment-option')}行使與否而定）`,
      },
      {
        label: `最高${w('offer-price')}`,
        value: `每股${w('offer-shares')}${v('price-high')}，另加${v('brokerage')}經紀佣金、${v('sfc-levy')}證監會交易徵費、${v('trading-fee')}聯交所交易費及${v('afrc-levy')}會財局交易徵費（須於申請時以港元繳足，多繳股款可予退還）`,
      },
      { label: '面值', value: `每股股份${v('par-value')}` },
    ],
  };
}
