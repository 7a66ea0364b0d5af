import { useCallback, useEffect, useRef } from 'react';
import { initialScannerState, scannerStep } from './detect';

/** Where keystroke time comes from; injected so tests control it (STYLE.md). */
export type KeyClock = (event: KeyboardEvent | React.KeyboardEvent) => number;

/** The event's own timestamp: when the key was pressed, not when the handler ran. */
export const eventTime: KeyClock = (event) => event.timeStamp;

/**
 * Keydown handler for a text field: calls `onScan` with the scanned text when a scan ends,
 * and swallows that Enter so the field's own submit does not run a second search.
 */
export function useScannerKeyDown(
  onScan: (text: string) => void,
  clock: KeyClock = eventTime,
): (event: React.KeyboardEvent) => void {
  const state = useRef(initialScannerState);
  return useCallback(
    (event: React.KeyboardEvent) => {
      const step = scannerStep(state.current, { key: event.key, at: clock(event) });
      state.current = step.state;
      if (step.scanned !== undefined) {
        event.preventDefault();
        event.stopPropagation();
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
      const step = scannerStep(state.current, { key: event.key, at: clock(event) });
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
