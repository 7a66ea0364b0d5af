import type { CancellationState } from '../contract/models';
import { formatKrw } from '../money';
import { maskCardNumber } from './card-mask';
import {
  formatBusinessNumber,
  formatInstallment,
  formatKiccDate,
  formatKstDateTime,
} from './format';
import { checkpointLines } from './lines';
import type { PrintedCheckpoint, Slip, SlipLine } from './lines';

/**
 * The customer's cancellation slip (issue 6 "Cancellation slip"): store, terminal, date and time
 * (Korea time), card (masked), original approval date and number, cancelled amount, VAT, and the
 * cancellation's approval number.
 *
 * Only a `cancelled` cancellation gets the slip that says "취소 완료". Every state that is not
 * final in the customer's favour prints the VERIFYING slip, with DESIGN.md's warning at the top
 * and the bottom: "취소 확인 중 — 현금으로 환불하지 마세요". Double refunds come from a cashier
 * who believes a card cancellation failed and pays cash (DESIGN.md "A cancellation's life").
 * A rejected one prints a slip that says the card payment was NOT cancelled.
 */

export type SlipKind = 'cancelled' | 'verifying' | 'rejected';

export function slipKind(state: CancellationState): SlipKind {
  if (state === 'cancelled') return 'cancelled';
  if (state === 'rejected') return 'rejected';
  // draft, pending, sending, queued, in_doubt, needs_review: no outcome known yet, so the
  // customer must not be paid in cash.
  return 'verifying';
}

export interface CancellationSlipInput {
  state: CancellationState;
  storeName: string;
  /** 사업자등록번호, 10 digits */
  businessNumber?: string | null;
  terminalId: string;
  /** the card as KICC returned it (cardConfirmNo) or as the receipt shows it: masked again here */
  cardNumber?: string | null;
  issuerName?: string | null;
  /** yyyyMMdd */
  orgAprvDt: string;
  orgAprvNo: string;
  alotMonth: string;
  trxAmt: number;
  vatAmt: number;
  svcAmt: number;
  /** KICC's approval number of the cancellation (aprvNo in the answer) */
  cancelAprvNo?: string | null;
  /** when the cashier asked for it, epoch ms */
  requestedAt: number;
  /** when it became final, epoch ms (the cancelled slip prints this as 취소일시) */
  cancelledAt?: number | null;
  /** mercTrxNo of the cancellation: what support asks for while it is being verified */
  mercTrxNo?: string | null;
  /** KICC's refusal, for the rejected slip */
  rejection?: { respCd: string; respMsg: string } | null;
  /**
   * The outcome is the manager's finding after checking KICC's portal, not KICC's answer: the
   * slip says "관리자 확인" in fixed words (never the manager's own note).
   */
  resolvedByManager?: boolean;
  /** set when printing again from history */
  reprintedAt?: number | null;
  /**
   * the audit chain's head when the slip is made (issue 11): every slip is a checkpoint on
   * paper. Undefined: no line (a slip made outside the app's ledger, e.g. a test).
   */
  auditHead?: PrintedCheckpoint | null;
}

export interface CancellationSlip extends Slip {
  kind: SlipKind;
}

const TEXT = {
  ko: {
    title: {
      cancelled: '카드 결제 취소',
      verifying: '카드 취소 확인 중',
      rejected: '카드 취소 거절',
    },
    status: {
      cancelled: '취소 완료',
      verifying: '취소 확인 중 — 현금으로 환불하지 마세요',
      rejected: '카드 결제가 취소되지 않았습니다',
    },
    store: '가맹점',
    businessNumber: '사업자번호',
    terminal: '단말기',
    cancelledAt: '취소일시',
    requestedAt: '요청일시',
    card: '카드번호',
    issuer: '카드사',
    orgAprvDt: '원거래 승인일자',
    orgAprvNo: '원거래 승인번호',
    installment: '할부',
    amount: { cancelled: '취소 금액', verifying: '취소 요청 금액', rejected: '취소 요청 금액' },
    vat: '부가세',
    svc: '봉사료',
    cancelAprvNo: '취소 승인번호',
    checking: '확인 중',
    requestNo: '요청번호',
    reason: '거절 사유',
    byManager: { cancelled: '관리자 확인: 취소됨', rejected: '관리자 확인: 취소 안 됨' },
    reprint: '재출력',
    verifyingNote: '취소가 확정되면 완료 전표를 다시 출력해 드립니다.',
    cancelledNote: '카드 대금 환불 시기는 카드사 일정에 따릅니다.',
    rejectedNote: '카드 결제는 그대로 유지됩니다.',
  },
  en: {
    title: {
      cancelled: 'Card payment cancelled',
      verifying: 'Card cancellation being verified',
      rejected: 'Card cancellation refused',
    },
    status: {
      cancelled: 'Cancelled',
      verifying: 'Being verified — do not refund in cash',
      rejected: 'The card payment was NOT cancelled',
    },
    store: 'Store',
    businessNumber: 'Business no.',
    terminal: 'Terminal',
    cancelledAt: 'Cancelled at',
    requestedAt: 'Requested at',
    card: 'Card',
    issuer: 'Issuer',
    orgAprvDt: 'Original approval date',
    orgAprvNo: 'Original approval no.',
    installment: 'Installment',
    amount: {
      cancelled: 'Amount cancelled',
      verifying: 'Amount requested',
      rejected: 'Amount requested',
    },
    vat: 'VAT',
    svc: 'Service charge',
    cancelAprvNo: 'Cancellation approval no.',
    checking: 'being verified',
    requestNo: 'Request no.',
    reason: 'Reason',
    byManager: {
      cancelled: 'Confirmed by the manager: cancelled',
      rejected: 'Confirmed by the manager: not cancelled',
    },
    reprint: 'Reprinted',
    verifyingNote: 'A final slip will be printed once the cancellation is confirmed.',
    cancelledNote: 'The card issuer returns the money on its own schedule.',
    rejectedNote: 'The card payment stands.',
  },
} as const;

