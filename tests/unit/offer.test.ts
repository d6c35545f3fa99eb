import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Located, Registry } from '../../src/lib/data/registry.ts';
import { Resolver } from '../../src/lib/data/resolve.ts';
import { stageWithholds } from '../../src/lib/document/stage.ts';
import { formatValueEn } from '../../src/lib/i18n/english.ts';
import { formatValue } from '../../src/lib/i18n/format.ts';
import { compileOffer } from '../../src/lib/offer/compile.ts';
import { endFor } from '../../src/lib/offer/range-end.ts';
import { indexOfTerm, spellingsOf, typedWithheld, withheldSpellings } from '../../src/lib/offer/withhold.ts';
import type { Claim } from '../../src/lib/schema/claim.ts';
import type { Dataset } from '../../src/lib/schema/dataset.ts';
import { type Offer, OfferSchema } from '../../src/lib/schema/offer.ts';
import { tieOut } from '../../src/lib/tieout/tieout.ts';

/** A small offer of its own (fictional), so the figures below are worked by hand, not read back. */
const OFFER = `
price: { low: 8.80, high: 10.20 }
shares: { authorised: 5000000000, parValue: 0.00001, inIssueBefore: 850000000, offer: 150000000 }
hongKongPercent: 10
overAllotmentPercent: 15
boardLot: 500
fees: { brokerage: 1, sfcLevy: 0.0027, afrcLevy: 0.00015, tradingFee: 0.00565 }
commissionPercent: 3.0
otherListingExpenses: 56.0
ntaBefore: { value: 1150.0, asAt: "2024-06-30", source: company }
rmbToHkd: 1.0850
useOfProceeds:
  - { id: network, label: 網絡, en: Network, percent: 60.0 }
  - { id: research, label: 研發, en: Research, percent: 40.0 }
shareholders:
  - { id: founder, name: 甲公司, en: A Limited, capacity: 實益擁有人, capacityEn: Beneficial owner, shares: 510000000 }
withheld: [price-low, price-high, offer-shares]
source: company
`;

function offerWith(edit: (o: Record<string, unknown>) => void = () => undefined): Offer {
  const raw = parse(OFFER) as Record<string, unknown>;
  edit(raw);
  return OfferSchema.parse(raw);
}

function located<T>(value: T): Located<T> {
  return { value, file: 'data/offer.yaml', line: 1, lineOf: () => 1 };
}

/** The compiled offer in a registry of its own: the resolver and tie-out see only it. */
function resolverFor(offer: Offer, others: Dataset[] = []): Resolver {
  const compiled = compileOffer(offer, () => 7);
  const registry = {
    root: '.',
    sources: new Map(),
    redactions: new Map(),
    terms: new Map(),
    datasets: new Map<string, Located<Dataset>>([...compiled.datasets, ...others].map((d) => [d.id, located(d)])),
    claims: new Map<string, Located<Claim>>(compiled.claims.map((c) => [c.id, located(c)])),
  } as unknown as Registry;
  return new Resolver(registry);
}

const shown = (r: Resolver, ref: string) => {
  const f = r.require(ref);
  return formatValue(f.value, f.unit, f.decimals);
};

