import { canonicalJson } from '../audit/canonical';
import { migrateSettings } from '../settings/migrations';
import { publicSettings, storedSettingsSchema } from '../settings/schema';
import type { StoredSettings } from '../settings/schema';
import { settingsChanges } from '../store-ops/settings-audit';
import type { ModePreference } from '../store-ops/mode';
import type { FindingChange, IntegrityFinding } from './findings';
import { newFinding } from './findings';
import { macMatches, macOf } from './seal-file';
import type { SealedState } from './seal-file';

/**
 * The start-up comparison (issue 11 "a file changed outside the app is detected at start"):
 * what the files say now against what the app sealed last time. Pure: the caller reads the
 * files and the live audit log, and applies what this decides (./start.ts).
 */
export interface FoundAtStart {
  settings: StoredSettings;
  /** manager-pin.json as parsed JSON; undefined when there is none */
  pinFile: unknown;
  mode: { preference: ModePreference; damaged: boolean };
  /** the live audit log's event #seq's hash (null: no such event, or no live log) */
  auditHashAt(seq: number): string | null;
}

export interface Comparison {
  findings: IntegrityFinding[];
  /** settings to write back (the sealed copy), when the file differs from it */
  restoreSettings: StoredSettings | null;
  /** the mode choice to write back */
  restoreMode: ModePreference | null;
  /** the PIN file's standing from now on */
  pinFile: SealedState['pinFile'];
}

/** The MAC that vouches for a PIN file (its parsed JSON, so whitespace does not matter). */
export const pinFileMac = (key: Buffer, file: unknown): string => macOf(key, 'manager-pin', file);

/** A sealed settings copy as today's format, or null when it no longer reads as settings. */
export function sealedSettingsOf(copy: Record<string, unknown> | null): StoredSettings | null {
  if (copy === null) return null;
  const migrated = migrateSettings(copy);
  if (migrated.kind !== 'current' && migrated.kind !== 'migrated') return null;
  const parsed = storedSettingsSchema.safeParse(migrated.value);
  return parsed.success ? parsed.data : null;
}

export function compareWithSeal(
  key: Buffer,
  sealed: SealedState,
  found: FoundAtStart,
  at: number,
): Comparison {
  const findings: IntegrityFinding[] = [];

  let restoreSettings: StoredSettings | null = null;
  const sealedSettings = sealedSettingsOf(sealed.settings);
  if (sealedSettings !== null && canonicalJson(sealedSettings) !== canonicalJson(found.settings)) {
    const changes = settingsChanges(publicSettings(sealedSettings), publicSettings(found.settings));
    findings.push(newFinding('settings-changed', at, { changes: asChanges(changes) }));
    restoreSettings = sealedSettings;
  }

  let pinFile = sealed.pinFile;
  if (found.pinFile === undefined) {
    if (sealed.pinFile !== 'absent' && sealed.pinFile !== 'untrusted') {
      findings.push(newFinding('pin-file-removed', at));
      pinFile = 'absent';
    }
  } else if (sealed.pinFile === 'absent') {
    // a PIN file the app never wrote: planted (copied from another till, or made by hand)
    findings.push(newFinding('pin-file-changed', at));
    pinFile = 'untrusted';
  } else if (
    sealed.pinFile !== 'untrusted' &&
    !pinFileTrusted(key, sealed.pinFile, found.pinFile) &&
    !(sealed.pinFileBefore !== null && pinFileTrusted(key, sealed.pinFileBefore, found.pinFile))
  ) {
    findings.push(newFinding('pin-file-changed', at));
    pinFile = 'untrusted';
  }

  let restoreMode: ModePreference | null = null;
  if (
    sealed.modePreference !== null &&
    (found.mode.damaged || found.mode.preference !== sealed.modePreference)
  ) {
    findings.push(
      newFinding('mode-changed', at, {
        changes: [
          {
            key: 'mode',
            sealed: sealed.modePreference,
            found: found.mode.damaged ? '(damaged)' : found.mode.preference,
          },
        ],
      }),
    );
    restoreMode = sealed.modePreference;
  }

  const head = sealed.liveAuditHead;
  if (head !== null && found.auditHashAt(head.seq) !== head.hash) {
    findings.push(newFinding('audit-rewritten', at, { seq: head.seq }));
  }

  return { findings, restoreSettings, restoreMode, pinFile };
}

export function pinFileTrusted(key: Buffer, sealedMac: string, file: unknown): boolean {
  try {
    return macMatches(sealedMac, pinFileMac(key, file));
  } catch {
    return false; // not JSON a MAC can be taken of: not the file the app wrote
  }
}

function asChanges(changes: ReturnType<typeof settingsChanges>): FindingChange[] {
  return Object.entries(changes).map(([key, change]) => {
    const { from, to } = change as {
      from: string | number | boolean;
      to: string | number | boolean;
    };
    return { key, sealed: from, found: to };
  });
}
