import type { LocalizedText } from '../../shared/contract/errors';

/**
 * Why a cancellation ended where it is, in the manager's words: THE table from the ledger's
 * `note` (written by the engine, electron/cancellations/, or by a manager's resolution) to what
 * the review screen says. A note is an open-ended value from main (the engine gains new ones,
 * issue 9 and 13), so, unlike the closed key sets of ./ko.ts, each row carries both languages:
 * a new note is added here, once, and a note not in the table gets the safe generic words.
 *
 *   why:     why the engine handed it over (or what the manager recorded);
 *   unknown: what the engine could not tell — what the manager has to find out. null when
 *            nothing is left open.
 */
export interface NoteWords {
  why: LocalizedText;
  unknown: LocalizedText | null;
}

const NOTES: Readonly<Record<string, NoteWords>> = {
  'verification-deadline': {
    why: {
      ko: '응답을 잃은 취소 요청을 정해진 시간 안에 KICC에서 확인하지 못했습니다.',
      en: 'A cancellation whose answer was lost could not be verified with KICC in time.',
    },
    unknown: {
      ko: '마지막 취소 요청이 KICC에서 처리되었는지 알 수 없습니다.',
      en: 'Whether the last cancellation request went through at KICC.',
    },
  },
  'unexpected-answer': {
    why: {
      ko: 'KICC가 이 단계에서 예상하지 못한 응답을 보냈습니다.',
      en: 'KICC gave an answer this step does not expect.',
    },
    unknown: {
      ko: '그 응답이 카드 결제가 취소되었다는 뜻인지 아닌지 알 수 없습니다.',
      en: 'Whether that answer means the card payment is cancelled or not.',
    },
  },
  'restart-before-send': {
    why: {
      ko: '요청을 보내는 도중에 프로그램이 멈췄고, 같은 요청을 다시 보낼 수 없었습니다.',
      en: 'The app stopped while sending, and the same request could not be sent again.',
    },
    unknown: {
      ko: '그 요청이 KICC에 도달했는지 알 수 없습니다.',
      en: 'Whether that request reached KICC.',
    },
  },
  'stood-earlier': {
    why: {
      ko: 'KICC가 “이미 취소된 결제”라고 답했습니다: 앞선 취소 요청이 처리되어 있었습니다.',
      en: 'KICC said “already cancelled”: an earlier request had gone through.',
    },
    unknown: null,
  },
  'verified-landed': {
    why: {
      ko: '응답을 잃은 취소 요청을 확인했더니 KICC에서 처리되어 있었습니다 (되돌리기 기한 지남).',
      en: 'The cancellation whose answer was lost was verified: it had gone through at KICC (too late to reverse).',
    },
    unknown: null,
  },
  'unknown-code': {
    why: {
      ko: 'KICC가 이 프로그램이 모르는 코드로 답했습니다.',
      en: 'KICC answered with a code this app does not know.',
    },
    unknown: {
      ko: '그 코드가 “이미 취소됨”을 뜻할 수도 있어, 카드 결제가 취소되어 있는지 알 수 없습니다.',
      en: 'The code may mean “already cancelled”: whether the card payment is cancelled is unknown.',
    },
  },
  'refused-after-reversal': {
    why: {
      ko: '응답을 잃은 취소를 이 프로그램이 망취소로 되돌린 뒤, 다시 보낸 취소를 KICC가 거절했습니다.',
      en: 'This app reversed (net-cancelled) the cancellation whose answer was lost, and KICC refused the new one.',
    },
    unknown: {
      ko: '고객의 환불을 이 프로그램이 되돌렸습니다: 카드 결제가 다시 승인 상태일 수 있습니다. 다시 취소할 수 있는지, 다른 방법으로 환불해야 하는지 KICC에서 확인하세요.',
      en: 'This app undid the customer’s refund: the card payment may be approved again. Ask KICC whether it can still be cancelled, or whether the customer must be refunded another way.',
    },
  },
  'reversal-not-safe': {
    why: {
      ko: '응답을 잃은 취소를 되돌리면(망취소) 다시 보낼 취소가 거절될 수 있어 (날짜가 바뀌었거나 취소 기한이 임박) 되돌리지 않았습니다.',
      en: 'Reversing the cancellation whose answer was lost could have left a new one refused (the day changed, or the cancellation window is closing), so it was not reversed.',
    },
    unknown: {
      ko: '처음 취소 요청이 KICC에서 처리되었는지 알 수 없습니다.',
      en: 'Whether the first cancellation request went through at KICC.',
    },
  },
  'reversal-limit': {
    why: {
      ko: '취소 하나는 한 번만 되돌립니다. 되돌린 뒤 다시 보낸 취소 요청의 응답도 잃었습니다.',
      en: 'A cancellation is reversed once at most, and the answer to the request sent after the reversal was lost too.',
    },
    unknown: {
      ko: '다시 보낸 취소 요청이 KICC에서 처리되었는지 알 수 없습니다.',
      en: 'Whether the request sent after the reversal went through at KICC.',
    },
  },
  'window-after-unanswered-reversal': {
    why: {
      ko: '망취소(되돌리기) 요청에 응답이 없었고, 다음 요청에 KICC가 “되돌리기 기한 지남”이라고 답했습니다.',
      en: 'A reversal (net-cancel) went unanswered, and KICC then said “too late to reverse”.',
    },
    unknown: {
      ko: '앞선 망취소가 처리되었는지 알 수 없습니다: 취소가 남아 있을 수도, 되돌려졌을 수도 있습니다.',
      en: 'Whether the unanswered reversal went through: the cancellation may stand, or may have been reversed.',
    },
  },
  'unanswered-cancels': {
    why: {
      ko: '취소 요청을 세 번 보냈지만 쓸 수 있는 응답을 한 번도 받지 못했고, 확인해 보니 KICC에서 처리된 것이 없었습니다.',
      en: 'Three cancellation requests went without a usable answer, and verification found that none of them went through at KICC.',
    },
    unknown: {
      ko: 'KICC가 읽을 수 없는 이유로 거절하고 있을 수 있습니다 (예: 다른 단말기에서 이미 취소됨). 카드 결제가 취소되어 있는지 KICC에서 확인하세요.',
      en: 'KICC may be refusing them for a reason the app never got to read (e.g. already cancelled at another terminal): check at KICC whether the card payment is cancelled.',
    },
  },
  'already-cancelled-elsewhere': {
    why: {
      ko: 'KICC가 “이미 취소된 결제”라고 답했지만, 장부에는 같은 결제의 다른 취소가 이미 있습니다.',
      en: 'KICC said “already cancelled”, and the ledger already holds another cancellation of the same payment.',
    },
    unknown: {
      ko: '카드 환불은 한 번뿐입니다. 어느 취소가 KICC의 취소인지 확인해 두 번 환불로 세지 않도록 하세요.',
      en: 'The card was refunded once: find which cancellation is KICC’s, so that it is not counted twice.',
    },
  },
  'manager-cancelled': {
    why: {
      ko: '관리자가 KICC에서 취소를 확인하고 “취소됨”으로 기록했습니다.',
      en: 'A manager checked KICC and recorded it as “cancelled”.',
    },
    unknown: null,
  },
  'manager-not-cancelled': {
    why: {
      ko: '관리자가 KICC에서 이 결제가 취소되지 않은 것을 확인하고 “취소 안 됨”으로 기록했습니다.',
      en: 'A manager checked KICC and recorded it as “not cancelled”.',
    },
    unknown: null,
  },
};

/** For a note this table does not know (or none): never a guess, always "check at KICC". */
export const GENERIC_NOTE: NoteWords = {
  why: {
    ko: '프로그램이 이 취소의 결과를 스스로 정할 수 없었습니다.',
    en: 'The app could not settle this cancellation by itself.',
  },
  unknown: {
    ko: 'KICC에서 카드 결제가 취소되었는지 알 수 없습니다. 현금으로 환불하지 말고 KICC 가맹점 관리자 화면에서 확인하세요.',
    en: 'Whether the card payment is cancelled at KICC. Do not refund in cash; check KICC’s merchant portal.',
  },
};

export const KNOWN_NOTES: readonly string[] = Object.keys(NOTES);

export function noteWords(note: string | null): NoteWords {
  return note !== null && Object.hasOwn(NOTES, note) ? (NOTES[note] ?? GENERIC_NOTE) : GENERIC_NOTE;
}
