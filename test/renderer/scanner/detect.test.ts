import { describe, expect, it } from 'vitest';
import {
  SCAN_MAX_GAP_MS,
  detectScans,
  initialScannerState,
  scannerStep,
  type Keystroke,
} from '../../../renderer/scanner/detect';

/** Types `text` then Enter, one key every `gap` ms from `start`. */
function typed(text: string, gap: number, start = 1000, enterGap = gap): Keystroke[] {
  const keys = [...text].map((key, i) => ({ key, at: start + i * gap }));
  const last = keys[keys.length - 1]?.at ?? start;
  return [...keys, { key: 'Enter', at: last + enterGap }];
}

describe('scanner detection', () => {
  it.each([
    {
      name: 'a scanner: 12 characters 5 ms apart, then Enter',
      strokes: typed('V12345678902', 5),
      scans: ['V12345678902'],
    },
    {
      name: 'a scanner at the gap limit (30 ms)',
      strokes: typed('12345678', SCAN_MAX_GAP_MS),
      scans: ['12345678'],
    },
    { name: 'a person typing 120 ms apart', strokes: typed('12345678', 120), scans: [] },
    {
      name: 'just over the gap limit (31 ms)',
      strokes: typed('12345678', SCAN_MAX_GAP_MS + 1),
      scans: [],
    },
    {
      name: 'a fast burst too short to be a receipt number (5 characters)',
      strokes: typed('12345', 5),
      scans: [],
    },
    { name: 'the minimum length (6 characters)', strokes: typed('123456', 5), scans: ['123456'] },
    {
      name: 'fast characters, but Enter pressed by a person later',
      strokes: typed('12345678', 5, 1000, 400),
      scans: [],
    },
  ])('$name', ({ strokes, scans }) => {
    expect(detectScans(strokes)).toEqual(scans);
  });

  it('keeps only the scanned burst when a person typed something before it', () => {
    const person = [
      { key: 'a', at: 0 },
      { key: 'b', at: 200 },
    ];
    expect(detectScans([...person, ...typed('ORD_20231225_0001', 4, 600)])).toEqual([
      'ORD_20231225_0001',
    ]);
  });

  it('ignores Shift inside a burst (a scanner types capitals with Shift)', () => {
    const strokes: Keystroke[] = [
      { key: 'Shift', at: 0 },
      { key: 'V', at: 2 },
      { key: '1', at: 6 },
      { key: '2', at: 10 },
      { key: 'Shift', at: 12 },
      { key: 'A', at: 14 },
      { key: '3', at: 18 },
      { key: '4', at: 22 },
      { key: 'Enter', at: 26 },
    ];
    expect(detectScans(strokes)).toEqual(['V12A34']);
  });

  it('a Backspace inside a burst ends the run: it was not a scan', () => {
    const strokes = typed('1234567', 5);
    strokes.splice(4, 0, { key: 'Backspace', at: 1017 });
    expect(detectScans(strokes)).toEqual([]);
  });

  it('finds two scans in a row, each reported once', () => {
    expect(detectScans([...typed('AAAAAA11', 3, 0), ...typed('BBBBBB22', 3, 5000)])).toEqual([
      'AAAAAA11',
      'BBBBBB22',
    ]);
  });

  it('resets after a scan, so a stray Enter right after it is not a second scan', () => {
    let state = initialScannerState;
    for (const stroke of typed('12345678', 5)) state = scannerStep(state, stroke).state;
    expect(state).toEqual(initialScannerState);
    expect(scannerStep(state, { key: 'Enter', at: 1100 }).scanned).toBeUndefined();
  });
});
