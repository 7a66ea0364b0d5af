import type { Bilingual } from '../../shared/kicc/messages';
import { kstDateTime } from '../../shared/kicc/time';
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from './pin-policy';

/**
 * What the manager screens say when manager access is refused, Korean first. No message ever
 * contains a PIN, typed or stored (preamble: the manager PIN is a secret).
 */

export type ManagerRefusalCode =
  | 'not-set'
  | 'missing'
  | 'corrupt'
  | 'changed'
  | 'wrong-recovery-code'
  | 'already-set'
  | 'loss-not-acknowledged'
  | 'pin-format'
  | 'weak-pin'
  | 'pin-mismatch'
  | 'wrong-pin'
  | 'locked'
  | 'busy'
  | 'not-manager';

export interface ManagerRefusal {
  code: ManagerRefusalCode;
  message: Bilingual;
  /** 'locked': until when (epoch ms) */
  lockedUntil?: number;
  /** 'wrong-pin': tries before the next lock-out */
  triesLeft?: number;
}

/** "14:05" in Korea time, for "잠금 해제 시각". */
function kstClock(epochMs: number): string {
  const { time } = kstDateTime(epochMs);
  return `${time.slice(0, 2)}:${time.slice(2, 4)}`;
}

export const refusals = {
  notSet: (): ManagerRefusal => ({
    code: 'not-set',
    message: {
      ko: '관리자 PIN이 아직 설정되지 않았습니다. 먼저 PIN을 설정하세요.',
      en: 'No manager PIN has been set yet. Set one first.',
    },
  }),
  missing: (): ManagerRefusal => ({
    code: 'missing',
    message: {
      ko: '관리자 PIN 파일이 없어졌습니다. 이전에 설정된 PIN이 있었습니다. 복구 코드로 새 PIN을 설정하세요 (복구 코드 없이 설정하면 저장된 KICC 인증 정보가 지워집니다). 감사 기록에 남습니다.',
      en: 'The manager PIN file is gone, although a PIN had been set. Set a new PIN with the recovery code (without it, the stored KICC credentials are removed). This is recorded in the audit log.',
    },
  }),
  changed: (): ManagerRefusal => ({
    code: 'changed',
    message: {
      ko: '관리자 PIN 파일이 프로그램 밖에서 바뀌어 쓰지 않습니다. 복구 코드로 새 PIN을 설정하세요.',
      en: 'The manager PIN file was changed outside the app and is not used. Set a new PIN with the recovery code.',
    },
  }),
  wrongRecoveryCode: (): ManagerRefusal => ({
    code: 'wrong-recovery-code',
    message: {
      ko: '복구 코드가 맞지 않습니다. 관리자가 PIN을 설정할 때 받아 보관한 20자리 코드를 입력하세요.',
      en: 'The recovery code does not match. Type the 20-character code the manager kept when the PIN was set.',
    },
  }),
  corrupt: (): ManagerRefusal => ({
    code: 'corrupt',
    message: {
      ko: '관리자 PIN 파일이 손상되어 읽을 수 없습니다. 복구 코드로 새 PIN을 설정하세요.',
      en: 'The manager PIN file is damaged and cannot be read. Set a new PIN with the recovery code.',
    },
  }),
  alreadySet: (): ManagerRefusal => ({
    code: 'already-set',
    message: {
      ko: '관리자 PIN이 이미 설정되어 있습니다. 변경은 관리자 모드에서 하세요.',
      en: 'A manager PIN is already set. Change it in manager mode.',
    },
  }),
  lossNotAcknowledged: (): ManagerRefusal => ({
    code: 'loss-not-acknowledged',
    message: {
      ko: '복구 코드를 입력하거나, 복구 코드 없이 설정하면 KICC 인증 정보가 지워지는 것을 확인해야 새 PIN을 설정할 수 있습니다.',
      en: 'Type the recovery code, or confirm that without it the KICC credentials will be removed, to set a new PIN.',
    },
  }),
  pinFormat: (): ManagerRefusal => ({
    code: 'pin-format',
    message: {
      ko: `PIN은 숫자 ${PIN_MIN_LENGTH}~${PIN_MAX_LENGTH}자리입니다.`,
      en: `The PIN is ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits.`,
    },
  }),
  weakPin: (): ManagerRefusal => ({
    code: 'weak-pin',
    message: {
      ko: '너무 쉬운 PIN입니다 (같은 숫자, 연속된 숫자, 반복, 1004·2580 같은 흔한 번호). 다른 PIN을 고르세요.',
      en: 'This PIN is too easy to guess (same digits, a sequence, a repeat, or a common one like 2580). Choose another.',
    },
  }),
  pinMismatch: (): ManagerRefusal => ({
    code: 'pin-mismatch',
    message: {
      ko: '두 번 입력한 PIN이 서로 다릅니다.',
      en: 'The two PINs you typed differ.',
    },
  }),
  wrongPin: (triesLeft: number): ManagerRefusal => ({
    code: 'wrong-pin',
    triesLeft,
    message: {
      ko: `PIN이 맞지 않습니다. ${triesLeft}번 더 틀리면 잠깁니다.`,
      en: `Wrong PIN. ${triesLeft} more wrong ${triesLeft === 1 ? 'try locks' : 'tries lock'} manager access.`,
    },
  }),
  locked: (lockedUntil: number): ManagerRefusal => ({
    code: 'locked',
    lockedUntil,
    message: {
      ko: `PIN을 여러 번 틀려 잠겼습니다. ${kstClock(lockedUntil)} 이후에 다시 시도하세요.`,
      en: `Too many wrong PINs: locked until ${kstClock(lockedUntil)} (Korea time).`,
    },
  }),
  busy: (): ManagerRefusal => ({
    code: 'busy',
    message: {
      ko: 'PIN을 확인하는 중입니다. 잠시 후 다시 시도하세요.',
      en: 'A PIN is being checked. Try again in a moment.',
    },
  }),
  notManager: (): ManagerRefusal => ({
    code: 'not-manager',
    message: {
      ko: '관리자 모드에서만 할 수 있습니다. 관리자 PIN으로 로그인하세요.',
      en: 'Only in manager mode. Log in with the manager PIN.',
    },
  }),
};