describe('the offer, computed', () => {
  const r = resolverFor(offerWith());

  it('market capitalisation at each end: price × shares in issue after the offer', () => {
    expect(shown(r, 'offer.shares-after')).toBe('1,000,000,000股');
    expect(shown(r, 'offer.market-cap-low')).toBe('8,800.0百萬港元');
    expect(shown(r, 'offer.market-cap-high')).toBe('10,200.0百萬港元');
  });

  it('gross, commission and net proceeds at the low, mid and high price', () => {
    expect(shown(r, 'offer.price-mid')).toBe('9.50港元');
    expect(shown(r, 'offer.gross-high')).toBe('1,530.0百萬港元');
    expect(shown(r, 'offer.commission-high')).toBe('45.9百萬港元');
    // 1,530.0 − 45.9 − 56.0
    expect(shown(r, 'offer.net-high')).toBe('1,428.1百萬港元');
    // 1,425.0 − 42.75 − 56.0 = 1,326.25, shown to one decimal
    expect(shown(r, 'offer.net-mid')).toBe('1,326.3百萬港元');
    expect(shown(r, 'offer.net-low')).toBe('1,224.4百萬港元');
  });

  it('the amount payable per board lot, to the cent: price × lot × (1 + brokerage + levies + fee)', () => {
    // 10.20 × 500 × 1.0100850 = 5,151.4335
    expect(shown(r, 'offer.lot-amount-high')).toBe('5,151.43港元');
    expect(formatValueEn(r.require('offer.lot-amount-high').value, '港元', 2)).toBe('HK$5,151.43');
  });

  it('use-of-proceeds amounts are their percentages of the net proceeds at the mid-point', () => {
    // 60% and 40% of 1,326.25
    expect(shown(r, 'offer-use-of-proceeds.network@amount')).toBe('795.8百萬港元');
    expect(shown(r, 'offer-use-of-proceeds.research@amount')).toBe('530.5百萬港元');
    expect(shown(r, 'offer-use-of-proceeds.total@percent')).toBe('100.0%');
  });

  it('pro forma adjusted NTA per share: (NTA before + net proceeds) ÷ shares after', () => {
    // 1,150 × 1.085 = 1,247.75; (1,247.75 + 1,428.1) ÷ 1,000 million shares
    expect(shown(r, 'offer.nta-before-hkd')).toBe('1,247.8百萬港元');
    expect(shown(r, 'offer.nta-per-share-high')).toBe('2.68港元');
    expect(shown(r, 'offer.nta-per-share-low')).toBe('2.47港元');
  });

  it('shareholdings before and after the offer', () => {
    expect(shown(r, 'offer-shareholders.founder@before')).toBe('60.0%');
    expect(shown(r, 'offer-shareholders.founder@after')).toBe('51.0%');
  });

  it('every derived figure records its formula as provenance', () => {
    const f = r.require('offer.lot-amount-high');
    expect(f.basis).toBe('derived');
    expect(f.formula).toBe('price-high * board-lot * (1 + fee-total / 100)');
    expect(f.inputs).toEqual(['offer.price-high', 'offer.board-lot', 'offer.fee-total']);
  });

  it('the generated claims all tie out', () => {
    const results = tieOut(r);
    expect(results.length).toBeGreaterThan(5);
    expect(results.filter((x) => x.status !== 'pass').map((x) => `${x.id}: ${x.error ?? x.detail}`)).toEqual([]);
  });

  it('raising the top of the range by 10% changes every figure computed from it', () => {
    const raised = resolverFor(offerWith((o) => ((o['price'] as { high: number }).high = 11.22)));
    for (const id of [
      'market-cap-high',
      'gross-high',
      'gross-mid',
      'commission-high',
      'commission-mid',
      'net-high',
      'net-mid',
      'lot-amount-high',
      'pro-forma-nta-high',
      'nta-per-share-high',
    ]) {
      expect(shown(raised, `offer.${id}`), id).not.toBe(shown(r, `offer.${id}`));
    }
    expect(shown(raised, 'offer.market-cap-high')).toBe('11,220.0百萬港元');
    expect(shown(raised, 'offer-use-of-proceeds.network@amount')).not.toBe(
      shown(r, 'offer-use-of-proceeds.network@amount'),
    );
    // The low end does not move.
    expect(shown(raised, 'offer.market-cap-low')).toBe(shown(r, 'offer.market-cap-low'));
    expect(tieOut(raised).filter((x) => x.status === 'fail')).toEqual([]);
  });
});

