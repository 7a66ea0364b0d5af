import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that Chromium (Skia/PDF) wrote, in drawing order, for the slip journeys'
 * "text checked" (issue 6). pdftotext (poppler) is not installed here, so this reads just what
 * Skia writes: objects with Flate streams, pages with their /Font resources, fonts with a
 * /ToUnicode CMap (Type0 with 2-byte codes for the Latin fonts, Type3 with 1-byte codes for the
 * Korean glyphs), and text shown as hex strings between `Tf` font changes. Each text object
 * (BT … ET) ends a piece, so words stay apart. Not a general PDF parser: anything it does not
 * understand yields no text, and the journey's assertion fails rather than passes.
 */
interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

type CMap = { bytes: number; map: Map<number, string> };

/**
 * Objects in file order. A stream is cut by its direct /Length, as PDF defines it: its bytes are
 * compressed data and may end in CR or LF, or hold "endobj", by chance (a slip once failed to
 * inflate 1 time in ~250 because its data ended in CR and a trailing-newline trim ate it).
 */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const from = match.index + match[0].length;
    const close = text.indexOf('endobj', from);
    const at = text.indexOf('stream', from);
    let stream: Buffer | null = null;
    let dict = text.slice(from, close < 0 ? text.length : close);
    if (at >= 0 && (close < 0 || at < close)) {
      dict = text.slice(from, at);
      const start = text.startsWith('\r\n', at + 6) ? at + 8 : at + 7;
      const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict)?.[1];
      if (length === undefined) throw new Error(`PDF object ${match[1]}: no direct /Length`);
      const raw = pdf.subarray(start, start + Number(length));
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      header.lastIndex = start + Number(length);
    } else if (close >= 0) {
      header.lastIndex = close;
    }
    objects.set(Number(match[1]), { dict, stream });
  }
  return objects;
}

const hexToNumber = (hex: string): number => Number.parseInt(hex, 16);

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(hexToNumber(hex.slice(i, i + 4)));
  return String.fromCharCode(...units);
}

function readCMap(source: string): CMap {
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(source);
  const bytes = space?.[1] ? space[1].length / 2 : 2;
  const map = new Map<number, string>();
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(hexToNumber(pair[1] ?? ''), utf16(pair[2] ?? ''));
    }
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    )) {
      const from = hexToNumber(range[1] ?? '');
      const to = hexToNumber(range[2] ?? '');
      const target = range[3] ?? '';
      const list = [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1] ?? '');
      for (let code = from; code <= to; code += 1) {
        if (target.startsWith('[')) {
          const entry = list[code - from];
          if (entry !== undefined) map.set(code, utf16(entry));
        } else {
          const base = list[0] ?? '0000';
          const last = hexToNumber(base.slice(-4)) + (code - from);
          map.set(code, utf16(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return { bytes, map };
}

/** `/F4 4 0 R` entries of a page's /Font dictionary (inline, or behind one reference). */
function pageFonts(page: PdfObject, objects: Map<number, PdfObject>): Map<string, number> {
  let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(page.dict)?.[1];
  if (fontDict === undefined) {
    const resources = /\/Resources\s+(\d+) 0 R/.exec(page.dict)?.[1];
    const dict = resources === undefined ? '' : (objects.get(Number(resources))?.dict ?? '');
    fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(dict)?.[1] ?? '';
  }
  const fonts = new Map<string, number>();
  for (const entry of fontDict.matchAll(/\/([^\s/<>]+)\s+(\d+) 0 R/g)) {
    fonts.set(entry[1] ?? '', Number(entry[2]));
  }
  return fonts;
}

export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, CMap>();
  const cmapOf = (fontObject: number): CMap | null => {
    const cached = cmaps.get(fontObject);
    if (cached) return cached;
    const ref = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(fontObject)?.dict ?? '')?.[1];
    const stream = ref === undefined ? null : objects.get(Number(ref))?.stream;
    if (!stream) return null;
    const cmap = readCMap(stream.toString('latin1'));
    cmaps.set(fontObject, cmap);
    return cmap;
  };

  const pieces: string[] = [];
  for (const page of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(page.dict)) continue;
    const fonts = pageFonts(page, objects);
    const contents = /\/Contents\s+(\d+) 0 R/.exec(page.dict)?.[1];
    const content = contents === undefined ? null : objects.get(Number(contents))?.stream;
    if (!content) continue;
    let cmap: CMap | null = null;
    let current = '';
    for (const token of content
      .toString('latin1')
      .matchAll(/\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b/g)) {
      if (token[1] !== undefined) {
        const object = fonts.get(token[1]);
        cmap = object === undefined ? null : cmapOf(object);
      } else if (token[2] !== undefined && cmap !== null) {
        const hex = token[2];
        const step = cmap.bytes * 2;
        for (let i = 0; i + step <= hex.length; i += step) {
          current += cmap.map.get(hexToNumber(hex.slice(i, i + step))) ?? '';
        }
      } else if (token[0] === 'ET') {
        pieces.push(current);
        current = '';
      }
    }
    if (current !== '') pieces.push(current);
  }
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

/** Spacing is the layout's business: compare text without it. */
export const squashed = (text: string): string => text.replace(/\s+/g, '');
