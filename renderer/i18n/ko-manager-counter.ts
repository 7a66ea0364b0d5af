/**
 * Korean texts of the manager's side of the counter's day (issue 12), on the settings screen:
 * the receipt printer picked from the system's list and its test print, automatic printing of
 * settled slips, the daily backup. Merged with ./ko-manager.ts (loaded with the manager's
 * screens); ./en-manager-counter.ts carries the same keys.
 */
export const koManagerCounter = {
  'settings.printer': '영수증 프린터',
  'settings.printerDefault': '이 컴퓨터의 기본 프린터',
  'settings.printerHelp':
    '목록에서 고르세요. 기본 프린터를 고르면 확인 창 없이 이 컴퓨터의 기본 프린터로 바로 인쇄합니다.',
  'settings.printerMissing': '{name} (지금 목록에 없음: 꺼져 있거나 연결되지 않음)',
  'settings.printerRefresh': '목록 새로 고침',
  'settings.printersLoading': '프린터 목록을 읽는 중…',
  'settings.testPrint': '시험 인쇄',
  'settings.testPrinting': '시험 인쇄 중…',
  'settings.testPrinted': '시험 전표를 보냈습니다 ({printer}). 잘 나왔으면 저장하세요.',
  'settings.autoPrintSettled': '기다리던 취소가 끝나면 완료 전표를 자동으로 인쇄',

  'backup.title': '백업',
  'backup.help':
    '마감 정산을 인쇄할 때마다 취소 기록을 이 폴더(외장 드라이브 등)에 백업하고, 열어서 확인합니다. 최근 30개를 보관합니다.',
  'backup.folder': '백업 폴더',
  'backup.none': '정하지 않음 (백업하지 않음)',
  'backup.choose': '폴더 선택…',
  'backup.clear': '백업하지 않기',
  'backup.run': '지금 백업',
  'backup.running': '백업 중…',
  'backup.lastLabel': '마지막 백업',
  'backup.last': '{time} · {file}',
  'backup.lastFailed': '{time} 실패 · {reason}',
} as const;
