import type { Offer } from '../schema/offer.ts';
import type { Fact, FactBuilder } from './fact-builder.ts';

/**
 * The inputs of the offer dataset: each value as typed in data/offer.yaml, with its label in
 * both editions, unit and decimals. The one exception is the NTA before the offer, which
 * data/offer.yaml may instead bind by formula to the Accountants' Report.
 */
export function addInputFacts(b: FactBuilder, offer: Offer): void {
  const { stated, derived, facts } = b;
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
}
