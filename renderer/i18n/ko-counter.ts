/**
 * Korean texts of the counter's day (issue 12) on the cashier's own screens: settled-item
 * notices, the quit warning, the backup's outcome, the read-only refund amounts and a manager's
 * correction of a paper receipt. Merged into ./ko.ts; ./en-counter.ts carries the same keys.
 */
export const koCounter = {
  'role.engine': '프로그램 (자동)',

  'cancel.amountsTitle': '환불 금액 (영수증 그대로)',
  'cancel.amountsFromReceipt':
    'KICC는 결제 전액만 취소합니다. 영수증의 금액 그대로 환불하며, 여기서 바꿀 수 없습니다.',
  'cancel.paperAmountsHint':
    '종이 영수증의 금액을 잘못 입력했다면 관리자(F10)가 금액을 고친 뒤 취소할 수 있습니다.',

  'correction.open': '금액 고치기 (관리자)',
  'correction.title': '종이 영수증 금액 고치기',
  'correction.help':
    '종이 영수증에 인쇄된 금액 그대로 입력하세요. 고치기 전과 후의 금액, 이유는 감사 기록에 남습니다.',
  'correction.note': '고치는 이유',
  'correction.notePlaceholder': '예: 금액을 잘못 입력함',
  'correction.save': '고친 금액 저장 (Enter)',
  'correction.saving': '저장 중…',
  'correction.cancel': '고치지 않기 (Esc)',

  'notice.region': '끝난 취소 알림',
  'notice.cancelled': '기다리던 취소가 완료되었습니다',
  'notice.rejected': '기다리던 취소가 거절되었습니다 — 카드 결제가 취소되지 않았습니다',
  'notice.needs_review': '관리자 확인 필요 — 현금으로 환불하지 마세요',
  'notice.needsReviewHelp': '자동으로 확인하지 못했습니다. 관리자가 확인해 처리합니다.',
  'notice.receipt': '원거래 {date} 승인 {aprvNo} · {amount}',
  'notice.printFirst': '완료 전표 인쇄 (F1)',
  'notice.print': '완료 전표 인쇄',
  'notice.printing': '인쇄 중…',
  'notice.autoPrinted': '완료 전표를 자동으로 인쇄했습니다.',
  'notice.printFailed': '인쇄하지 못했습니다: {reason}',
  'notice.open': '열기',
  'notice.dismiss': '닫기',
  'shortcut.F1': '완료 전표',

  'backup.done': '백업했습니다: {file}',
  'backup.failed': '백업하지 못했습니다: {reason}',
  'backup.dismiss': '확인',

  'quit.title': '끝나지 않은 취소가 있습니다',
  'quit.summary': '{count}건 · {total}',
  'quit.help':
    '종료해도 기록은 그대로 남고, 다시 시작하면 이어서 보내고 확인합니다. 그때까지 현금으로 환불하지 마세요.',
  'quit.needsReview': '그중 {count}건은 관리자 확인이 필요합니다.',
  'quit.more': '외 {count}건',
  'quit.stay': '계속 사용 (Esc)',
  'quit.quit': '그래도 종료',
  'quit.quitting': '종료하는 중…',
  'quit.notClosed': '프로그램을 닫지 못했습니다. 잠시 후 다시 시도하세요.',
} as const;
