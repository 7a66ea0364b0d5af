import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useScannerKeyDown, type KeyClock } from '../../../renderer/scanner/useScanner';

/** The hook's clock reads the time the test sets, not the real one. */
function setup() {
  let now = 0;
  const clock: KeyClock = () => now;
  const onScan = vi.fn();
  const onSubmit = vi.fn();
  function Search() {
    const onKeyDown = useScannerKeyDown(onScan, clock);
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <input aria-label="search" onKeyDown={onKeyDown} />
      </form>
    );
  }
  render(<Search />);
  const input = screen.getByLabelText('search');
  const press = (key: string, at: number) => {
    now = at;
    return fireEvent.keyDown(input, { key });
  };
  /** a key the IME took: `Process`, with only the physical key to go by */
  const pressInIme = (code: string, at: number, shiftKey = false) => {
    now = at;
    return fireEvent.keyDown(input, { key: 'Process', code, keyCode: 229, shiftKey });
  };
  return { onScan, onSubmit, press, pressInIme };
}

describe('useScannerKeyDown', () => {
  it('reports a scan and swallows its Enter (the field does not search twice)', () => {
    const { onScan, press } = setup();
    [...'V12345678902'].forEach((key, i) => press(key, i * 4));
    const notCancelled = press('Enter', 50);
    expect(onScan).toHaveBeenCalledExactlyOnceWith('V12345678902');
    expect(notCancelled).toBe(false); // preventDefault was called
  });

  it('leaves a person typing alone: no scan, Enter keeps its default', () => {
    const { onScan, press } = setup();
    [...'12345678'].forEach((key, i) => press(key, i * 150));
    expect(press('Enter', 2000)).toBe(true);
    expect(onScan).not.toHaveBeenCalled();
  });

  it('finding 3: a scan in Hangul IME mode (Process events) is read as the Latin it was', () => {
    const { onScan, pressInIme } = setup();
    const codes: [string, boolean][] = [
      ['KeyO', true],
      ['KeyR', true],
      ['KeyD', true],
      ['Minus', true],
      ['Digit2', false],
      ['Digit0', false],
      ['Digit2', false],
      ['Digit3', false],
    ];
    codes.forEach(([code, shift], i) => pressInIme(code, i * 4, shift));
    const notCancelled = pressInIme('Enter', 40);
    expect(onScan).toHaveBeenCalledExactlyOnceWith('ORD_2023');
    expect(notCancelled).toBe(false);
  });

  it('swallows the second Enter the IME may send right after a scan, not a later one', () => {
    const { onScan, onSubmit, press, pressInIme } = setup();
    [...'V12345678902'].forEach((key, i) => press(key, i * 4));
    pressInIme('Enter', 50);
    expect(press('Enter', 52)).toBe(false);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(press('Enter', 2000)).toBe(true);
    expect(onScan).toHaveBeenCalledOnce();
  });
});
