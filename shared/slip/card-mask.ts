/**
 * A card number as it may be printed: at most the first 6 and the last 4 digits, the rest '*'
 * (issue 6: "card (masked)"; PCI DSS 3.4 allows at most first six / last four). KICC's answer
 * already carries a masked number (cardConfirmNo, "1234-56**-****-1234", KICC-API.md), but a
 * receipt may have been typed or imported with more digits showing, so the slip masks again
 * whatever it is given: a full PAN can never reach the printer.
 *
 * Digits and mask marks (* X x # • ●) are the card's positions; separators are kept as they
 * are. With 13 or more positions (a card number) the first 6 and last 4 stay; with fewer (a
 * fragment) only the last 4.
 */

/** A card position: a digit or a mask mark (* X x # • ●). */
const isPosition = (char: string): boolean =>
  (char >= '0' && char <= '9') ||
  char === '*' ||
  char === 'x' ||
  char === 'X' ||
  char === '#' ||
  char === '•' ||
  char === '●';

export function maskCardNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const chars = [...value.trim()];
  let total = 0;
  for (const char of chars) if (isPosition(char)) total += 1;
  if (total === 0) return null;
  const head = total >= 13 ? 6 : 0;
  let position = 0;
  let masked = '';
  for (const char of chars) {
    if (!isPosition(char)) {
      masked += char;
      continue;
    }
    const shown = position < head || position >= total - 4;
    position += 1;
    masked += shown && char >= '0' && char <= '9' ? char : '*';
  }
  return masked;
}

/** `"cardConfirmNo": "…"` in a JSON text (KICC's answer), with its string value captured. */
const CARD_FIELD = /("cardConfirmNo"\s*:\s*")((?:[^"\\]|\\.)*)(")/g;

/**
 * KICC's answer as stored and shown (an attempt's raw answer, the review screen): the value of
 * its card field masked like the slip's, everything else byte for byte (issue 11 finding 6:
 * "KICC's cardConfirmNo too"). KICC documents a masked number there; this holds if it ever sends
 * more. Only that field: a 16-digit merchant number elsewhere must stay exactly as sent.
 */
export function maskCardFieldsInJson(text: string): string {
  return text.replace(
    CARD_FIELD,
    (_match, open: string, value: string, close: string) =>
      `${open}${maskCardNumber(value) ?? value}${close}`,
  );
}