export function buildSlip(input: CancellationSlipInput, locale: 'ko' | 'en'): CancellationSlip {
  const t = TEXT[locale];
  const kind = slipKind(input.state);
  const card = maskCardNumber(input.cardNumber);
  const when =
    kind === 'cancelled' && typeof input.cancelledAt === 'number'
      ? { label: t.cancelledAt, at: input.cancelledAt }
      : { label: t.requestedAt, at: input.requestedAt };
  const field = (label: string, value: string, strong = false): SlipLine => ({
    kind: 'field',
    label,
    value,
    ...(strong ? { strong } : {}),
  });

  const lines: SlipLine[] = [{ kind: 'title', text: t.title[kind] }];
  lines.push(
    kind === 'cancelled'
      ? { kind: 'text', text: t.status.cancelled, align: 'center' }
      : { kind: 'warning', text: t.status[kind] },
  );
  lines.push({ kind: 'rule' }, field(t.store, input.storeName));
  if (input.businessNumber) {
    lines.push(field(t.businessNumber, formatBusinessNumber(input.businessNumber)));
  }
  lines.push(field(t.terminal, input.terminalId), field(when.label, formatKstDateTime(when.at)));
  lines.push({ kind: 'rule' });
  if (card !== null) lines.push(field(t.card, card));
  if (input.issuerName) lines.push(field(t.issuer, input.issuerName));
  lines.push(
    field(t.orgAprvDt, formatKiccDate(input.orgAprvDt)),
    field(t.orgAprvNo, input.orgAprvNo),
    field(t.installment, formatInstallment(input.alotMonth, locale)),
    { kind: 'rule' },
    field(t.amount[kind], formatKrw(input.trxAmt, locale), true),
    field(t.vat, formatKrw(input.vatAmt, locale)),
  );
  if (input.svcAmt > 0) lines.push(field(t.svc, formatKrw(input.svcAmt, locale)));
  if (kind === 'cancelled') {
    lines.push(field(t.cancelAprvNo, input.cancelAprvNo ?? '-'));
  } else if (kind === 'verifying') {
    lines.push(field(t.cancelAprvNo, t.checking));
    if (input.mercTrxNo) lines.push(field(t.requestNo, input.mercTrxNo));
  } else if (input.rejection && input.resolvedByManager !== true) {
    lines.push(field(t.reason, `[${input.rejection.respCd}] ${input.rejection.respMsg}`));
  }
  // fixed words only: the manager's own note is never printed for the customer (issue 13)
  if (input.resolvedByManager === true && kind !== 'verifying') {
    lines.push({ kind: 'text', text: t.byManager[kind] });
  }
  lines.push({ kind: 'rule' });
  if (kind === 'verifying') lines.push({ kind: 'warning', text: t.status.verifying });
  lines.push({
    kind: 'text',
    text: { cancelled: t.cancelledNote, verifying: t.verifyingNote, rejected: t.rejectedNote }[
      kind
    ],
  });
  if (typeof input.reprintedAt === 'number') {
    lines.push({ kind: 'text', text: `${t.reprint} ${formatKstDateTime(input.reprintedAt)}` });
  }
  if (input.auditHead !== undefined) {
    lines.push({ kind: 'rule' }, ...checkpointLines(input.auditHead, locale));
  }
  return { kind, lang: locale, title: t.title[kind], lines };
}
