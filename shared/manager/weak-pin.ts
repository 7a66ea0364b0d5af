/**
 * Whether a manager PIN is too easy to guess: pure, no imports, so main enforces it
 * (electron/manager/pin-policy.ts refuses `weak-pin`) and the page warns with the same rule as
 * the manager types (renderer/screens/manager/PinForms.tsx).
 *
 * Why these: with 5 tries before a lock-out (electron/manager/lockout.ts) the guesses that matter
 * are the first few, so refusing the top of every published PIN list buys most of the strength a
 * short PIN can have (docs/shell.md "Manager channels").
 */

/**
 * Common PINs no rule below catches: 1004 (천사, "angel", among the commonest Korean PINs) and
 * straight lines on a phone or POS keypad (2580 is its middle column).
 */
const WELL_KNOWN: ReadonlySet<string> = new Set([
  '1004',
  '2580',
  '0852',
  '1470',
  '0741',
  '3690',
  '0963',
  '1379',
  '7913',
]);

/** All the same digit: 0000, 777777. */
const sameDigit = (pin: string): boolean => /^(\d)\1*$/.test(pin);

/** Each digit one more (or one less) than the one before, wrapping 9-0: 1234, 987654, 7890. */
function straight(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i += 1) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
}

/** The PIN is a shorter block repeated: 1212, 123123, 12341234. */
function repeatedBlock(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size += 1) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin)
      return true;
  }
  return false;
}

/** Meant for a PIN of the right shape (4–8 digits); the format is checked separately. */
export function isWeakPin(pin: string): boolean {
  return (
    sameDigit(pin) ||
    straight(pin, 1) ||
    straight(pin, -1) ||
    repeatedBlock(pin) ||
    WELL_KNOWN.has(pin)
  );
}
