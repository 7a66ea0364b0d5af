/**
 * CP949 (Windows-949, "Unified Hangul Code"): what Korean Excel writes for "CSV (쉼표로
 * 분리)". It is EUC-KR (KS X 1001) plus 8,822 Hangul syllables EUC-KR lacks (똠, 햏, 힣, ...).
 *
 * Node's TextDecoder('euc-kr') turned out to decode only the EUC-KR part: on the extension it
 * drops the lead byte and yields the trail byte as ASCII (0x8C 0x63, "똠", came out as "c").
 * So the extension is mapped here. It is algorithmic: the syllables missing from KS X 1001, in
 * Unicode order, fill lead bytes 0x81-0xA0 with trail bytes 0x41-0x5A, 0x61-0x7A, 0x81-0xFE,
 * then lead bytes 0xA1-0xC6 with trail bytes 0x41-0x5A, 0x61-0x7A, 0x81-0xA0 (Microsoft's
 * code page 949 table; test/unit/import/cp949.test.ts checks known bytes, e.g. 8141 = 갂,
 * 8C63 = 똠, C652 = 힣). The KS X 1001 part comes from Node's decoder, pair by pair.
 */

const LEAD_MIN = 0x81;
const TRAIL_MIN = 0x41;
const TRAILS = 0xfe - TRAIL_MIN + 1;

let table: Uint16Array | null = null;

const slot = (lead: number, trail: number): number =>
  (lead - LEAD_MIN) * TRAILS + (trail - TRAIL_MIN);

function extensionTrails(lead: number): number[] {
  const trails: number[] = [];
  const last = lead <= 0xa0 ? 0xfe : 0xa0;
  for (let t = 0x41; t <= 0x5a; t += 1) trails.push(t);
  for (let t = 0x61; t <= 0x7a; t += 1) trails.push(t);
  for (let t = 0x81; t <= last; t += 1) trails.push(t);
  return trails;
}

function buildTable(): Uint16Array {
  const built = new Uint16Array((0xfe - LEAD_MIN + 1) * TRAILS);
  const eucKr = new TextDecoder('euc-kr');
  const inKsX1001 = new Set<number>();
  for (let lead = 0xa1; lead <= 0xfe; lead += 1) {
    for (let trail = 0xa1; trail <= 0xfe; trail += 1) {
      const char = eucKr.decode(Uint8Array.of(lead, trail));
      const code = char.length === 1 ? char.charCodeAt(0) : 0xfffd;
      // Node maps the user-defined rows (lead 0xC9, 0xFE) to the Private Use Area; CP949 text
      // never means those, and the WHATWG index leaves them out: they decode as U+FFFD.
      if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) continue;
      built[slot(lead, trail)] = code;
      if (code >= 0xac00 && code <= 0xd7a3) inKsX1001.add(code);
    }
  }
  let syllable = 0xac00;
  const nextMissing = (): number => {
    while (syllable <= 0xd7a3 && inKsX1001.has(syllable)) syllable += 1;
    return syllable <= 0xd7a3 ? syllable++ : 0;
  };
  for (let lead = 0x81; lead <= 0xc6; lead += 1) {
    for (const trail of extensionTrails(lead)) {
      const code = nextMissing();
      if (code === 0) return built;
      built[slot(lead, trail)] = code;
    }
  }
  return built;
}

/** CP949 bytes to text; an undecodable byte becomes U+FFFD (so it shows, never vanishes). */
export function decodeCp949(bytes: Uint8Array): string {
  table ??= buildTable();
  const out: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      out.push(String.fromCharCode(lead));
      i += 1;
      continue;
    }
    const trail = bytes[i + 1];
    const code =
      lead >= LEAD_MIN && lead <= 0xfe && trail !== undefined && trail >= TRAIL_MIN && trail <= 0xfe
        ? (table[slot(lead, trail)] ?? 0)
        : 0;
    if (code !== 0) {
      out.push(String.fromCharCode(code));
      i += 2;
    } else {
      out.push('\uFFFD');
      // WHATWG: an ASCII trail byte is not swallowed by a bad lead byte.
      i += trail !== undefined && trail >= 0x80 ? 2 : 1;
    }
  }
  return out.join('');
}
