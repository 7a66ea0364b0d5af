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
  return { onScan, onSubmit, press };
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
});
