/**
 * Korean texts of the manager's review of needs_review cancellations and of a manager's
 * outcomes wherever they show (issue 6; issue 13 finding 3; issue 9 "the manager's review
 * screen"). Merged into ./ko.ts; ./en-review.ts must carry the same keys (typed). Why the engine
 * handed an item over is in ./engine-notes.ts (one table, both languages).
 */
export const koReview = {
  'review.title': '확인 필요 취소',
  'review.help':
    '자동으로 결과를 확인하지 못한 취소입니다. 처리 전까지 고객에게 현금으로 환불하지 마세요. 하나씩 열어 KICC 가맹점 관리자 화면과 비교하고 실제 결과를 기록하세요.',
  'review.loading': '불러오는 중…',
  'review.empty': '확인이 필요한 취소가 없습니다.',
  'review.open': '열기',
  'review.resolvedCancelled': '승인번호 {no}: “취소됨”으로 기록했습니다. 목록에서 빠졌습니다.',
  'review.resolvedNot':
    '승인번호 {no}: “취소 안 됨”으로 기록했습니다. 이 영수증은 다시 취소할 수 있습니다.',
  'review.reopened': '승인번호 {no}: 다시 열었습니다. 아래에서 바른 결과를 기록하세요.',
  'review.manualTitle': '관리자가 처리한 최근 취소',
  'review.manualHelp': '결과를 잘못 기록했다면 열어서 “다시 열기”로 바로잡으세요.',
  'review.manualEmpty': '관리자가 처리한 취소가 없습니다.',
  'review.outcomeColumn': '기록한 결과',

  'review.detailTitle': '확인 필요: 승인번호 {no}',
  'review.detailTitleResolved': '관리자 확인: 승인번호 {no}',
  'review.requestedBy': '요청자',
  'review.approvedBy': '승인자',
  'review.noApproval': '없음 (한도 이내)',
  'review.inDoubtSince': '확인 시작',
  'review.whyTitle': '왜 관리자 확인이 필요한가',
  'review.unknownTitle': '프로그램이 알 수 없었던 것',
  'review.conclusionTitle': '기록으로 본 결론',
  'review.implies.refunded': '기록으로 보면 이 결제는 KICC에서 취소되어 있습니다 (카드 환불됨).',
  'review.implies.not-refunded':
    '기록으로 보면 이 결제는 KICC에서 취소되어 있지 않습니다 (카드 환불 안 됨).',
  'review.implies.unknown':
    '기록만으로는 카드 결제가 취소되었는지 알 수 없습니다. KICC 가맹점 관리자 화면에서 확인하세요.',
  'review.basis': '근거: {n}번째 주고받기 — {words}',
  'review.portalTitle': 'KICC 가맹점 관리자 화면에서 확인하기',
  'review.portalHelp':
    'KICC 가맹점 관리자 사이트(웹)에 로그인해 아래 결제를 찾고, 취소되었는지 확인하세요. 주소를 모르면 KICC 영업 담당자에게 문의하세요.',
  'review.portalOriginal': '원거래: 승인일자 {date}, 승인번호 {no}, 금액 {amount}',
  'review.portalOurNumbers': '이 프로그램이 보낸 가맹점 거래번호:',

  'review.attemptsTitle': 'KICC와 주고받은 내용 ({count}회)',
  'review.exchangeN': '{n}번째',
  'review.kind.cancel': '취소 요청',
  'review.kind.net-cancel': '망취소 요청 (취소 되돌리기)',
  'review.reading.cancel-accepted': '결과: KICC가 카드 결제를 취소했습니다 (환불됨).',
  'review.reading.cancel-already-cancelled':
    '결과: KICC — 이미 취소된 결제입니다. 카드 결제는 취소되어 있습니다.',
  'review.reading.cancel-refused': '결과: KICC가 취소를 거절했습니다. 처리된 것은 없습니다.',
  'review.reading.cancel-unknown-code':
    '결과: 이 프로그램이 모르는 코드입니다. “이미 취소됨”이라는 뜻일 수도 있어 취소 여부를 알 수 없습니다.',
  'review.reading.cancel-unexpected':
    '결과: 취소 요청에는 오지 않아야 할 응답입니다. 취소 여부를 알 수 없습니다.',
  'review.reading.cancel-duplicate':
    '결과: 같은 번호의 요청이 이미 있었다는 응답입니다. 처음 요청의 결과는 알 수 없습니다.',
  'review.reading.cancel-temporary-error': '결과: KICC 일시 오류 — 처리되었는지 알 수 없습니다.',
  'review.reading.cancel-no-answer':
    '취소 요청 — 응답 없음 ({cause}). KICC에서 처리되었을 수 있습니다.',
  'review.reading.cancel-not-sent': '취소 요청 — 전송되지 않음. KICC에 도달하지 않았습니다.',
  'review.reading.cancel-credentials-refused':
    '취소 요청 — KICC가 인증을 거부했습니다 (처리되지 않음).',
  'review.reading.cancel-unfinished': '취소 요청 — 끝나지 않았습니다 (응답 기록 없음).',
  'review.reading.net-cancel-reversed':
    '확인 결과: 취소가 되돌려졌습니다. 원거래가 다시 승인 상태입니다 (환불 취소됨).',
  'review.reading.net-cancel-not-found':
    '확인 결과: 취소가 KICC에 도달하지 않았습니다. 되돌릴 것이 없었습니다.',
  'review.reading.net-cancel-too-late':
    '확인 결과: 취소가 처리되었고, 되돌리기 기한이 지나 그대로 유지됩니다 (환불됨).',
  'review.reading.net-cancel-too-late-after-no-answer':
    '확인 결과: “되돌리기 기한 지남”. 그러나 앞선 망취소 요청의 응답이 없어, 그 요청이 취소를 이미 되돌렸는지 알 수 없습니다.',
  'review.reading.net-cancel-unexpected':
    '확인 결과: 예상하지 못한 응답입니다. 취소가 남아 있는지 알 수 없습니다.',
  'review.reading.net-cancel-temporary-error':
    '망취소 요청 — KICC 일시 오류. 취소가 되돌려졌는지 알 수 없습니다.',
  'review.reading.net-cancel-no-answer':
    '망취소 요청 — 응답 없음 ({cause}). 취소가 되돌려졌는지 알 수 없습니다.',
  'review.reading.net-cancel-not-sent': '망취소 요청 — 전송되지 않음. 되돌린 것은 없습니다.',
  'review.reading.net-cancel-credentials-refused':
    '망취소 요청 — KICC가 인증을 거부했습니다 (처리되지 않음).',
  'review.reading.net-cancel-unfinished': '망취소 요청 — 끝나지 않았습니다 (응답 기록 없음).',
  'review.cause.network': '네트워크',
  'review.cause.timeout': '시간 초과',
  'review.cause.server-error': 'KICC 서버 오류',
  'review.cause.bad-answer': '알아볼 수 없는 응답',
  'review.cause.app-stopped': '프로그램 종료',
  'review.kiccSaid': 'KICC 메시지: {message} ({code})',
  'review.requestNo': '보낸 번호',
  'review.more': '자세히',
  'review.sentAt': '보낸 시각',
  'review.endedAt': '끝난 시각',
  'review.httpStatus': 'HTTP 상태',
  'review.error': '오류 (기술 정보)',
  'review.bodySent': '보낸 내용',
  'review.rawAnswer': 'KICC 응답 (원문)',
  'review.auditTitle': '이 취소의 감사 기록 (자세히)',

  'review.historyTitle': '관리자 기록',
  'review.history.resolved': '{at} · {who}: “{outcome}”으로 기록',
  'review.history.note': '메모: {note}',
  'review.history.override': '기록과 다르게 기록한 이유: {reason}',
  'review.history.reopened': '{at} · {who}: 다시 열기',
  'review.history.reason': '이유: {reason}',

  'review.resolveTitle': '확인한 결과 기록',
  'review.outcome': 'KICC 가맹점 관리자 화면에서 확인한 결과',
  'review.outcomeCancelled': '취소됨',
  'review.outcomeCancelledHelp': 'KICC에서 이 결제가 취소되어 있습니다. 고객 카드로 환불됩니다.',
  'review.outcomeNotCancelled': '취소 안 됨',
  'review.outcomeNotCancelledHelp':
    'KICC에서 이 결제가 그대로 승인되어 있습니다. 이 영수증은 다시 취소할 수 있습니다.',
  'review.outcomeRequired': '결과를 고르세요',
  'review.note': '메모 (필수)',
  'review.notePlaceholder': '예: KICC 가맹점 관리자 화면에서 11/27 14:10 취소 확인',
  'review.noteHelp':
    '무엇을 어디서 누구와 확인했는지 적으세요 ({n}/{max}자). 감사 기록에만 남고 고객 전표에는 인쇄되지 않습니다.',
  'review.noteRequired': '메모를 입력하세요',
  'review.noteTooLong': '메모는 500자 이하로 입력하세요',
  'review.againstRecord': '선택한 결과가 기록과 다릅니다. {implies}',
  'review.overrideReason': '기록과 다르게 기록하는 이유 (필수)',
  'review.overrideHelp':
    'KICC 가맹점 관리자 화면이나 KICC 담당자에게서 확인한 내용을 적으세요 ({n}/{max}자). 감사 기록에 남습니다.',
  'review.overrideRequired': '기록과 다르게 기록하려면 이유를 입력하세요',
  'review.overrideTooLong': '이유는 500자 이하로 입력하세요',
  'review.cancelAprvNo': '취소 승인번호 (선택)',
  'review.cancelAprvNoHelp': 'KICC 화면에 취소 승인번호가 보이면 입력하세요. 전표에 인쇄됩니다.',
  'review.aprvNoAscii': '영문, 숫자, 기호만 쓸 수 있습니다',
  'review.aprvNoTooLong': '10자 이하로 입력하세요',
  'review.record': '결과 기록 (Enter)',
  'review.recordCancelled': '“취소됨”으로 기록 (Enter)',
  'review.recordNotCancelled': '“취소 안 됨”으로 기록 (Enter)',
  'review.recordAgainstCancelled': '기록과 다르게 “취소됨”으로 기록 (Enter)',
  'review.recordAgainstNot': '기록과 다르게 “취소 안 됨”으로 기록 (Enter)',

  'review.reopenTitle': '다시 열기',
  'review.reopenHelp':
    '결과를 잘못 기록했다면 다시 열어 “관리자 확인 필요”로 되돌린 뒤 바른 결과를 기록하세요. 다시 연 사람과 이유는 감사 기록에 남습니다.',
  'review.reopenReason': '다시 여는 이유 (필수)',
  'review.reopenReasonHelp': '무엇을 다시 확인했는지 적으세요 ({n}/{max}자).',
  'review.reopenRequired': '이유를 입력하세요',
  'review.reopenTooLong': '이유는 500자 이하로 입력하세요',
  'review.reopenButton': '다시 열기',
  'review.reopenBlocked':
    '다시 열 수 없습니다: 이 영수증은 그 뒤 다시 취소 요청되었습니다 (취소 번호 {id}, {state}). 한 결제에 살아 있는 취소는 하나뿐이어야 합니다. 새 취소를 확인하세요.',
  'review.backToList': '목록으로 (Esc)',
} as const;
