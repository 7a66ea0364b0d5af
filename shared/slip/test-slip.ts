import { formatKstDateTime } from './format';
import type { Slip } from './lines';

/**
 * The printer test slip (issue 12 finding 5: "print a test slip"): which store and printer, when,
 * a 42-column ruler to check the paper's width, and Korean text to check the font. Laid out and
 * printed exactly like a cancellation slip (./html.ts), so what prints well here prints well
 * there. It says plainly that it is not a receipt.
 */
export interface TestSlipInput {
  storeName: string;
  terminalId: string;
  /** the printer asked for; '' = the system's default printer */
  printerName: string;
  at: number;
}

const TEXT = {
  ko: {
    title: '프린터 시험 인쇄',
    notReceipt: '결제·취소 전표가 아닙니다',
    store: '가맹점',
    terminal: '단말기',
    printer: '프린터',
    defaultPrinter: '기본 프린터',
    at: '인쇄 시각',
    ok: '이 글과 아래 눈금이 잘리지 않고 또렷하면 프린터 설정이 맞습니다.',
    korean: '한글 확인: 가나다라마바사 아자차카타파하',
  },
  en: {
    title: 'Printer test',
    notReceipt: 'Not a payment or cancellation slip',
    store: 'Store',
    terminal: 'Terminal',
    printer: 'Printer',
    defaultPrinter: 'Default printer',
    at: 'Printed at',
    ok: 'If this text and the ruler below are whole and sharp, the printer is set up right.',
    korean: 'Korean check: 가나다라마바사 아자차카타파하',
  },
} as const;

export function buildTestSlip(input: TestSlipInput, lang: 'ko' | 'en'): Slip {
  const text = TEXT[lang];
  return {
    lang,
    title: text.title,
    lines: [
      { kind: 'title', text: text.title },
      { kind: 'warning', text: text.notReceipt },
      { kind: 'field', label: text.store, value: input.storeName },
      { kind: 'field', label: text.terminal, value: input.terminalId },
      {
        kind: 'field',
        label: text.printer,
        value: input.printerName === '' ? text.defaultPrinter : input.printerName,
      },
      { kind: 'field', label: text.at, value: formatKstDateTime(input.at) },
      { kind: 'rule' },
      { kind: 'text', text: text.ok },
      { kind: 'text', text: text.korean },
      { kind: 'text', text: '1234567890'.repeat(5).slice(0, 42) },
      { kind: 'rule' },
    ],
  };
}