describe('the net tangible assets before the offer', () => {
  it('bound to the accounts by formula, flow into the pro forma figures like the stated value', () => {
    const balance: Dataset = {
      id: 'balance',
      kind: 'facts',
      title: '財務狀況表',
      facts: {
        nta: { label: '有形資產淨值', unit: '人民幣千元', value: 1_150_000, period: '2024-06-30', source: 'company' },
      },
    };
    const bound = resolverFor(
      offerWith((o) => (o['ntaBefore'] = { formula: 'balance.nta / 1000', asAt: '2024-06-30', source: 'company' })),
      [balance],
    );
    expect(bound.require('offer.nta-before-rmb').formula).toBe('balance.nta / 1000');
    expect(shown(bound, 'offer.nta-per-share-high')).toBe('2.68港元');
  });
});

describe('withheld: a taint, not a list', () => {
  const r = resolverFor(offerWith());

  it('the withheld inputs and everything derived from them, through formulas and tables', () => {
    for (const ref of [
      'offer.price-high',
      'offer.price-mid',
      'offer.market-cap-high',
      'offer.net-mid',
      'offer.lot-amount-high',
      'offer.nta-per-share-low',
      'offer.shares-after',
      'offer-use-of-proceeds.network@amount',
      'offer-shareholders.founder@after',
      'offer-pro-forma.high@pershare',
    ]) {
      expect(r.require(ref).withheld, ref).toBe(true);
    }
  });

  it('inputs not withheld and figures computed only from them stay shown', () => {
    for (const ref of [
      'offer.shares-before',
      'offer.board-lot',
      'offer.fee-total',
      'offer.nta-before-hkd',
      'offer-use-of-proceeds.network@percent',
      'offer-use-of-proceeds.total@percent',
      'offer-shareholders.founder@before',
    ]) {
      expect(r.require(ref).withheld, ref).toBe(false);
    }
  });

  it('a claim reading a withheld figure is withheld', () => {
    expect(r.isWithheld('claim.offer-proceeds-high')).toBe(true);
    expect(r.isWithheld('offer.shares-before')).toBe(false);
  });

  it('withholding the board lot taints the per-lot amount but not the market capitalisation', () => {
    const lot = resolverFor(offerWith((o) => (o['withheld'] = ['board-lot'])));
    expect(lot.require('offer.lot-amount-low').withheld).toBe(true);
    expect(lot.require('offer.market-cap-low').withheld).toBe(false);
  });

  it('only the stages that withhold the offer hide it', () => {
    expect(stageWithholds('publication')).toBe(true);
    expect(stageWithholds('vetting')).toBe(false);
    expect(stageWithholds('final')).toBe(false);
    expect(stageWithholds('phip')).toBe(true);
  });
});

describe('use-of-proceeds percentages must add up to 100%', () => {
  it('a split that does not stops at its line with stated and computed', () => {
    const offer = offerWith(
      (o) =>
        ((o['useOfProceeds'] as { percent: number }[])[1] = {
          ...(o['useOfProceeds'] as object[])[1],
          percent: 38.0,
        } as never),
    );
    const { diagnostics } = compileOffer(offer, (path) => (path[0] === 'useOfProceeds' ? 42 : 1));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'data/offer.yaml', line: 42, rule: 'use-of-proceeds' });
    expect(diagnostics[0]?.message).toBe(
      'use-of-proceeds percentages add up to 98%, not 100% — stated network 60% + research 38% = computed 98%; expected them to add up to 100%',
    );
  });

  it('percentages with decimals add exactly (33.3 + 33.3 + 33.4)', () => {
    const offer = offerWith(
      (o) =>
        (o['useOfProceeds'] = [
          { id: 'a', label: '甲', en: 'A', percent: 33.3 },
          { id: 'b', label: '乙', en: 'B', percent: 33.3 },
          { id: 'c', label: '丙', en: 'C', percent: 33.4 },
        ]),
    );
    expect(compileOffer(offer, () => 1).diagnostics).toEqual([]);
  });
});

