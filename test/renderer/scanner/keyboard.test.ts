import { describe, expect, it } from 'vitest';
import { typedKey, type PhysicalKey } from '../../../renderer/scanner/keyboard';

const key = (code: string, patch: Partial<PhysicalKey> = {}): PhysicalKey => ({
  key: 'Process',
  code,
  shiftKey: false,
  ...patch,
});

/** Issue 12 finding 3: scanner input is read by the physical key, not by what the IME made of it. */
describe('finding 3: a key is read by event.code (the IME reports Process)', () => {
  it.each<[string, PhysicalKey, string]>([
    ['a letter in Hangul mode, Shift held (ㅒ on screen)', key('KeyO', { shiftKey: true }), 'O'],
    ['a letter in Hangul mode, no Shift (ㅐ on screen)', key('KeyO'), 'o'],
    ['a letter with Caps Lock', key('KeyR', { capsLock: true }), 'R'],
    ['Caps Lock and Shift cancel out', key('KeyR', { capsLock: true, shiftKey: true }), 'r'],
    ['a digit', key('Digit7'), '7'],
    ['Shift+Minus is the underscore', key('Minus', { shiftKey: true }), '_'],
    ['Minus', key('Minus'), '-'],
    ['a numpad digit', key('Numpad4'), '4'],
    ['the numpad minus', key('NumpadSubtract'), '-'],
    ['Enter while composing', key('Enter'), 'Enter'],
    ['the numpad Enter', key('NumpadEnter', { key: 'Enter' }), 'Enter'],
    ['Shift itself is still Shift', key('ShiftLeft', { key: 'Shift' }), 'Shift'],
    ['Backspace stays Backspace', key('Backspace', { key: 'Backspace' }), 'Backspace'],
    ['an event without a code keeps its key', key('', { key: 'V' }), 'V'],
    ['English mode: the character the event names wins', key('KeyV', { key: 'V' }), 'V'],
    ['a jamo as the key is read by its code', key('KeyO', { key: 'ㅐ' }), 'o'],
  ])('%s', (_case, event, expected) => {
    expect(typedKey(event)).toBe(expected);
  });

  it('reads a whole Hangul-mode scan of ORD_2023-01 as the scanner sent it', () => {
    const strokes: PhysicalKey[] = [
      key('KeyO', { shiftKey: true }),
      key('KeyR', { shiftKey: true }),
      key('KeyD', { shiftKey: true }),
      key('Minus', { shiftKey: true }),
      ...[...'2023'].map((d) => key(`Digit${d}`, { key: d })),
      key('Minus', { key: '-' }),
      key('Digit0', { key: '0' }),
      key('Digit1', { key: '1' }),
    ];
    expect(strokes.map(typedKey).join('')).toBe('ORD_2023-01');
  });
});
