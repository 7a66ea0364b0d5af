import { useCallback, useEffect, useRef } from 'react';
import { initialScannerState, SCAN_MAX_GAP_MS, scannerStep } from './detect';
import { physicalKeyOf, typedKey } from './keyboard';

/** Where keystroke time comes from; injected so tests control it (STYLE.md). */
export type KeyClock = (event: KeyboardEvent | React.KeyboardEvent) => number;

/** The event's own timestamp: when the key was pressed, not when the handler ran. */
export const eventTime: KeyClock = (event) => event.timeStamp;

/**
 * Keydown handler for a text field: calls `onScan` with the scanned text when a scan ends,
 * and swallows that Enter so the field's own submit does not run a second search. Keys are
 * read by `event.code` (./keyboard.ts): a scan in Hangul IME mode arrives as `Process` events
 * and is still read as the Latin characters the scanner sent.
 */
export function useScannerKeyDown(
  onScan: (text: string) => void,
  clock: KeyClock = eventTime,
): (event: React.KeyboardEvent) => void {
  const state = useRef(initialScannerState);
  const scannedAt = useRef<number | null>(null);
  return useCallback(
    (event: React.KeyboardEvent) => {
      const key = typedKey(physicalKeyOf(event));
      const at = clock(event);
      // Chromium with the Korean IME may deliver the Enter that ends a composition twice (once
      // while composing, once after): the second one must not submit the field again or open
      // the result the scan just focused.
      const repeatedEnter =
        key === 'Enter' && scannedAt.current !== null && at - scannedAt.current <= SCAN_MAX_GAP_MS;
      const step = scannerStep(state.current, { key, at });
      state.current = step.state;
      if (step.scanned !== undefined || repeatedEnter) {
        event.preventDefault();
        event.stopPropagation();
      }
      if (step.scanned !== undefined) {
        scannedAt.current = at;
        onScan(step.scanned);
      }
    },
    [onScan, clock],
  );
}

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * A scan while focus is NOT in a text field (outcome, queue or history screen, a button):
 * the keys would otherwise go nowhere, so they are caught here and handed to the look-up.
 * Scans into a text field are left to that field (the look-up's own handler above).
 */
export function useGlobalScanner(
  onScan: (text: string) => void,
  clock: KeyClock = eventTime,
): void {
  const state = useRef(initialScannerState);
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => {
      if (isEditable(event.target)) {
        state.current = initialScannerState;
        return;
      }
      const key = typedKey(physicalKeyOf(event));
      const step = scannerStep(state.current, { key, at: clock(event) });
      state.current = step.state;
      if (step.scanned !== undefined) {
        event.preventDefault();
        onScan(step.scanned);
      }
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, [onScan, clock]);
}
