/**
 * A printable slip as lines, independent of how it is printed: ./html.ts lays them out for an
 * 80 mm receipt printer through Electron's printing, `slipText` as fixed-width text (tests, a
 * raw text printer, the log). The cancellation slip and the end-of-day summary both use it.
 */

export type SlipLine =
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string; align?: 'left' | 'center' }
  | { kind: 'field'; label: string; value: string; strong?: boolean }
  /** must not be missed: boxed and bold on paper */
  | { kind: 'warning'; text: string }
  | { kind: 'rule' }
  | { kind: 'blank' };

export interface Slip {
  lang: 'ko' | 'en';
  title: string;
  lines: SlipLine[];
}

/** Columns of an 80 mm printer's text mode in its common 42-column setting. */
export const SLIP_COLUMNS = 42;

/**
 * Columns a character takes on a receipt printer or a monospace font: Hangul, CJK and
 * full-width forms take two (East Asian Width "W"/"F"), everything else one.
 */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/**
 * Splits text into pieces no wider than `columns`, breaking at the last space when there is one
 * (Korean separates words with spaces too) and inside a word only when it alone is too wide.
 */
export function wrap(text: string, columns: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of text) {
    if (displayWidth(current) + charWidth(char) <= columns || current === '') {
      current += char;
      continue;
    }
    const space = current.lastIndexOf(' ');
    if (char === ' ') {
      pieces.push(current);
      current = '';
    } else if (space > 0) {
      pieces.push(current.slice(0, space));
      current = current.slice(space + 1) + char;
    } else {
      pieces.push(current);
      current = char;
    }
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces.map((piece) => piece.trimEnd());
}

const spaces = (n: number): string => ' '.repeat(Math.max(0, n));

function center(text: string, columns: number): string {
  return `${spaces(Math.floor((columns - displayWidth(text)) / 2))}${text}`;
}

function rightAlign(text: string, columns: number): string {
  return `${spaces(columns - displayWidth(text))}${text}`;
}

function fieldText(label: string, value: string, columns: number): string[] {
  const gap = columns - displayWidth(label) - displayWidth(value);
  if (gap >= 1) return [`${label}${spaces(gap)}${value}`];
  return [
    ...wrap(label, columns),
    ...wrap(value, columns).map((piece) => rightAlign(piece, columns)),
  ];
}

/** The slip as fixed-width text lines (no trailing spaces). */
export function slipText(slip: Slip, columns: number = SLIP_COLUMNS): string[] {
  const out: string[] = [];
  for (const line of slip.lines) {
    switch (line.kind) {
      case 'title':
        out.push(...wrap(line.text, columns).map((piece) => center(piece, columns)));
        break;
      case 'text':
        out.push(
          ...wrap(line.text, columns).map((piece) =>
            line.align === 'center' ? center(piece, columns) : piece,
          ),
        );
        break;
      case 'field':
        out.push(...fieldText(line.label, line.value, columns));
        break;
      case 'warning':
        out.push('*'.repeat(columns));
        out.push(...wrap(line.text, columns - 2).map((piece) => center(piece, columns)));
        out.push('*'.repeat(columns));
        break;
      case 'rule':
        out.push('-'.repeat(columns));
        break;
      case 'blank':
        out.push('');
        break;
    }
  }
  return out.map((text) => text.trimEnd());
}

/** The audit chain's head as printed: `#seq` and its full hash (docs/manager.md "Audit log"). */
export interface PrintedCheckpoint {
  seq: number;
  hash: string;
}

const CHECKPOINT_WORDS = {
  ko: { audit: '감사 기록', none: '감사 기록 없음' },
  en: { audit: 'Audit log', none: 'Audit log empty' },
} as const;

/**
 * The checkpoint lines every slip and the end-of-day summary end with (issue 11: "the chain
 * head is printed on every slip, not only the end-of-day summary"): paper the cashier cannot
 * reach afterwards. Given back to 감사 기록 → 검증, it catches a rewrite of every event up to it,
 * which an unkeyed chain alone cannot (electron/audit/chain.ts).
 */
export function checkpointLines(head: PrintedCheckpoint | null, locale: 'ko' | 'en'): SlipLine[] {
  const t = CHECKPOINT_WORDS[locale];
  return head === null
    ? [{ kind: 'text', text: t.none }]
    : [
        { kind: 'field', label: t.audit, value: `#${head.seq}` },
        { kind: 'text', text: head.hash },
      ];
}
