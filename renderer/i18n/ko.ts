import { STATE_WORDS } from '../../shared/reports/words';
import { koCounter } from './ko-counter';
import type { koManager } from './ko-manager';
import type { koManagerCounter } from './ko-manager-counter';
import { koManagerDesk } from './ko-manager-desk';
import type { koReview } from './ko-review';
import { koSecurity } from './ko-security';

/**
 * Korean, the default (STYLE.md "Look and feel": the users are Korean store staff). Keys are the
 * app's own; `{name}` is filled by translate(). en.ts must have exactly these keys (typed).
 */
const desk = {
  'app.title': 'KICC 카드 취소',
  'app.skipToMain': '본문으로 건너뛰기',
  'app.loadingScreen': '화면을 불러오는 중…',

  'status.label': '상태',
  'status.online': '온라인',
  'status.offline': '오프라인 — KICC 연결 안 됨',
  'status.unknown': '연결 확인 중',
  'status.queue': '미완료 {count}건 · {total}',
  'status.queueEmpty': '미완료 없음',
  'status.terminal': '단말기 {tid}',
  'status.terminalUnset': '단말기 번호 미설정',
  'status.training': '교육 모드 — 실제 카드 결제는 취소되지 않습니다',
  'status.recovered':
    '화면에 문제가 생겨 다시 불러왔습니다. 진행 중이던 취소는 모두 기록되어 있으니 같은 취소를 다시 하기 전에 내역을 확인하세요.',
  'status.recoveredDismiss': '확인',
  'status.authProblem': 'KICC 인증 실패 — 관리자에게 인증 정보 확인을 요청하세요',
  'status.clockProblem':
    'PC 시계가 KICC 시계와 맞지 않습니다 — Windows 설정 > 시간 및 언어 > 지금 동기화 후 다시 시도(F5)',

  'nav.queue': '미완료 목록',
  'nav.language': 'English',
  'nav.languageLabel': '언어를 영어로 바꾸기',
  'nav.shortcuts': '단축키',

  'lookup.title': '영수증 조회',
  'lookup.query': '영수증 번호',
  'lookup.queryHelp':
    'VAN 거래번호, 가맹점 거래번호 또는 승인번호를 입력하거나 바코드를 스캔하세요. 승인번호는 승인일자와 함께 찾으면 정확합니다.',
  'lookup.date': '승인일자 (선택)',
  'lookup.datePlaceholder': '예: 20240105',
  'lookup.tabsLabel': '영수증 찾는 방법',
  'lookup.tabNumber': '번호로 찾기',
  'lookup.tabAmount': '날짜·금액으로 찾기',
  'lookup.tabsHint': 'F2: 찾는 방법 바꾸기',
  'lookup.amount': '결제 금액 (원)',
  'lookup.cardDigits': '카드 번호 끝 4자리 (선택)',
  'lookup.cardDigitsHelp': '같은 금액의 결제가 여러 건이면 카드 번호 끝 4자리로 좁힙니다.',
  'lookup.from': '승인일자 (시작)',
  'lookup.to': '승인일자 (끝)',
  'lookup.noneByAmount': '이 기간에 이 금액으로 승인된 영수증이 이 단말기에 없습니다.',
  'lookup.narrowHelp': '여러 건이 나오면 카드 번호 끝 4자리를 입력해 좁히세요.',
  'lookup.search': '조회 (Enter)',
  'lookup.searching': '조회 중…',
  'lookup.results': '조회 결과 {count}건',
  'lookup.none': '이 단말기에 저장된 영수증이 없습니다: “{query}”',
  'lookup.noneHelp': '종이 영수증을 보고 직접 입력하면 취소할 수 있습니다.',
  'lookup.enterPaper': '종이 영수증으로 입력 (F3)',
  'lookup.error': '조회하지 못했습니다: {reason}',
  'lookup.scanned': '스캔한 번호: {code}',

  'receipt.aprvDt': '승인일자',
  'receipt.aprvNo': '승인번호',
  'receipt.vanTrxNo': 'VAN 거래번호',
  'receipt.mercTrxNo': '가맹점 거래번호',
  'receipt.amount': '결제 금액',
  'receipt.vat': '부가세',
  'receipt.svc': '봉사료',
  'receipt.installment': '할부',
  'receipt.lumpSum': '일시불',
  'receipt.months': '{n}개월',
  'receipt.card': '카드',
  'receipt.status': '취소 상태',
  'receipt.select': '이 영수증 취소 (F4)',

  'state.none': '취소 안 됨',
  'state.draft': STATE_WORDS.draft.ko,
  'state.pending': STATE_WORDS.pending.ko,
  'state.sending': STATE_WORDS.sending.ko,
  'state.queued': STATE_WORDS.queued.ko,
  'state.in_doubt': STATE_WORDS.in_doubt.ko,
  'state.cancelled': STATE_WORDS.cancelled.ko,
  'state.rejected': STATE_WORDS.rejected.ko,
  'state.needs_review': STATE_WORDS.needs_review.ko,

  'paper.title': '종이 영수증으로 입력',
  'paper.help':
    '영수증에 인쇄된 내용을 그대로 입력하세요. 이 단말기에 없는 결제도 취소할 수 있습니다.',
  'paper.cardNumber':
    '카드번호는 입력하지 않습니다. 이 프로그램은 카드번호를 앞 6자리와 뒤 4자리까지만 저장하고 보여 줍니다 (나머지는 *).',
  'paper.keyType': '취소 키 구분',
  'paper.keyVan': 'VAN 거래번호 (T)',
  'paper.keyMerc': '가맹점 거래번호 (G)',
  'paper.continue': '취소 양식으로 (Enter)',

  'cancel.title': '카드 결제 취소',
  'cancel.fromReceipt': '원거래',
  'cancel.cndTrxNo': '원거래 번호',
  'cancel.orgAprvDt': '원거래 승인일자',
  'cancel.orgAprvNo': '원거래 승인번호',
  'cancel.alotMonth': '할부 개월 (00 = 일시불)',
  'cancel.trxAmt': '결제 금액 (원)',
  'cancel.vatAmt': '부가세 (원)',
  'cancel.vatAuto': '금액에서 자동 계산',
  'cancel.vatRecompute': '부가세 다시 계산',
  'cancel.svcAmt': '봉사료 (원)',
  'cancel.reason': '취소 사유',
  'cancel.reasonPlaceholder': '예: 고객 변심, 중복 결제',
  'cancel.review': '확인 단계로 (Enter)',
  'cancel.fixErrors': '입력 오류 {count}건을 고쳐 주세요',
  'cancel.confirmTitle': '환불 금액을 확인하세요',
  'cancel.confirmAmount': '고객에게 {amount}을 카드로 환불합니다',
  'cancel.confirmCard': '원래 결제한 카드로 환불됩니다. 현금으로 환불하지 마세요.',
  'cancel.confirm': '취소 실행 (Enter)',
  'cancel.edit': '고치기 (Esc)',
  'cancel.sending': '취소 요청 중… 창을 닫지 마세요',
  'cancel.refused': '취소할 수 없습니다',
  'cancel.answerLost':
    '응답을 받지 못했습니다 ({reason}). 취소가 이미 기록되었을 수 있습니다 — 현금으로 환불하지 마세요. 다시 보내면 같은 요청의 결과를 확인합니다 (두 번 취소되지 않습니다).',
  'cancel.alreadyRequested': '이미 취소 요청이 있습니다 — 현금으로 환불하지 마세요',

  'outcome.cancelled': '취소 완료',
  'outcome.cancelledHelp': '카드 취소가 승인되었습니다. 고객에게 전표를 드리세요.',
  'outcome.cancelledEarlier': '이 결제는 이미 취소되어 있었습니다 (이전 요청이 반영됨).',
  'outcome.rejected': '취소 거절',
  'outcome.rejectedReason': 'KICC 응답: {reason}',
  'outcome.whatToDo': '이렇게 하세요',
  'outcome.verifying': '취소 확인 중 — 현금으로 환불하지 마세요',
  'outcome.verifyingHelp':
    'KICC의 응답을 받지 못해 취소가 되었는지 확인하고 있습니다. 연결되면 자동으로 확인하고 이 화면이 바뀝니다. 고객에게는 “카드 취소 처리 중”이라고 안내하세요.',
  'outcome.queued': '전송 대기 — 현금으로 환불하지 마세요',
  'outcome.queuedHelp':
    '오프라인이라 아직 KICC에 보내지 못했습니다. 연결되면 자동으로 보내고 이 화면이 바뀝니다.',
  'outcome.needsReview': '관리자 확인 필요 — 현금으로 환불하지 마세요',
  'outcome.needsReviewHelp':
    '프로그램이 결과를 스스로 판단할 수 없었습니다 (카드 취소가 이미 되었을 수 있습니다). 관리자가 KICC 가맹점 관리 화면에서 결과를 확인해 처리합니다.',
  'outcome.draft': '관리자 승인 대기 — 아직 취소되지 않았습니다',
  'outcome.draftHelp':
    '관리자가 승인하면 KICC로 보냅니다. 그 전에는 카드 취소가 되지 않으니 현금으로 환불하지 마세요.',
  'outcome.attempts': '시도 {n}회',
  'outcome.cancelAprvNo': '취소 승인번호',
  'outcome.cancelTime': '취소 시각',
  'outcome.card': '카드',
  'outcome.amount': '취소 금액',
  'outcome.slip': '전표 보기 (F6)',
  'outcome.newLookup': '새 조회 (F2)',
  'outcome.live': '실시간 갱신 중',

  'reason.S001': '원거래를 찾을 수 없습니다 (번호, 승인일자 또는 승인번호 불일치)',
  'reason.S001.todo': '영수증의 승인일자와 승인번호, 거래번호를 다시 확인해 입력하세요.',
  'reason.S003': '금액, 부가세, 봉사료 또는 할부가 원거래와 다릅니다',
  'reason.S003.todo': '영수증에 인쇄된 금액, 부가세, 봉사료, 할부 개월을 그대로 입력하세요.',
  'reason.S004': '취소 가능 기간이 지났습니다',
  'reason.S004.todo': '카드로 취소할 수 없습니다. 관리자에게 문의하세요.',
  'reason.S008': '요청 항목 오류',
  'reason.S008.todo': '프로그램 오류일 수 있습니다. 관리자에게 알려 주세요.',
  'reason.other.todo': '영수증 내용을 다시 확인하고, 계속 거절되면 관리자에게 문의하세요.',

  'slip.title': '카드 취소 전표',
  'slip.print': '인쇄 (Ctrl+P)',
  'slip.close': '닫기 (Esc)',
  'slip.notFinal': '확인 중 — 최종 결과가 아닙니다',

  'queue.title': '미완료 취소',
  'queue.empty': '미완료 취소가 없습니다.',
  'queue.summary': '{count}건 · {total} · 가장 오래된 건 {oldest}',
  'queue.state': '상태',
  'queue.attempts': '시도',
  'queue.nextTry': '다음 시도',
  'queue.receipt': '원거래',
  'queue.amount': '금액',
  'queue.retryNow': '지금 다시 시도',
  'queue.retryAll': '모두 지금 다시 시도 (F5)',
  'queue.retrying': '다시 시도 요청함',
  'queue.open': '열기',
  'queue.now': '곧',

  'history.title': '취소 내역',
  'history.from': '시작일',
  'history.to': '종료일',
  'history.state': '상태',
  'history.allStates': '모든 상태',
  'history.text': '검색 (승인번호, 거래번호, 카드, 사유)',
  'history.count': '{shown} / {total}건',
  'history.more': '더 불러오는 중…',
  'history.empty': '조건에 맞는 취소가 없습니다.',
  'history.loading': '내역을 불러오는 중…',
  'history.time': '요청 시각',
  'history.receipt': '원거래 승인',
  'history.amount': '금액',
  'history.card': '카드',
  'history.reason': '사유',
  'history.table': '취소 내역 표',

  'shortcut.F2': '조회',
  'shortcut.F3': '직접 입력',
  'shortcut.F4': '결제 취소',
  'shortcut.F5': '다시 시도',
  'shortcut.F6': '전표',
  'shortcut.F7': 'English',
  'shortcut.F8': '미완료',
  'shortcut.F9': '내역',
  'shortcut.Esc': '뒤로',

  'error.noPos': '화면과 프로그램의 연결이 없습니다. 프로그램을 다시 시작하세요.',
} as const;

/**
 * What loads with the page: the cashier's desk, the counter's day (./ko-counter.ts), the
 * manager's words the desk shows (./ko-manager-desk.ts: PIN dialog, approval, roles) and the
 * store controls on the status bar (./ko-security.ts). The manager's screens bring their own
 * texts when they are opened (./manager-messages.ts, issue 12 finding 10).
 */
export const ko = { ...desk, ...koCounter, ...koManagerDesk, ...koSecurity } as const;

export type DeskMessageKey = keyof typeof ko;
/** Keys of the manager's screens' texts, loaded with those screens. */
export type ManagerMessageKey =
  keyof typeof koManager | keyof typeof koManagerCounter | keyof typeof koReview;
export type MessageKey = DeskMessageKey | ManagerMessageKey;
