/**
 * The card companies the simulator issues cards for, with issuer (issFm) and acquirer (purchFm)
 * codes and Korean names. [A] KICC's card-code table is not public (the seed page says "Refer
 * to Card Codes"); the only code we have seen is "06" for KB국민카드 in the seed's response
 * example, so that one is real and the others are placeholders, kept in this one table.
 * 우리카드 is acquired by BC카드 here, as it long was in Korea, so that one card in the samples
 * has an acquirer different from its issuer (the two fields are not always equal).
 */
export interface CardIssuer {
  issFmCd: string;
  issFmNm: string;
  purchFmCd: string;
  purchFmNm: string;
  /** first six digits of the card numbers this issuer hands out (shown unmasked on receipts) */
  bins: readonly string[];
}

const issuer = (code: string, name: string, bins: readonly string[]): CardIssuer => ({
  issFmCd: code,
  issFmNm: name,
  purchFmCd: code,
  purchFmNm: name,
  bins,
});

export const CARD_ISSUERS: readonly CardIssuer[] = [
  issuer('06', 'KB국민카드', ['536510', '457973']),
  issuer('07', '신한카드', ['451842', '540926']),
  issuer('04', '삼성카드', ['531070', '949013']),
  issuer('08', '현대카드', ['433028', '515594']),
  issuer('09', '롯데카드', ['404825', '522061']),
  issuer('03', '하나카드', ['465887', '559410']),
  { ...issuer('15', '우리카드', ['538920', '944603']), purchFmCd: '01', purchFmNm: 'BC카드' },
  issuer('01', 'BC카드', ['941061', '625817']),
  issuer('11', 'NH농협카드', ['546112', '356416']),
];

export function findIssuer(issFmCd: string): CardIssuer | undefined {
  return CARD_ISSUERS.find((card) => card.issFmCd === issFmCd);
}
