import { z } from 'zod';
import { INTEGRITY_FINDING_KINDS } from '../../shared/contract/manager-models';
import type { Bilingual } from '../../shared/kicc/messages';

/**
 * What the start-up check (./check.ts) found changed outside the app (issue 11 "a file changed
 * outside the app is detected at start, audited, and shown to the manager"). A finding stays in
 * the sealed state (./seal-file.ts `pending`) until a manager confirms it: restarting the app
 * does not make it go away.
 *
 *  - integrity-missing: integrity.json is gone although the live audit log shows it existed;
 *  - integrity-unreadable: it is damaged, does not match its own MAC, or its key does not open
 *    for this Windows account (the data folder copied elsewhere, a Windows password reset);
 *  - settings-changed: settings.json differs from what a manager last saved (put back);
 *  - pin-file-changed: manager-pin.json is not the file the app last wrote (not used);
 *  - pin-file-removed: manager-pin.json is gone although the app wrote one;
 *  - mode-changed: mode.json differs from the manager's last choice (put back);
 *  - audit-rewritten: the live audit log no longer holds the head sealed last time.
 */
export const FINDING_KINDS = INTEGRITY_FINDING_KINDS;
export type FindingKind = (typeof FINDING_KINDS)[number];

const scalar = z.union([z.string().max(300), z.number(), z.boolean(), z.null()]);

export const findingSchema = z.strictObject({
  id: z.string().max(80),
  kind: z.enum(FINDING_KINDS),
  at: z.int().nonnegative(),
  /** settings-changed / mode-changed: what the file said against what was sealed */
  changes: z.array(z.strictObject({ key: z.string().max(80), sealed: scalar, found: scalar })),
  /** audit-rewritten: the sealed head's number */
  seq: z.int().nullable(),
});
export type IntegrityFinding = z.infer<typeof findingSchema>;

export type FindingChange = IntegrityFinding['changes'][number];

export function newFinding(
  kind: FindingKind,
  at: number,
  extra: { changes?: FindingChange[]; seq?: number } = {},
): IntegrityFinding {
  return { id: `${kind}-${at}`, kind, at, changes: extra.changes ?? [], seq: extra.seq ?? null };
}

/** Findings that leave the settings unconfirmed: live mode waits for a manager. */
export const UNCONFIRMED_SETTINGS: ReadonlySet<FindingKind> = new Set([
  'integrity-missing',
  'integrity-unreadable',
]);

/** What each finding means, and what the app does until a manager confirms (Korean first). */
export function findingMessage(finding: IntegrityFinding): Bilingual {
  switch (finding.kind) {
    case 'integrity-missing':
      return {
        ko: '무결성 기록 파일(integrity.json)이 프로그램 밖에서 삭제되었습니다. 관리자가 확인할 때까지 실제 모드로 시작하지 않고, 취소 한도는 기본값을 넘지 않으며, 관리자 PIN 파일은 쓰지 않습니다.',
        en: 'The integrity record (integrity.json) was deleted outside the app. Until a manager confirms, live mode does not start, limits stay at or below the defaults, and the manager PIN file is not used.',
      };
    case 'integrity-unreadable':
      return {
        ko: '무결성 기록 파일(integrity.json)을 확인할 수 없습니다 (손상, 변조, 또는 다른 PC·Windows 계정에서 복사됨). 관리자가 확인할 때까지 실제 모드로 시작하지 않고, 취소 한도는 기본값을 넘지 않으며, 관리자 PIN 파일은 쓰지 않습니다.',
        en: 'The integrity record (integrity.json) cannot be verified (damaged, altered, or copied from another PC or Windows account). Until a manager confirms, live mode does not start, limits stay at or below the defaults, and the manager PIN file is not used.',
      };
    case 'settings-changed':
      return {
        ko: `설정 파일이 프로그램 밖에서 바뀌었습니다 (${keys(finding)}). 관리자가 마지막으로 저장한 설정으로 되돌렸습니다.`,
        en: `The settings file was changed outside the app (${keys(finding)}). The settings a manager last saved were put back.`,
      };
    case 'pin-file-changed':
      return {
        ko: '관리자 PIN 파일이 프로그램 밖에서 바뀌었습니다. 이 파일은 쓰지 않습니다: 복구 코드로 새 PIN을 설정하세요.',
        en: 'The manager PIN file was changed outside the app and is not used: set a new PIN with the recovery code.',
      };
    case 'pin-file-removed':
      return {
        ko: '관리자 PIN 파일이 프로그램 밖에서 삭제되었습니다. 복구 코드로 새 PIN을 설정하세요.',
        en: 'The manager PIN file was deleted outside the app. Set a new PIN with the recovery code.',
      };
    case 'mode-changed':
      return {
        ko: '모드 설정 파일(mode.json)이 프로그램 밖에서 바뀌었습니다. 관리자가 마지막으로 고른 모드로 되돌렸습니다.',
        en: 'The mode file (mode.json) was changed outside the app. The mode a manager last chose was put back.',
      };
    case 'audit-rewritten':
      return {
        ko: `감사 기록이 프로그램 밖에서 다시 작성되었습니다: 지난번에 봉인한 기록 #${finding.seq ?? '?'}이 더 이상 같지 않습니다. 감사 기록 검증과 마지막 마감 정산 용지의 체크포인트를 확인하세요.`,
        en: `The audit log was rewritten outside the app: event #${finding.seq ?? '?'} sealed last time is no longer the same. Verify the audit log against the checkpoint on the last printed slip or end-of-day summary.`,
      };
  }
}

const keys = (finding: IntegrityFinding): string => finding.changes.map((c) => c.key).join(', ');
