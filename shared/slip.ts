/**
 * Printable slips (issue 6 "Cancellation slip", and the end-of-day summary's layout). Pure:
 * shared/ runs in the renderer too, so nothing here touches Node or Electron; printing is the
 * shell's job (Electron's webContents.print with slipHtml's document).
 */
export type { PrintedCheckpoint, Slip, SlipLine } from './slip/lines';
export { SLIP_COLUMNS, checkpointLines, displayWidth, slipText } from './slip/lines';
export { escapeHtml, slipHtml } from './slip/html';
export { maskCardNumber } from './slip/card-mask';
export {
  formatBusinessNumber,
  formatInstallment,
  formatKiccDate,
  formatKstDateTime,
} from './slip/format';
export type { CancellationSlip, CancellationSlipInput, SlipKind } from './slip/cancellation-slip';
export { buildSlip, slipKind } from './slip/cancellation-slip';
export type { TestSlipInput } from './slip/test-slip';
export { buildTestSlip } from './slip/test-slip';
