/**
 * The result codes the simulator answers with. [A] KICC has published no code list for this
 * API (KICC-API.md "Result codes"): these are the project's placeholders, in ONE table, so the
 * simulator changes in one place when KICC answers. The client maps them to classes in its own
 * table (electron/kicc/codes.ts).
 *
 * respMsg is KICC's "Result Message", 128 bytes, often Korean: we answer in Korean like a
 * Korean VAN would.
 */
export const SIM_CODES = {
  ok: '0000',
  originalNotFound: 'S001',
  alreadyCancelled: 'S002',
  mismatch: 'S003',
  cancelPeriodExpired: 'S004',
  duplicateMercTrxNo: 'S005',
  nothingToReverse: 'S006',
  netCancelWindowExceeded: 'S007',
  invalidField: 'S008',
  temporaryError: 'S999',
} as const;

export type SimCode = (typeof SIM_CODES)[keyof typeof SIM_CODES];

export const SIM_MESSAGES: Record<SimCode, string> = {
  '0000': '정상처리',
  S001: '원거래 없음',
  S002: '이미 취소된 거래',
  S003: '원거래 정보 불일치',
  S004: '취소 가능 기간 경과',
  S005: '중복 거래번호',
  S006: '망취소 대상 거래 없음',
  S007: '망취소 가능 시간 경과',
  S008: '입력값 오류',
  S999: '일시적 시스템 오류',
};

/** Success texts differ per endpoint, as a VAN's do. */
export const SUCCESS_MESSAGES = {
  approve: '정상승인',
  cancel: '정상취소',
  netCancel: '망취소 완료',
} as const;
