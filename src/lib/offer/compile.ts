import type { Diagnostic } from '../diagnostics.ts';
import type { Claim } from '../schema/claim.ts';
import type { Dataset, FactsDataset, RangeEnd, TableDataset } from '../schema/dataset.ts';
import type { Offer } from '../schema/offer.ts';

/**
 * The offer (data/offer.yaml) as datasets and claims, so every figure that follows from it goes
 * through the same resolver, tie-out, provenance and schedule as any other figure. Only the
 * inputs are stated; everything else is a formula, evaluated at build time and recorded as the
 * figure's provenance. Each generated entry remembers the offer.yaml path it comes from, for
 * errors at `data/offer.yaml:line`.
 *
 * Data ids (bind them with <Val of="offer.…" />):
 * - inputs: price-low, price-high, offer-shares, shares-before, authorised-shares, par-value,
 *   hk-split, over-allotment, board-lot, brokerage, sfc-levy, afrc-levy, trading-fee,
 *   commission-rate, other-expenses, nta-before-rmb, rmb-hkd, pool-threshold (when stated)
 * - derived: price-mid, intl-split, shares-after, hk-offer-shares, intl-offer-shares,
 *   over-allotment-shares, pool-shares, fee-total, market-cap-{low,high}, gross-{low,mid,high},
 *   commission-{low,mid,high}, net-{low,mid,high}, listing-expenses-mid, net-extra-high,
 *   net-shortfall-low, lot-amount-{low,high}, nta-before-hkd, pro-forma-nta-{low,high},
 *   nta-per-share-{low,high}, existing-value-{low,high}, lot-consideration-{low,high},
 *   lot-charges-{low,high}, shares-before-percent, offer-shares-percent, authorised-nominal,
 *   shares-before-nominal, offer-shares-nominal, shares-after-nominal
 * - tables: offer-use-of-proceeds (row per use, columns percent / amount), offer-share-capital,
 *   offer-pro-forma (rows low / high), offer-shareholders (columns shares / before / after),
 *   offer-statistics (rows low / high: price, market capitalisation, pro forma NTA per share)
 */
export interface CompiledOffer {
  datasets: Dataset[];
  claims: Claim[];
  /** Where in data/offer.yaml each generated entry comes from: by dataset id, then by fact, row or claim id. */
  paths: Map<string, Map<string, readonly PropertyKey[]>>;
  diagnostics: Diagnostic[];
}

export const OFFER_FILE = 'data/offer.yaml';
export const OFFER_DATASET = 'offer';

type Fact = FactsDataset['facts'][string];

const ENDS = [
  ['low', '下限', 'low end'],
  ['mid', '中位數', 'mid-point'],
  ['high', '上限', 'high end'],
] as const satisfies readonly (readonly [RangeEnd, string, string])[];

/** Exact sum of percentages stated to a few decimals: in hundred-thousandths, as integers. */
function exactSum(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + Math.round(v * 100_000), 0) / 100_000;
}

