/**
 * Korean won: amounts are whole numbers (KRW has no minor unit; KICC sends integer "Number"
 * amounts, KICC-API.md reqCancel). Both functions refuse a value that is not a safe integer
 * with a RangeError: that is a bug of the caller, who should have checked it with checkAmount
 * (shared/kicc/fields.ts) first.
 */

function assertWon(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer number of won, got ${String(value)}`);
  }
}

/**
 * VAT contained in a VAT-inclusive Korean total (부가세 포함 금액), the common POS convention:
 *   supply = round(total / 1.1), vat = total - supply.
 * 10,000 -> supply 9,091, VAT 909: the seed page's example (KICC-API.md, vatAmt 909).
 *
 * Rounding: to the nearest won. total / 1.1 = 10·total / 11 has a fractional part k/11, never
 * exactly one half, so "half up" or "half even" never comes into it. We compute it with integers
 * (BigInt), which equals Math.round(total / 1.1) wherever the float is exact and stays exact for
 * any safe integer. The VAT is what is left, so supply + VAT is always exactly the total.
 * A store that keeps service charge (봉사료) separately computes VAT on total minus service.
 */
export function vatFromTotal(totalKrw: number): number {
  assertWon(totalKrw, 'totalKrw');
  if (totalKrw < 0) throw new RangeError(`totalKrw must not be negative, got ${totalKrw}`);
  // round(10t / 11) = floor((20t + 11) / 22) for t >= 0; BigInt division truncates = floors.
  const supply = Number((20n * BigInt(totalKrw) + 11n) / 22n);
  return totalKrw - supply;
}

/** "1234567" -> "1,234,567": groups of three, a comma between them (Korean and English alike). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An amount for people to read:
 *   ko: "10,000원"     (Korean receipts and screens write the unit after the number)
 *   en: "KRW 10,000"   (ISO code, not "₩": plain ASCII, unambiguous to a foreign reader, and
 *                       printable on any receipt printer's code page)
 * Negative amounts (a refund shown as minus) keep the sign in front: "-10,000원", "-KRW 10,000".
 * Hand-made rather than Intl.NumberFormat so the output does not depend on the ICU data of
 * the Electron build or the test machine, and the separator is a plain space (wrap control is
 * the screen's job: CSS white-space).
 */
export function formatKrw(n: number, locale: 'ko' | 'en'): string {
  assertWon(n, 'amount');
  const sign = n < 0 ? '-' : '';
  const grouped = groupThousands(String(Math.abs(n)));
  return locale === 'ko' ? `${sign}${grouped}원` : `${sign}KRW ${grouped}`;
}
