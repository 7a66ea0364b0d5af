/**
 * Barcode-scanner detection. A scanner in keyboard-wedge mode "types" the receipt number much
 * faster than a person can and ends with Enter (STYLE.md "Look and feel": a scanner typing into
 * the search field must just work). This file is pure: timestamps are passed in, so tests
 * replay exact keystroke timings.
 *
 * Rule: a scan is a run of at least SCAN_MIN_LENGTH printable characters, each arriving at most
 * SCAN_MAX_GAP_MS after the previous one, followed by Enter within SCAN_MAX_GAP_MS. Human typing
 * is 80–250 ms between keys; even a fast typist rarely makes six keys in a row under 30 ms.
 * Modifier keys (a scanner sends Shift for capitals) neither break nor extend a run.
 */
export const SCAN_MAX_GAP_MS = 30;
export const SCAN_MIN_LENGTH = 6;

export interface ScannerState {
  /** the characters of the current fast run */
  run: string;
  /** timestamp of the last printable key, or null when no run is open */
  lastAt: number | null;
}

export interface Keystroke {
  /**
   * What the key typed, read from the physical key (./keyboard.ts `typedKey`: `'O'`, `'_'`,
   * `'Enter'`), or the key's name for the others (`'Shift'`, `'Backspace'`)
   */
  key: string;
  /** a monotonic timestamp in ms (KeyboardEvent.timeStamp or performance.now()) */
  at: number;
}

export interface ScannerStep {
  state: ScannerState;
  /** the scanned text, when this keystroke (Enter) completed a scan */
  scanned?: string;
}

export const initialScannerState: ScannerState = { run: '', lastAt: null };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

const isPrintable = (key: string): boolean => [...key].length === 1;

export function scannerStep(state: ScannerState, stroke: Keystroke): ScannerStep {
  if (MODIFIERS.has(stroke.key)) return { state };
  const fast = state.lastAt !== null && stroke.at - state.lastAt <= SCAN_MAX_GAP_MS;
  if (isPrintable(stroke.key)) {
    // A slow gap starts a new run: whatever a person typed before the scan is not part of it.
    return { state: { run: fast ? state.run + stroke.key : stroke.key, lastAt: stroke.at } };
  }
  if (stroke.key === 'Enter' && fast && state.run.length >= SCAN_MIN_LENGTH) {
    return { state: initialScannerState, scanned: state.run };
  }
  // Enter typed by a person, Backspace, arrows, Tab...: no scan; the run is over.
  return { state: initialScannerState };
}

/** Convenience for tests and the bench: feed a whole sequence, collect every scan. */
export function detectScans(strokes: readonly Keystroke[]): string[] {
  let state = initialScannerState;
  const scans: string[] = [];
  for (const stroke of strokes) {
    const step = scannerStep(state, stroke);
    state = step.state;
    if (step.scanned !== undefined) scans.push(step.scanned);
  }
  return scans;
}
