/**
 * The manager's words the cashier's own screens show (issues 6 and 13): role names, F10, the
 * manager indicator, the PIN dialog, the over-limit approval on the confirmation, the slip
 * dialog's print answers, the "관리자 확인" marks on an outcome and the history. They load with
 * the desk; the manager's screens' texts (./ko-manager.ts, ./ko-review.ts) load with those
 * screens (issue 12 finding 10; ./manager-messages.ts). ./en-manager-desk.ts: the same keys.
 */
export const koManagerDesk = {
  'role.cashier': '계산원',
  'role.manager': '관리자',
  'cashier.no': '계산원 번호',
  'cashier.noHelp': '자기 번호를 입력하세요. 누가 취소했는지 장부에 남습니다.',
  'cashier.noRequired': '계산원 번호를 입력하세요',
  'shortcut.F10': '관리자',
  'shortcut.F10.logout': '로그아웃',
  'manager.button': '관리자',
  'manager.setupButton': '관리자 PIN 설정',
  'manager.lockedButton': '관리자 잠김',
  'manager.mode': '관리자 모드',
  'manager.until': '{time}까지',
  'manager.menu': '관리자 메뉴',
  'manager.menuLabel': '관리자 메뉴 열기 (F10)',
  'manager.logoutShort': '로그아웃',
  'manager.logoutLabel': '관리자 모드 끝내기 (로그아웃)',
  'manager.ended': '관리자 모드가 끝났습니다. 다시 들어가려면 F10을 누르고 PIN을 입력하세요.',
  'manager.endedDismiss': '확인',
  'pin.loginTitle': '관리자 로그인',
  'pin.loginHelp': '관리자 PIN을 입력하세요. 입력한 숫자는 화면에 보이지 않습니다.',
  'pin.pin': '관리자 PIN',
  'pin.login': '로그인 (Enter)',
  'pin.cancel': '그만두기 (Esc)',
  'pin.close': '닫기 (Esc)',
  'pin.checking': '확인 중…',
  'pin.triesLeft': '틀려도 되는 횟수: {n}번 (모두 틀리면 잠깁니다)',
  'pin.required': 'PIN을 입력하세요',
  'pin.format': 'PIN은 숫자 4~8자리입니다',
  'pin.weak': '너무 쉬운 PIN입니다. 이대로는 설정되지 않습니다: 다른 번호를 고르세요',
  'pin.mismatch': '두 번 입력한 PIN이 서로 다릅니다',
  'pin.lockedTitle': '관리자 PIN 잠김',
  'pin.locked': 'PIN을 여러 번 틀려 잠겼습니다. {time} 이후에 다시 시도하세요.',
  'pin.lockedLeft': '남은 시간: {left}',
  'pin.lockedHelp':
    '잠금은 시간이 지나면 저절로 풀립니다. 잠긴 동안에는 관리자 승인과 관리자 기능을 쓸 수 없습니다.',
  'pin.timeLeft': '{m}분 {s}초',
  'pin.setupTitle': '관리자 PIN 설정 (처음 한 번)',
  'pin.setupHelp':
    '관리자 PIN은 한도를 넘는 취소 승인, 확인 필요 취소 처리, 설정 변경, 보고서에 쓰입니다. 점장(관리자)만 알도록 정하세요.',
  'pin.lostTitle': '관리자 PIN 다시 설정',
  'pin.lost':
    '관리자 PIN 파일이 없어졌습니다. 이전에 PIN이 설정되어 있었습니다. 누군가 파일을 지웠을 수 있습니다. 관리자가 보관한 복구 코드로 새 PIN을 설정하세요. 복구 코드가 없으면 새 PIN을 설정할 때 저장된 KICC 인증 정보가 지워집니다. 감사 기록에 남습니다.',
  'pin.acknowledgeLoss':
    '복구 코드가 없습니다. 저장된 KICC 인증 정보를 지우고 새 PIN을 설정합니다 (인증 정보는 KICC에서 받은 값으로 다시 입력).',
  'pin.acknowledgeRequired':
    '복구 코드를 입력하거나, 위 내용을 확인했다고 표시해야 새 PIN을 설정할 수 있습니다.',
  'pin.rulesTitle': 'PIN 규칙',
  'pin.ruleDigits': '숫자 4~8자리',
  'pin.ruleEasy':
    '쉬운 번호는 쓸 수 없습니다: 같은 숫자(0000), 연속된 숫자(1234, 9876), 반복(1212), 흔한 번호(1004, 2580 등)',
  'pin.ruleSecret': '5번 틀리면 5분간 잠기고, 그 뒤로 틀릴 때마다 잠금 시간이 늘어납니다',
  'pin.newPin': '새 PIN',
  'pin.confirmPin': '새 PIN 다시 입력',
  'pin.currentPin': '현재 PIN',
  'pin.setup': 'PIN 설정 (Enter)',
  'pin.changeTitle': '관리자 PIN 변경',
  'pin.change': 'PIN 변경 (Enter)',
  'approval.title': '관리자 승인 필요',
  'approval.overLimit':
    '취소 금액이 계산원 한도 {limit}보다 큽니다. 관리자가 이 화면에서 PIN을 입력하면 승인과 함께 취소를 보냅니다.',
  'approval.needed':
    '이 취소는 관리자 승인이 필요합니다. 관리자가 이 화면에서 PIN을 입력하면 승인과 함께 취소를 보냅니다.',
  'approval.pin': '관리자 PIN (승인)',
  'approval.pinHelp': '관리자가 직접 입력하세요. 요청자(계산원)와 승인자(관리자)가 기록됩니다.',
  'approval.confirm': '관리자 승인하고 취소 실행 (Enter)',
  'approval.byManagerMode':
    '관리자 모드: 계산원 한도 {limit}을 넘는 취소를 관리자가 직접 승인합니다.',
  'approval.requestedBy': '요청: {who}',
  'approval.approvedBy': '승인: {who}',
  'slip.loading': '전표를 불러오는 중…',
  'slip.printing': '인쇄 중…',
  'slip.printed': '인쇄했습니다 (프린터: {printer}).',
  'slip.reprinted': '재출력했습니다 (프린터: {printer}). 전표에 “재출력”이 표시됩니다.',
  'slip.printFailed': '인쇄하지 못했습니다: {reason}',
  'slip.defaultPrinter': '기본 프린터',
  'manual.mark': '관리자 확인',
  'manual.cancelledHelp': '관리자가 KICC 가맹점 관리자 화면에서 취소를 확인해 기록한 결과입니다.',
  'manual.notCancelled': '취소 안 됨 (관리자 확인)',
  'manual.notCancelledHelp':
    '관리자가 KICC에서 이 카드 결제가 취소되지 않은 것을 확인했습니다. 카드 결제는 그대로입니다.',
  'manual.notCancelledTodo':
    '이 영수증은 다시 조회해 취소할 수 있습니다. 현금 환불은 관리자와 상의하세요.',
} as const;
