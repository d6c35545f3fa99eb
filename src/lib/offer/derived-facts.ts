import type { FactBuilder } from './fact-builder.ts';
import { ENDS } from './price-ends.ts';

/**
 * The figures that follow from the offer's inputs, as formulas the resolver evaluates at build
 * time (recorded as each figure's provenance): split of the shares, proceeds and commission at
 * each end of the price range, market capitalisation, board-lot amounts, pro forma NTA, nominal
 * values. Add after the inputs: the facts keep the order they are added in.
 */
export function addDerivedFacts(b: FactBuilder): void {
  const { derived } = b;
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
}
