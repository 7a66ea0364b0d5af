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

/**
 * The answers that mean "nothing happened at KICC": business refusals of a request that changed
 * nothing (the original is not found, amounts differ, the period is over, a field is wrong).
 * The app may end a cancellation `rejected` on these only because this simulator IS the KICC it
 * talks to in training; live, only codes KICC confirmed are taken as such (docs/engine.md).
 */
export const NOTHING_HAPPENED_CODES: readonly SimCode[] = [
  SIM_CODES.originalNotFound,
  SIM_CODES.mismatch,
  SIM_CODES.cancelPeriodExpired,
  SIM_CODES.invalidField,
];

/**
 * The 'unknown-codes' profile (./profiles.ts): the same answers under codes the app's table
 * (electron/kicc/codes.ts) does not know, as KICC's real, unpublished codes would be. 0000 is
 * KICC's one published code [C] and stays.
 */
export const UNKNOWN_CODES: Readonly<Record<Exclude<SimCode, '0000'>, string>> = {
  S001: 'E101',
  S002: 'E102',
  S003: 'E103',
  S004: 'E104',
  S005: 'E105',
  S006: 'E106',
  S007: 'E107',
  S008: 'E108',
  S999: 'E999',
};

/** The respCd KICC answers with for `code` under the profile's code table. */
export function codeUnder(codes: 'table' | 'unknown', code: SimCode): string {
  return codes === 'table' || code === SIM_CODES.ok ? code : UNKNOWN_CODES[code];
}

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
