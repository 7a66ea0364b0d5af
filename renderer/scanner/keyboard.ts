/**
 * What a key types, read from the PHYSICAL key (`KeyboardEvent.code`), not from `key`.
 *
 * With 한/영 in Hangul mode, a keyboard-wedge scanner's letters reach the page as `Process`
 * key events (the IME is composing) and the field fills with jamo: "ORD_…" arrives as
 * "ㅒㄲㅇ_…" (issue 12 finding 3). `code` still names the key that was pressed, and a Korean
 * keyboard is a US layout underneath (두벌식 sits on QWERTY), so the character the scanner meant
 * is the US layout's character for that code, with Shift (and Caps Lock for letters).
 * Pure: tests pass plain objects.
 */
export interface PhysicalKey {
  key: string;
  code: string;
  shiftKey: boolean;
  /** Caps Lock (`getModifierState('CapsLock')`); letters only */
  capsLock?: boolean;
}

/** US layout, unshifted and shifted, for the keys a receipt number or a scanner uses. */
const SYMBOLS: Readonly<Record<string, readonly [string, string]>> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
};

const NUMPAD: Readonly<Record<string, string>> = {
  NumpadDecimal: '.',
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadMultiply: '*',
  NumpadDivide: '/',
};

/** Keys that end a line; both Enters end a scan. */
const ENTER_CODES = new Set(['Enter', 'NumpadEnter']);

/** A key that already says which ASCII character it typed (English mode, any layout). */
const isAsciiCharacter = (key: string): boolean => /^[\x20-\x7e]$/.test(key);

/**
 * The character a key typed. When the event names an ASCII character itself (English mode),
 * that is it. Otherwise (`Process` while the IME composes, a jamo, `Unidentified`) it is the
 * US layout's character for the physical key (`'O'`, `'_'`, `'7'`). `'Enter'` for either Enter
 * key, and the event's own `key` for the rest (Shift, Backspace, Tab, F2…), including an event
 * without a known code.
 */
export function typedKey(event: PhysicalKey): string {
  const { code } = event;
  if (ENTER_CODES.has(code)) return 'Enter';
  if (isAsciiCharacter(event.key)) return event.key;
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter !== undefined) {
    const upper = event.shiftKey !== (event.capsLock ?? false);
    return upper ? letter : letter.toLowerCase();
  }
  const symbol = SYMBOLS[code];
  if (symbol !== undefined) return event.shiftKey ? symbol[1] : symbol[0];
  const digit = /^Numpad([0-9])$/.exec(code)?.[1];
  if (digit !== undefined) return digit;
  return NUMPAD[code] ?? event.key;
}

/** The DOM event's physical key, Caps Lock included. */
export function physicalKeyOf(event: {
  key: string;
  code: string;
  shiftKey: boolean;
  getModifierState(key: string): boolean;
}): PhysicalKey {
  return {
    key: event.key,
    code: event.code,
    shiftKey: event.shiftKey,
    capsLock: event.getModifierState('CapsLock'),
  };
}