export function compileOffer(
  offer: Offer,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): CompiledOffer {
  const diagnostics: Diagnostic[] = [];
  const source = offer.source;
  const withheld = new Set<string>(offer.withheld);
  const facts: Record<string, Fact> = {};
  const factPaths = new Map<string, readonly PropertyKey[]>();

  const stated = (
    id: string,
    path: readonly PropertyKey[],
    value: number,
    label: string,
    en: string,
    unit: string,
    decimals?: number,
  ) => {
    facts[id] = {
      label,
      en: { label: en },
      unit,
      value,
      source,
      ...(decimals === undefined ? {} : { decimals }),
      ...(withheld.has(id) ? { withheld: true } : {}),
    };
    factPaths.set(id, path);
  };
  const derived = (
    id: string,
    path: readonly PropertyKey[],
    formula: string,
    label: string,
    en: string,
    unit: string,
    decimals: number,
    end?: RangeEnd,
  ) => {
    facts[id] = { label, en: { label: en }, unit, formula, decimals, source, ...(end ? { end } : {}) };
    factPaths.set(id, path);
  };

  // Inputs, as typed in data/offer.yaml.
  stated(
    'price-low',
    ['price', 'low'],
    offer.price.low,
    '每股股份指示性價格範圍下限',
    'Low end of the indicative price range per share',
    '港元',
    2,
  );
  stated(
    'price-high',
    ['price', 'high'],
    offer.price.high,
    '每股股份指示性價格範圍上限',
    'High end of the indicative price range per share',
    '港元',
    2,
  );
  stated(
    'offer-shares',
    ['shares', 'offer'],
    offer.shares.offer,
    '根據發售提呈的股份數目（未計及任何超額分配）',
    'Number of shares offered (before any over-allocation)',
    '股',
  );
  stated(
    'shares-before',
    ['shares', 'inIssueBefore'],
    offer.shares.inIssueBefore,
    '緊接發售前已發行股份數目',
    'Shares in issue immediately before the offer',
    '股',
  );
  stated(
    'authorised-shares',
    ['shares', 'authorised'],
    offer.shares.authorised,
    '法定股份數目',
    'Number of authorised shares',
    '股',
  );
  stated('par-value', ['shares', 'parValue'], offer.shares.parValue, '每股股份面值', 'Par value per share', '美元', 5);
  stated(
    'hk-split',
    ['hongKongPercent'],
    offer.hongKongPercent,
    '初步於香港提呈的股份佔提呈股份的百分比',
    'Shares initially offered in Hong Kong, as a percentage of the shares offered',
    '%',
    0,
  );
  stated(
    'over-allotment',
    ['overAllotmentPercent'],
    offer.overAllotmentPercent,
    '可予超額分配的股份佔提呈股份的百分比',
    'Shares that may be over-allocated, as a percentage of the shares offered',
    '%',
    0,
  );
  if (offer.poolThreshold !== undefined) {
    stated(
      'pool-threshold',
      ['poolThreshold'],
      offer.poolThreshold,
      '香港公開發售甲組與乙組的分界金額（認購股份的價格，未計及經紀佣金、交易徵費及交易費）',
      'Amount dividing pool A from pool B of the Hong Kong public offering (price of the shares applied for, before brokerage, levies and trading fee)',
      '百萬港元',
      0,
    );
  }
  stated('board-lot', ['boardLot'], offer.boardLot, '每手買賣單位', 'Board lot', '股');
  stated('brokerage', ['fees', 'brokerage'], offer.fees.brokerage, '經紀佣金', 'Brokerage', '%', 1);
  stated('sfc-levy', ['fees', 'sfcLevy'], offer.fees.sfcLevy, '證監會交易徵費', 'SFC transaction levy', '%', 4);
  stated('afrc-levy', ['fees', 'afrcLevy'], offer.fees.afrcLevy, '會財局交易徵費', 'AFRC transaction levy', '%', 5);
  stated(
    'trading-fee',
    ['fees', 'tradingFee'],
    offer.fees.tradingFee,
    '聯交所交易費',
    'Stock Exchange trading fee',
    '%',
    5,
  );
  stated(
    'commission-rate',
    ['commissionPercent'],
    offer.commissionPercent,
    '包銷佣金率（佔所得款項總額）',
    'Underwriting commission rate (of gross proceeds)',
    '%',
    1,
  );
  stated(
    'other-expenses',
    ['otherListingExpenses'],
    offer.otherListingExpenses,
    '包銷佣金以外的上市開支',
    'Listing expenses other than the underwriting commission',
    '百萬港元',
    1,
  );
  // NTA before the offer: stated here for now, or bound by formula to the Accountants' Report.
  const ntaLabel = '本公司擁有人應佔綜合有形資產淨值（摘自會計師報告）';
  const ntaEn = "Consolidated net tangible assets attributable to owners of our Company (from the Accountants' Report)";
  if (offer.ntaBefore.formula !== undefined) {
    derived('nta-before-rmb', ['ntaBefore', 'formula'], offer.ntaBefore.formula, ntaLabel, ntaEn, '人民幣百萬元', 1);
  } else {
    stated(
      'nta-before-rmb',
      ['ntaBefore', 'value'],
      offer.ntaBefore.value ?? Number.NaN,
      ntaLabel,
      ntaEn,
      '人民幣百萬元',
      1,
    );
  }
  facts['nta-before-rmb'] = {
    ...(facts['nta-before-rmb'] as Fact),
    period: offer.ntaBefore.asAt,
    source: offer.ntaBefore.source,
  };
  stated('rmb-hkd', ['rmbToHkd'], offer.rmbToHkd, '人民幣1.00元兌港元匯率', 'HK$ per RMB1.00', '港元', 4);

  // Derived: formulas over the inputs, evaluated by the resolver.
  derived(
    'price-mid',
    ['price'],
    '(price-low + price-high) / 2',
    '每股股份指示性價格範圍中位數',
    'Mid-point of the indicative price range per share',
    '港元',
    2,
    'mid',
  );
  derived(
    'intl-split',
    ['hongKongPercent'],
    '100 - hk-split',
    '初步於香港以外提呈的股份佔提呈股份的百分比',
    'Shares initially offered outside Hong Kong, as a percentage of the shares offered',
    '%',
    0,
  );
  derived(
    'shares-after',
    ['shares'],
    'shares-before + offer-shares',
    '緊隨發售完成後已發行股份數目（未計及任何超額分配）',
    'Shares in issue immediately after the offer (before any over-allotment)',
    '股',
    0,
  );
  derived(
    'hk-offer-shares',
    ['hongKongPercent'],
    'offer-shares * hk-split / 100',
    '初步於香港提呈的股份數目',
    'Number of shares initially offered in Hong Kong',
    '股',
    0,
  );
  derived(
    'intl-offer-shares',
    ['hongKongPercent'],
    'offer-shares - hk-offer-shares',
    '初步於香港以外提呈的股份數目',
    'Number of shares initially offered outside Hong Kong',
    '股',
    0,
  );
  derived(
    'over-allotment-shares',
    ['overAllotmentPercent'],
    'offer-shares * over-allotment / 100',
    '可予超額分配的股份數目上限',
    'Maximum number of shares that may be over-allocated',
    '股',
    0,
  );
  derived(
    'pool-shares',
    ['hongKongPercent'],
    'hk-offer-shares / 2',
    '香港公開發售甲組及乙組各自初步可供認購的股份數目',
    'Number of shares initially available in each of pool A and pool B of the Hong Kong public offering',
    '股',
    0,
  );
  derived(
    'fee-total',
    ['fees'],
    'brokerage + sfc-levy + afrc-levy + trading-fee',
    '經紀佣金、交易徵費及交易費合計',
    'Brokerage, levies and trading fee in total',
    '%',
    5,
  );
  derived(
    'shares-before-percent',
    ['shares', 'inIssueBefore'],
    'shares-before / shares-after * 100',
    '緊接發售前已發行股份佔發售後股本的百分比',
    'Shares in issue before the offer as a percentage of the enlarged share capital',
    '%',
    1,
  );
  derived(
    'offer-shares-percent',
    ['shares', 'offer'],
    'offer-shares / shares-after * 100',
    '提呈股份佔發售後股本的百分比',
    'Shares offered as a percentage of the enlarged share capital',
    '%',
    1,
  );
  derived(
    'authorised-nominal',
    ['shares', 'authorised'],
    'authorised-shares * par-value',
    '法定股本面值總額',
    'Aggregate nominal value of the authorised share capital',
    '美元',
    2,
  );
  derived(
    'shares-before-nominal',
    ['shares', 'inIssueBefore'],
    'shares-before * par-value',
    '緊接發售前已發行股份面值總額',
    'Aggregate nominal value of the shares in issue before the offer',
    '美元',
    2,
  );
  derived(
    'offer-shares-nominal',
    ['shares', 'offer'],
    'offer-shares * par-value',
    '提呈股份面值總額',
    'Aggregate nominal value of the shares offered',
    '美元',
    2,
  );
  derived(
    'shares-after-nominal',
    ['shares'],
    'shares-after * par-value',
    '緊隨發售完成後已發行股份面值總額',
    'Aggregate nominal value of the shares in issue after the offer',
    '美元',
    2,
  );
  derived(
    'nta-before-hkd',
    ['ntaBefore', 'value'],
    'nta-before-rmb * rmb-hkd',
    '本公司擁有人應佔綜合有形資產淨值（按港元列示）',
    'Consolidated net tangible assets attributable to owners of our Company (in HK$)',
    '百萬港元',
    1,
  );
  derived(
    'listing-expenses-mid',
    ['otherListingExpenses'],
    'commission-mid + other-expenses',
    '上市開支總額（按價格範圍中位數計算）',
    'Total listing expenses (at the mid-point of the price range)',
    '百萬港元',
    1,
    'mid',
  );
  for (const [end, zh, en] of ENDS) {
    const price = `price-${end}`;
    derived(
      `gross-${end}`,
      ['price', end === 'mid' ? 'low' : end],
      `${price} * offer-shares / 1000000`,
      `所得款項總額（按價格範圍${zh}計算）`,
      `Gross proceeds (at the ${en} of the price range)`,
      '百萬港元',
      1,
      end,
    );
    derived(
      `commission-${end}`,
      ['commissionPercent'],
      `gross-${end} * commission-rate / 100`,
      `包銷佣金（按價格範圍${zh}計算）`,
      `Underwriting commission (at the ${en} of the price range)`,
      '百萬港元',
      1,
      end,
    );
    derived(
      `net-${end}`,
      ['otherListingExpenses'],
      `gross-${end} - commission-${end} - other-expenses`,
      `所得款項淨額（按價格範圍${zh}計算）`,
      `Net proceeds (at the ${en} of the price range)`,
      '百萬港元',
      1,
      end,
    );
  }
  derived(
    'net-extra-high',
    ['price', 'high'],
    'net-high - net-mid',
    '按價格範圍最高價計算較中位數增加的所得款項淨額',
    'Additional net proceeds at the high end of the price range over the mid-point',
    '百萬港元',
    1,
    'high',
  );
  derived(
    'net-shortfall-low',
    ['price', 'low'],
    'net-mid - net-low',
    '按價格範圍最低價計算較中位數減少的所得款項淨額',
    'Reduction in net proceeds at the low end of the price range from the mid-point',
    '百萬港元',
    1,
    'low',
  );
  for (const [end, zh, en] of ENDS.filter(([e]) => e !== 'mid')) {
    const price = `price-${end}`;
    // The parts the claims below add up again: what the existing shares are worth at this price,
    // and a board lot's price and its charges.
    derived(
      `existing-value-${end}`,
      ['shares', 'inIssueBefore'],
      `${price} * shares-before / 1000000`,
      `緊接發售前已發行股份的價值（按價格範圍${zh}計算）`,
      `Value of the shares in issue before the offer (at the ${en} of the price range)`,
      '百萬港元',
      1,
      end,
    );
    derived(
      `lot-consideration-${end}`,
      ['boardLot'],
      `${price} * board-lot`,
      `每手股份的價格（按價格範圍${zh}計算，未計及經紀佣金、交易徵費及交易費）`,
      `Price of one board lot (at the ${en} of the price range, before brokerage, levies and trading fee)`,
      '港元',
      2,
      end,
    );
    derived(
      `lot-charges-${end}`,
      ['fees'],
      `lot-consideration-${end} * fee-total / 100`,
      `每手股份的經紀佣金、交易徵費及交易費（按價格範圍${zh}計算）`,
      `Brokerage, levies and trading fee on one board lot (at the ${en} of the price range)`,
      '港元',
      2,
      end,
    );
    derived(
      `market-cap-${end}`,
      ['price', end],
      `${price} * shares-after / 1000000`,
      `市值（按價格範圍${zh}計算）`,
      `Market capitalisation (at the ${en} of the price range)`,
      '百萬港元',
      1,
      end,
    );
    derived(
      `lot-amount-${end}`,
      ['boardLot'],
      `${price} * board-lot * (1 + fee-total / 100)`,
      `每手股份應付總額（按價格範圍${zh}計算，包括經紀佣金、交易徵費及交易費）`,
      `Amount payable per board lot (at the ${en} of the price range, with brokerage, levies and trading fee)`,
      '港元',
      2,
      end,
    );
    derived(
      `pro-forma-nta-${end}`,
      ['ntaBefore'],
      `nta-before-hkd + net-${end}`,
      `未經審核備考經調整綜合有形資產淨值（按價格範圍${zh}計算）`,
      `Unaudited pro forma adjusted consolidated net tangible assets (at the ${en} of the price range)`,
      '百萬港元',
      1,
      end,
    );
    derived(
      `nta-per-share-${end}`,
      ['ntaBefore'],
      `pro-forma-nta-${end} * 1000000 / shares-after`,
      `每股未經審核備考經調整綜合有形資產淨值（按價格範圍${zh}計算）`,
      `Unaudited pro forma adjusted consolidated net tangible assets per share (at the ${en} of the price range)`,
      '港元',
      2,
      end,
    );
  }

  const offerDataset: FactsDataset = {
    id: OFFER_DATASET,
    kind: 'facts',
    title: '發售數據',
    en: { title: 'The offer' },
    facts,
  };

  // Use of proceeds: percentages stated, amounts computed at the mid-point.
  const uses = offer.useOfProceeds;
  const totalPercent = exactSum(uses.map((u) => u.percent));
  if (totalPercent !== 100) {
    diagnostics.push({
      file: OFFER_FILE,
      line: lineOf(['useOfProceeds']),
      severity: 'error',
      message: `use-of-proceeds percentages add up to ${totalPercent}%, not 100% — stated ${uses.map((u) => `${u.id} ${u.percent}%`).join(' + ')} = computed ${totalPercent}%; expected them to add up to 100%`,
      rule: 'use-of-proceeds',
    });
  }
  const useRows: TableDataset['rows'] = {};
  const usePaths = new Map<string, readonly PropertyKey[]>();
  const terms: Record<string, string> = {};
  uses.forEach((u, i) => {
    useRows[u.id] = {
      purpose: u.label,
      percent: { value: u.percent },
      amount: { formula: `offer.net-mid * offer-use-of-proceeds.${u.id}@percent / 100` },
    };
    terms[u.label] = u.en;
    usePaths.set(u.id, ['useOfProceeds', i]);
  });
  useRows['total'] = {
    purpose: '總計',
    percent: { formula: uses.map((u) => `offer-use-of-proceeds.${u.id}@percent`).join(' + ') },
    amount: { formula: uses.map((u) => `offer-use-of-proceeds.${u.id}@amount`).join(' + ') },
  };
  terms['總計'] = 'Total';
  usePaths.set('total', ['useOfProceeds']);
  const useDataset: TableDataset = {
    id: 'offer-use-of-proceeds',
    kind: 'table',
    title: '所得款項用途（按價格範圍中位數計算）',
    en: {
      title: 'Use of proceeds (at the mid-point of the price range)',
      columns: {
        purpose: { label: 'Use' },
        percent: { label: 'Percentage of net proceeds' },
        amount: { label: 'Amount' },
      },
      terms,
    },
    sources: [source],
    columns: {
      purpose: { label: '用途', type: 'text' },
      percent: { label: '佔所得款項淨額百分比', type: 'number', unit: '%', decimals: 1 },
      amount: { label: '金額', type: 'number', unit: '百萬港元', decimals: 1 },
    },
    rows: useRows,
    highlight: 'total',
  };

  const capitalDataset: TableDataset = {
    id: 'offer-share-capital',
    kind: 'table',
    title: '本公司的法定及已發行股本',
    en: {
      title: 'Authorised and issued share capital',
      columns: {
        item: { label: 'Shares' },
        shares: { label: 'Number of shares' },
        nominal: { label: 'Aggregate nominal value' },
      },
      terms: {
        法定股份: 'Authorised shares',
        緊接發售前已發行股份: 'Shares in issue immediately before the offer',
        根據發售將予發行的股份: 'Shares to be issued under the offer',
        緊隨發售完成後已發行股份總數: 'Total shares in issue immediately after the offer',
      },
    },
    sources: [source],
    columns: {
      item: { label: '股份', type: 'text' },
      shares: { label: '股份數目', type: 'number', unit: '股', decimals: 0 },
      nominal: { label: '面值總額', type: 'number', unit: '美元', decimals: 2 },
    },
    rows: {
      authorised: {
        item: '法定股份',
        shares: { formula: 'offer.authorised-shares' },
        nominal: { formula: 'offer.authorised-nominal' },
      },
      before: {
        item: '緊接發售前已發行股份',
        shares: { formula: 'offer.shares-before' },
        nominal: { formula: 'offer.shares-before-nominal' },
      },
      offer: {
        item: '根據發售將予發行的股份',
        shares: { formula: 'offer.offer-shares' },
        nominal: { formula: 'offer.offer-shares-nominal' },
      },
      after: {
        item: '緊隨發售完成後已發行股份總數',
        shares: { formula: 'offer.shares-after' },
        nominal: { formula: 'offer.shares-after-nominal' },
      },
    },
    highlight: 'after',
  };

  const proFormaDataset: TableDataset = {
    id: 'offer-pro-forma',
    kind: 'table',
    // Not the section's heading: the PDF's figure pages are found by a table's title.
    title: '按價格範圍上下限計算的備考經調整綜合有形資產淨值',
    en: {
      title: 'Pro forma adjusted consolidated net tangible assets at each end of the price range',
      columns: {
        basis: { label: 'Basis' },
        before: { label: 'NTA before the offer' },
        net: { label: 'Estimated net proceeds' },
        after: { label: 'Pro forma adjusted NTA' },
        pershare: { label: 'Per share' },
      },
      terms: {
        按價格範圍下限計算: 'At the low end of the price range',
        按價格範圍上限計算: 'At the high end of the price range',
      },
    },
    sources: [offer.ntaBefore.source, source].filter((s, i, all) => all.indexOf(s) === i),
    columns: {
      basis: { label: '基準', type: 'text' },
      before: {
        label: '於2024年6月30日本公司擁有人應佔綜合有形資產淨值',
        type: 'number',
        unit: '百萬港元',
        decimals: 1,
      },
      net: { label: '估計所得款項淨額', type: 'number', unit: '百萬港元', decimals: 1 },
      after: { label: '未經審核備考經調整綜合有形資產淨值', type: 'number', unit: '百萬港元', decimals: 1 },
      pershare: { label: '每股未經審核備考經調整綜合有形資產淨值', type: 'number', unit: '港元', decimals: 2 },
    },
    rows: Object.fromEntries(
      (['low', 'high'] as const).map((end) => [
        end,
        {
          basis: end === 'low' ? '按價格範圍下限計算' : '按價格範圍上限計算',
          before: { formula: 'offer.nta-before-hkd' },
          net: { formula: `offer.net-${end}` },
          after: { formula: `offer.pro-forma-nta-${end}` },
          pershare: { formula: `offer.nta-per-share-${end}` },
        },
      ]),
    ),
  };

  // The summary's offer statistics, tabulated as Hong Kong prospectuses do: one row per end of
  // the price range, its market capitalisation and pro forma NTA per share beside it.
  const statisticsDataset: TableDataset = {
    id: 'offer-statistics',
    kind: 'table',
    title: '按指示性價格範圍上下限計算的發售統計數據',
    en: {
      title: 'Offer statistics at each end of the indicative price range',
      columns: {
        basis: { label: 'Basis' },
        price: { label: 'Price per share' },
        cap: { label: 'Market capitalisation of our shares' },
        pershare: { label: 'Unaudited pro forma adjusted consolidated net tangible assets per share' },
      },
      terms: {
        按價格範圍下限計算: 'At the low end of the price range',
        按價格範圍上限計算: 'At the high end of the price range',
      },
    },
    sources: [offer.ntaBefore.source, source].filter((s, i, all) => all.indexOf(s) === i),
    columns: {
      basis: { label: '基準', type: 'text' },
      price: { label: '每股股份價格', type: 'number', unit: '港元', decimals: 2 },
      cap: { label: '股份市值', type: 'number', unit: '百萬港元', decimals: 1 },
      pershare: { label: '每股未經審核備考經調整綜合有形資產淨值', type: 'number', unit: '港元', decimals: 2 },
    },
    rows: Object.fromEntries(
      (['low', 'high'] as const).map((end) => [
        end,
        {
          basis: end === 'low' ? '按價格範圍下限計算' : '按價格範圍上限計算',
          price: { formula: `offer.price-${end}` },
          cap: { formula: `offer.market-cap-${end}` },
          pershare: { formula: `offer.nta-per-share-${end}` },
        },
      ]),
    ),
  };

  const holderTerms: Record<string, string> = {};
  const holderRows: TableDataset['rows'] = {};
  const holderPaths = new Map<string, readonly PropertyKey[]>();
  offer.shareholders.forEach((h, i) => {
    holderTerms[h.name] = h.en;
    holderTerms[h.capacity] = h.capacityEn;
    holderRows[h.id] = {
      name: h.name,
      capacity: h.capacity,
      shares: typeof h.shares === 'number' ? { value: h.shares } : { formula: h.shares.formula },
      before: { formula: `offer-shareholders.${h.id}@shares / offer.shares-before * 100` },
      after: { formula: `offer-shareholders.${h.id}@shares / offer.shares-after * 100` },
    };
    holderPaths.set(h.id, ['shareholders', i]);
  });
  const holdersDataset: TableDataset = {
    id: 'offer-shareholders',
    kind: 'table',
    title: '主要股東的股份權益',
    en: {
      title: 'Interests of substantial shareholders in our shares',
      columns: {
        name: { label: 'Name' },
        capacity: { label: 'Capacity / nature of interest' },
        shares: { label: 'Number of shares' },
        before: { label: 'Immediately before the offer', group: 'Approximate percentage of shareholding' },
        after: { label: 'Immediately after the offer', group: 'Approximate percentage of shareholding' },
      },
      terms: holderTerms,
    },
    sources: [source],
    columns: {
      name: { label: '名稱', type: 'text' },
      capacity: { label: '身份／權益性質', type: 'text' },
      shares: { label: '股份數目', type: 'number', unit: '股', decimals: 0 },
      before: { label: '緊接發售前', type: 'number', unit: '%', decimals: 1, group: '概約持股百分比' },
      after: { label: '緊隨發售完成後', type: 'number', unit: '%', decimals: 1, group: '概約持股百分比' },
    },
    rows: holderRows,
  };

  // Claims: the identities a reviewer checks, recomputed at build time like any claim.
  const claims: Claim[] = [];
  const claimPaths = new Map<string, readonly PropertyKey[]>();
  const sum = (id: string, path: readonly PropertyKey[], text: string, en: string, parts: string[], total: string) => {
    claims.push({ id, kind: 'sum', text, en: { text: en }, parts, total, source });
    claimPaths.set(id, path);
  };
  for (const [end, zh, en] of ENDS) {
    sum(
      `offer-proceeds-${end}`,
      ['otherListingExpenses'],
      `所得款項總額等於所得款項淨額、包銷佣金及其他上市開支之和（按價格範圍${zh}計算）`,
      `Gross proceeds equal net proceeds, underwriting commission and other listing expenses (at the ${en} of the price range)`,
      [`offer.net-${end}`, `offer.commission-${end}`, 'offer.other-expenses'],
      `offer.gross-${end}`,
    );
  }
  sum(
    'offer-shares-after',
    ['shares'],
    '發售後已發行股份等於發售前已發行股份與提呈股份之和',
    'Shares in issue after the offer equal the shares in issue before it plus the shares offered',
    ['offer.shares-before', 'offer.offer-shares'],
    'offer.shares-after',
  );
  sum(
    'offer-split',
    ['hongKongPercent'],
    '初步於香港及香港以外提呈的股份之和等於提呈股份',
    'Shares initially offered in and outside Hong Kong add up to the shares offered',
    ['offer.hk-offer-shares', 'offer.intl-offer-shares'],
    'offer.offer-shares',
  );
  if (uses.length >= 2) {
    sum(
      'offer-use-of-proceeds-amounts',
      ['useOfProceeds'],
      '所得款項各項用途金額之和等於所得款項淨額（按價格範圍中位數計算）',
      'The amounts of each use of proceeds add up to the net proceeds (at the mid-point of the price range)',
      uses.map((u) => `offer-use-of-proceeds.${u.id}@amount`),
      'offer.net-mid',
    );
  }
  for (const end of ['low', 'high'] as const) {
    const [, zh, en] = ENDS.find(([e]) => e === end) as (typeof ENDS)[number];
    sum(
      `offer-market-cap-${end}`,
      ['price', end],
      `市值等於緊接發售前已發行股份的價值與所得款項總額之和（按價格範圍${zh}計算）`,
      `Market capitalisation equals the value of the shares in issue before the offer plus the gross proceeds (at the ${en} of the price range)`,
      [`offer.existing-value-${end}`, `offer.gross-${end}`],
      `offer.market-cap-${end}`,
    );
    sum(
      `offer-lot-amount-${end}`,
      ['boardLot'],
      `每手股份應付總額等於每手股份的價格與其經紀佣金、交易徵費及交易費之和（按價格範圍${zh}計算）`,
      `The amount payable per board lot equals the price of the lot plus its brokerage, levies and trading fee (at the ${en} of the price range)`,
      [`offer.lot-consideration-${end}`, `offer.lot-charges-${end}`],
      `offer.lot-amount-${end}`,
    );
    sum(
      `offer-pro-forma-${end}`,
      ['ntaBefore'],
      `未經審核備考經調整綜合有形資產淨值等於發售前有形資產淨值與所得款項淨額之和（按價格範圍${zh}計算）`,
      `Pro forma adjusted net tangible assets equal net tangible assets before the offer plus net proceeds (at the ${en} of the price range)`,
      ['offer.nta-before-hkd', `offer.net-${end}`],
      `offer.pro-forma-nta-${end}`,
    );
  }

  return {
    datasets: [offerDataset, useDataset, capitalDataset, proFormaDataset, statisticsDataset, holdersDataset],
    claims,
    paths: new Map([
      [OFFER_DATASET, factPaths],
      ['offer-use-of-proceeds', usePaths],
      ['offer-share-capital', new Map([['*', ['shares']]])],
      ['offer-pro-forma', new Map([['*', ['ntaBefore']]])],
      ['offer-statistics', new Map([['*', ['price']]])],
      ['offer-shareholders', holderPaths],
      ['claims', claimPaths],
    ]),
    diagnostics,
  };
}
