import type { Bilingual } from '../../shared/kicc/messages';

/**
 * The receipt fields an import fills, and the column headers that mean each one. Headers are
 * matched after normalising (./headers.ts): case, spaces, '_', '-', '.', '/', brackets and
 * full-width forms do not matter, so "승인 번호", "Approval No." and "APPROVAL_NO" all match.
 * docs/manager.md lists these for the manager; keep the two in step.
 */
export type ImportField =
  | 'aprvDt'
  | 'aprvTm'
  | 'aprvNo'
  | 'trxAmt'
  | 'vatAmt'
  | 'svcAmt'
  | 'alotMonth'
  | 'vanTrxNo'
  | 'mercTrxNo'
  | 'card'
  | 'issuer'
  | 'issuerCode';

export const HEADER_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  aprvDt: [
    '승인일자',
    '승인일',
    '승인날짜',
    '승인일시',
    '원거래승인일자',
    '거래일자',
    '거래일',
    '거래일시',
    '결제일자',
    '결제일',
    '결제일시',
    'approval date',
    'approval datetime',
    'approved at',
    'aprvDt',
    'orgAprvDt',
    'transaction date',
  ],
  aprvTm: [
    '승인시간',
    '승인시각',
    '거래시간',
    '거래시각',
    '결제시간',
    'approval time',
    'aprvTm',
    'orgAprvTm',
  ],
  aprvNo: [
    '승인번호',
    '원거래승인번호',
    'approval no',
    'approval number',
    'approval code',
    'auth code',
    'aprvNo',
    'orgAprvNo',
  ],
  trxAmt: [
    '거래금액',
    '결제금액',
    '승인금액',
    '합계금액',
    '총금액',
    '금액',
    'amount',
    'total amount',
    'trxAmt',
  ],
  vatAmt: ['부가세', '부가가치세', '부가세액', '세액', 'vat', 'vat amount', 'tax', 'vatAmt'],
  svcAmt: ['봉사료', '서비스료', '서비스금액', 'service', 'service charge', 'tip', 'svcAmt'],
  alotMonth: [
    '할부',
    '할부개월',
    '할부개월수',
    '할부기간',
    'installment',
    'installments',
    'installment months',
    'alotMonth',
  ],
  vanTrxNo: [
    'VAN거래번호',
    'VAN 거래고유번호',
    '거래고유번호',
    'VAN번호',
    'van trx no',
    'van transaction no',
    'van transaction number',
    'vanTrxNo',
  ],
  mercTrxNo: [
    '가맹점거래번호',
    '가맹점주문번호',
    '주문번호',
    'merchant trx no',
    'merchant transaction no',
    'merchant transaction number',
    'order no',
    'order number',
    'mercTrxNo',
  ],
  card: ['카드번호', '마스킹카드번호', 'card', 'card no', 'card number', 'cardConfirmNo'],
  issuer: [
    '카드사',
    '카드사명',
    '발급사',
    '발급사명',
    '카드종류',
    'issuer',
    'issuer name',
    'card issuer',
    'card company',
    'issFmNm',
  ],
  issuerCode: ['카드사코드', '발급사코드', '카드사 코드', 'issuer code', 'issFmCd'],
};

/** Without these a receipt cannot be cancelled (KICC-API.md reqCancel needs each). */
export const REQUIRED_FIELDS: readonly ImportField[] = ['aprvDt', 'aprvNo', 'trxAmt', 'vatAmt'];

/** KICC cancels by one of these (wcc T or G); a file must have at least one of the columns. */
export const KEY_FIELDS: readonly ImportField[] = ['vanTrxNo', 'mercTrxNo'];

export const FIELD_NAMES: Readonly<Record<ImportField, Bilingual>> = {
  aprvDt: { ko: '승인일자', en: 'approval date' },
  aprvTm: { ko: '승인시간', en: 'approval time' },
  aprvNo: { ko: '승인번호', en: 'approval number' },
  trxAmt: { ko: '거래금액', en: 'amount' },
  vatAmt: { ko: '부가세', en: 'VAT' },
  svcAmt: { ko: '봉사료', en: 'service charge' },
  alotMonth: { ko: '할부', en: 'installment' },
  vanTrxNo: { ko: 'VAN거래번호', en: 'VAN transaction number' },
  mercTrxNo: { ko: '가맹점거래번호', en: 'merchant transaction number' },
  card: { ko: '카드번호', en: 'card number' },
  issuer: { ko: '카드사', en: 'card issuer' },
  issuerCode: { ko: '카드사코드', en: 'card issuer code' },
};
