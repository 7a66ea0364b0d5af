/**
 * A CP949 encoder for test files: the inverse of the decoder under test. Round trips through it
 * prove nothing about the mapping by themselves; cp949.test.ts checks the decoder against bytes
 * produced by an independent codec (Python's cp949), which is what makes these files real.
 */
import { decodeCp949 } from '../../../electron/import/cp949';

let table: Map<string, [number, number]> | null = null;

function encoderTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x41; trail <= 0xfe; trail += 1) {
      const char = decodeCp949(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char))
        table.set(char, [lead, trail]);
    }
  }
  return table;
}

export function encodeCp949(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = encoderTable().get(char);
    if (!pair) throw new Error(`no CP949 encoding for ${char}`);
    bytes.push(...pair);
  }
  return Uint8Array.from(bytes);
}
