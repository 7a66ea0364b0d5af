/**
 * Korean texts of issue 11's store controls: the manager PIN's loss path and recovery code, and
 * files changed outside the app. Merged into ./ko.ts; ./en-security.ts carries the same keys.
 */
export const koSecurity = {
  'pin.corruptLost':
    '관리자 PIN 파일이 손상되어 읽을 수 없습니다. 관리자가 보관한 복구 코드로 새 PIN을 설정하세요. 복구 코드가 없으면 새 PIN을 설정할 때 저장된 KICC 인증 정보가 지워집니다. 감사 기록에 남습니다.',
  'pin.changedLost':
    '관리자 PIN 파일이 프로그램 밖에서 바뀌어 쓰지 않습니다. 관리자가 보관한 복구 코드로 새 PIN을 설정하세요. 복구 코드가 없으면 새 PIN을 설정할 때 저장된 KICC 인증 정보가 지워집니다. 감사 기록에 남습니다.',
  'pin.forgot': 'PIN을 잊었습니다 (복구 코드로 새 PIN 설정)',
  'pin.forgotTitle': '복구 코드로 새 PIN 설정',
  'pin.forgotHelp':
    'PIN을 잊었으면, PIN을 설정할 때 받아 보관한 복구 코드로 새 PIN을 설정합니다. 감사 기록에 남습니다.',
  'pin.recoveryCode': '복구 코드 (20자리)',
  'pin.recoveryCodeHelp': '예: K7QF2-MZX9H-4DRT8-WBC3N. 대소문자와 - 는 상관없습니다.',
  'pin.recoveryCodeRequired': '복구 코드를 입력해야 새 PIN을 설정할 수 있습니다.',

  'recovery.title': '복구 코드 — 지금 한 번만 보여 드립니다',
  'recovery.label': '복구 코드',
  'recovery.once': '이 코드는 다시 보여 주지 않습니다. 지금 종이에 적으세요.',
  'recovery.keep': '적은 종이는 계산대가 아닌 곳(점장 수첩, 금고)에 보관하세요.',
  'recovery.protects':
    'PIN을 잊었거나 PIN 파일이 없어지거나 바뀌었을 때, 이 코드로 새 PIN을 설정하면 KICC 인증 정보가 그대로 남습니다. 한 번 쓰면 새 코드가 나옵니다.',
  'recovery.without':
    '코드 없이 새 PIN을 설정하면 저장된 KICC 인증 정보가 지워져, KICC에서 받은 채널 ID와 시크릿 키를 다시 입력해야 실제 취소를 할 수 있습니다.',
  'recovery.done': '적어 두었습니다',

  'integrity.banner':
    '프로그램 밖에서 바뀐 파일 {count}건 — 관리자 확인이 필요합니다 (F10 → 관리자 메뉴)',
  'integrity.title': '프로그램 밖에서 바뀐 파일',
  'integrity.help':
    '아래 파일이 이 프로그램을 거치지 않고 바뀌었습니다. 확인할 때까지 프로그램은 관리자가 마지막으로 저장한 값(또는 안전한 기본값)으로 동작합니다. 누가 바꿨는지 확인하세요.',
  'integrity.foundAt': '발견: {time}',
  'integrity.key': '항목',
  'integrity.sealed': '지금 쓰는 값',
  'integrity.found': '파일에 있던 값',
  'integrity.confirm': '확인했습니다',
  'integrity.apply': '파일의 값 적용',
} as const;
