import { KICC_OK } from '../kicc/codes';

/**
 * Codes confirmed to mean "nothing happened at KICC" on reqCancel: only these end a cancellation
 * `rejected` (the cashier is told the card was NOT refunded). KICC has published no code but
 * 0000 (KICC-API.md "Result codes" [A]), so live starts with none built in; a manager adds the
 * codes KICC confirms in settings (audited), and in training the simulator's own refusal codes
 * are confirmed, since the simulator IS the KICC there (electron/desk-engine.ts).
 */
export const KICC_CONFIRMED_REFUSAL_CODES: readonly string[] = [];

export function isConfirmedRefusal(
  respCd: string | undefined,
  configured: readonly string[],
): boolean {
  if (respCd === undefined || respCd === KICC_OK) return false;
  return KICC_CONFIRMED_REFUSAL_CODES.includes(respCd) || configured.includes(respCd);
}