describe('every spelling of a withheld value', () => {
  it('each edition’s unit, the bare number and the other magnitudes, all from the formatters', () => {
    const s = spellingsOf(10200, '百萬港元', 1);
    for (const spelling of [
      '10,200.0百萬港元',
      'HK$10,200.0 million',
      '10,200.0',
      '10,200,000,000',
      'HK$10,200,000,000',
      '10,200,000,000港元',
      '102億港元',
      'HK$10.2 billion',
    ]) {
      expect(s, spelling).toContain(spelling);
    }
    expect(spellingsOf(10.2, '港元', 2)).toEqual(expect.arrayContaining(['10.20港元', 'HK$10.20', '10.20']));
  });

  it('3,200.0百萬港元 reads 32億港元 too', () => {
    expect(spellingsOf(3200, '百萬港元', 1)).toEqual(
      expect.arrayContaining(['32億港元', 'HK$3,200.0 million', '3,200,000,000']),
    );
  });

  it('a bare number too short to be told from others is left to the spellings with a unit', () => {
    expect(spellingsOf(9.5, '港元', 2)).not.toContain('9.50');
    expect(spellingsOf(9.5, '港元', 2)).toContain('HK$9.50');
  });

  it('a spelling a figure that is not withheld also prints is not searched for', () => {
    const r = resolverFor(offerWith());
    const spellings = withheldSpellings(r);
    expect(spellings).toContain('HK$10,200.0 million');
    // The shareholder's 510,000,000 shares are shown; the same digits are no withheld value.
    expect(spellings).not.toContain('510,000,000');
  });

  it('a number matches as a whole number only', () => {
    expect(indexOfTerm('約15.0%', '5.0%')).toBe(-1);
    expect(indexOfTerm('HK$10.205', 'HK$10.20')).toBe(-1);
    expect(indexOfTerm('1,000,000,000股', '1,000,000')).toBe(-1);
    expect(indexOfTerm('為HK$10.20。', 'HK$10.20')).toBe(1);
    expect(indexOfTerm('市值10,200.0百萬港元', '10,200.0')).toBe(2);
  });

  it('a withheld value typed by hand is found, in any spelling, each once', () => {
    const spellings = withheldSpellings(resolverFor(offerWith()));
    expect(typedWithheld('按每股10.20港元計算，市值為102億港元。', spellings).map((t) => t.spelling)).toEqual([
      '10.20港元',
      '102億港元',
    ]);
    expect(typedWithheld('market capitalisation of HK$10,200.0 million', spellings).map((t) => t.spelling)).toEqual([
      'HK$10,200.0 million',
    ]);
    expect(typedWithheld('2024年10月20日', spellings)).toEqual([]);
  });
});

describe('which end of the price range a sentence names', () => {
  const at = (text: string, lang: 'zh' | 'en') => endFor(text, text.indexOf('\uFFFC'), lang)?.end;
  it('in the figure’s own clause, or before it in its sentence', () => {
    expect(at('按價格範圍上限計算，市值約為\uFFFC。', 'zh')).toBe('high');
    expect(at('按下限計算為甲；按上限計算，市值約為\uFFFC。', 'zh')).toBe('high');
    expect(at('市值約為\uFFFC（按價格範圍最低價計算）。', 'zh')).toBe('low');
    expect(at('At the high end of the price range, it would be \uFFFC.', 'en')).toBe('high');
    expect(at('it would be \uFFFC at the low end of the price range.', 'en')).toBe('low');
    expect(at('Assuming the mid-point, net proceeds of \uFFFC.', 'en')).toBe('mid');
  });
  it('says nothing where nothing is said, or where several ends pair with several figures', () => {
    expect(at('市值約為\uFFFC。', 'zh')).toBeUndefined();
    expect(at('按下限及上限計算，分別為\uFFFC及甲。', 'zh')).toBeUndefined();
    expect(at('at the low and high end, \uFFFC and x, respectively.', 'en')).toBeUndefined();
    expect(at('The maximum number of shares is \uFFFC.', 'en')).toBeUndefined();
  });
});
