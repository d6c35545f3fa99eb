import type { Claim } from '../schema/claim.ts';
import type { Offer } from '../schema/offer.ts';
import { ENDS } from './price-ends.ts';

/**
 * The offer's claims: the identities a reviewer checks (proceeds add up, shares add up, the
 * uses of proceeds add up to the net proceeds, market capitalisation, board-lot amount and pro
 * forma NTA at each end), recomputed at build time like any claim.
 */
export function offerClaims(offer: Offer): { claims: Claim[]; paths: Map<string, readonly PropertyKey[]> } {
  const source = offer.source;
  const uses = offer.useOfProceeds;
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
  return { claims, paths: claimPaths };
}
