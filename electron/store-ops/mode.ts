import { readFileSync } from 'node:fs';
import { writeFileAtomically } from '../files/atomic-write';
import { z } from 'zod';
import type { LocalizedText, ModeStatus, PosError } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { KiccCredentials } from '../kicc/signing';
import { decideMode } from '../settings/mode';
import type { ModeDecision } from '../settings/mode';
import type { StoredSettings } from '../settings/schema';

/**
 * Training or live at the next start (DESIGN.md "Modes"; issue 6 "switching modes needs the
 * manager"). The settings' rule (../settings/mode.ts: live once the API address, ids and
 * credentials are all saved) is `auto`; a manager can also choose `training` (to train staff on
 * a live till), kept in `<userData>/mode.json`. Decided at start only: a switch takes effect at
 * the next start (app.restart).
 *
 * A mode file that cannot be read counts as `training`: the app never goes live because a file
 * was damaged, and the screen says why.
 */
export type ModePreference = 'auto' | 'training';

const fileSchema = z.object({ version: z.literal(1), preference: z.enum(['auto', 'training']) });

export interface ModePreferenceStore {
  load(): { preference: ModePreference; damaged: boolean };
  save(preference: ModePreference): void;
}

export function createModePreferenceStore(path: string): ModePreferenceStore {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return { preference: 'auto', damaged: false };
        }
        return { preference: 'training', damaged: true };
      }
      try {
        const parsed = fileSchema.safeParse(JSON.parse(text));
        return parsed.success
          ? { preference: parsed.data.preference, damaged: false }
          : { preference: 'training', damaged: true };
      } catch {
        return { preference: 'training', damaged: true };
      }
    },
    save(preference) {
      writeFileAtomically(path, `${JSON.stringify({ version: 1, preference })}\n`);
    },
  };
}

/**
 * The mode for a start with these settings, credentials and the manager's preference; and
 * `blockedBy`: why live must wait for a manager (files changed outside the app, issue 11:
 * electron/integrity/), null when nothing stands in its way.
 */
export function decideStartMode(
  settings: StoredSettings,
  credentials: Result<KiccCredentials | null, PosError>,
  preference: { preference: ModePreference; damaged: boolean },
  blockedBy: LocalizedText | null = null,
): ModeDecision {
  if (preference.damaged) {
    return {
      mode: 'training',
      reason: {
        ko: '모드 설정 파일을 읽을 수 없어 교육 모드로 시작했습니다. 관리자가 모드를 다시 선택하세요',
        en: 'The mode file (mode.json) cannot be read, so the app started in training mode. A manager must choose the mode again',
      },
    };
  }
  if (preference.preference === 'training') {
    return {
      mode: 'training',
      reason: { ko: '관리자가 교육 모드를 선택했습니다', en: 'A manager chose training mode' },
    };
  }
  const decided = decideMode(settings, credentials);
  return decided.mode === 'live' && blockedBy !== null
    ? { mode: 'training', reason: blockedBy }
    : decided;
}

export function modeStatusOf(
  current: ModeDecision,
  next: ModeDecision,
  preference: ModePreference,
): ModeStatus {
  return {
    mode: current.mode,
    modeAfterRestart: next.mode,
    preference,
    restartRequired: current.mode !== next.mode,
    liveBlockedBy: preference === 'auto' && next.mode === 'training' ? next.reason : null,
  };
}
