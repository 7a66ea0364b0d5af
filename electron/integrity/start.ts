import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import type { AuditCheckpoint } from '../audit/chain';
import { canEncrypt } from '../credentials/store';
import type { SafeStorageLike } from '../credentials/store';
import { openLedger } from '../ledger/ledger';
import type { Ledger } from '../ledger/ledger';
import type { ShellLog } from '../log/shell-log';
import { createPinFileStore } from '../manager/pin-file-store';
import type { StoredSettings } from '../settings/schema';
import { publicSettings } from '../settings/schema';
import { createModePreferenceStore } from '../store-ops/mode';
import { compareWithSeal, pinFileMac } from './check';
import type { FoundAtStart } from './check';
import type { FindingKind, IntegrityFinding } from './findings';
import { newFinding } from './findings';
import type { InstallIntegrity, IntegrityEvent } from './install-integrity';
import { sealedIntegrity, unavailableIntegrity } from './install-integrity';
import { sealFile } from './seal-file';
import type { SealedState } from './seal-file';

/**
 * The start-up check (issue 11): opens integrity.json, compares the settings, the PIN file, the
 * mode choice and the live audit log with what was sealed, puts back what a manager last saved,
 * and seals again. Runs before the mode is decided (a finding may keep live mode off) and
 * before the engine opens the live ledger (which it reads here, briefly).
 *
 *  - No integrity.json and no trace of one in the live audit log: a first start, or the first
 *    start of a version with seals: the files are sealed as they are (trust on first use,
 *    audited as `integrity.established`, docs/shell.md says what that window means).
 *  - No integrity.json although the live log recorded one, or one that cannot be opened: the
 *    seal was removed or broken: nothing sealed can be vouched for (integrity-missing /
 *    -unreadable): live waits for a manager, limits are capped, the PIN file is not used.
 *  - A seal: ./check.ts compares, and what it found is put back and waits for a manager.
 */
export interface IntegrityStartDeps {
  /** <userData> */
  dataDir: string;
  safeStorage: SafeStorageLike;
  settings: {
    current(): StoredSettings;
    update(patch: ReturnType<typeof publicSettings>): { ok: boolean };
  };
  clock: Clock;
  log: ShellLog;
  randomBytes?: (size: number) => Buffer;
}

export const INTEGRITY_FILE = 'integrity.json';

/** What the live audit log says, read with the ledger closed again at once. */
interface LiveAudit {
  exists: boolean;
  established: boolean;
  pinEverSet: boolean;
  head: AuditCheckpoint | null;
  /** the hash of the event at the sealed head's number (null: no such event) */
  hashAtSealed: string | null;
}

export function readLiveAudit(file: string, sealedSeq: number | null): LiveAudit {
  if (!existsSync(file)) {
    return { exists: false, established: false, pinEverSet: false, head: null, hashAtSealed: null };
  }
  const ledger: Ledger = openLedger(file);
  try {
    const has = (kind: string) => ledger.audit.list({ kind, limit: 1 }).length > 0;
    const row =
      sealedSeq === null ? undefined : ledger.audit.list({ afterSeq: sealedSeq - 1, limit: 1 })[0];
    return {
      exists: true,
      established: has('integrity.established'),
      pinEverSet: has('manager.pin_set') || has('manager.pin_reset_after_loss'),
      head: ledger.audit.head(),
      hashAtSealed: row !== undefined && row.seq === sealedSeq ? row.hash : null,
    };
  } finally {
    // the engine opens it again (one writer, exclusive lock): closed before that
    ledger.close();
  }
}

export function startIntegrity(deps: IntegrityStartDeps): InstallIntegrity {
  const { clock, log } = deps;
  if (!canEncrypt(deps.safeStorage)) {
    log.warn('integrity: safeStorage unavailable, nothing is sealed');
    return unavailableIntegrity();
  }
  const file = sealFile(join(deps.dataDir, INTEGRITY_FILE), deps.safeStorage);
  const random = deps.randomBytes ?? ((size: number) => nodeRandomBytes(size));
  const now = clock.now();
  const pinFile = createPinFileStore(join(deps.dataDir, 'manager-pin.json')).load();
  const modeStore = createModePreferenceStore(join(deps.dataDir, 'mode.json'));
  const mode = modeStore.load();
  const opened = file.open();
  const sealedSeq = opened.state === 'sealed' ? (opened.sealed.liveAuditHead?.seq ?? null) : null;
  const live = liveAuditOf(join(deps.dataDir, 'live', 'ledger.sqlite'), sealedSeq, log);

  const events: IntegrityEvent[] = [];
  const finding = (f: IntegrityFinding): void => {
    events.push({ kind: 'integrity.finding', details: findingDetails(f) });
    log.warn('integrity: changed outside the app', { kind: f.kind });
  };

  let key: Buffer;
  let state: SealedState;
  if (opened.state === 'sealed') {
    key = opened.key;
    const found: FoundAtStart = {
      settings: deps.settings.current(),
      pinFile,
      mode,
      auditHashAt: (seq) => (seq === sealedSeq ? live.hashAtSealed : null),
    };
    const compared = compareWithSeal(key, opened.sealed, found, now);
    if (compared.restoreSettings !== null) {
      const back = deps.settings.update(publicSettings(compared.restoreSettings));
      if (!back.ok) log.error('integrity: the sealed settings could not be written back');
    }
    if (compared.restoreMode !== null) modeStore.save(compared.restoreMode);
    compared.findings.forEach(finding);
    state = {
      ...opened.sealed,
      pinFile: compared.pinFile,
      pinFileBefore:
        compared.pinFile === opened.sealed.pinFile ? opened.sealed.pinFileBefore : null,
      pinEverSet: opened.sealed.pinEverSet || live.pinEverSet,
      liveAuditHead: live.head,
      pending: [...opened.sealed.pending, ...compared.findings],
    };
  } else if (opened.state === 'absent' && !live.established) {
    key = random(32);
    state = {
      settings: { ...deps.settings.current() },
      pinFile: pinFile === undefined ? 'absent' : pinFileMac(key, pinFile),
      pinFileBefore: null,
      pinEverSet: pinFile !== undefined || live.pinEverSet,
      recovery: null,
      modePreference: mode.damaged ? null : mode.preference,
      liveAuditHead: live.head,
      pending: [],
    };
    events.push({ kind: 'integrity.established', details: { upgrade: live.exists } });
    log.info('integrity: established', { upgrade: live.exists });
  } else {
    const kind: FindingKind =
      opened.state === 'absent' ? 'integrity-missing' : 'integrity-unreadable';
    if (opened.state === 'unreadable') log.warn('integrity: seal unreadable', { why: opened.why });
    const lost = newFinding(kind, now);
    finding(lost);
    key = random(32);
    state = {
      settings: null,
      pinFile: pinFile === undefined ? 'absent' : 'untrusted',
      pinFileBefore: null,
      // the seal that said so is gone: whatever else remembers a PIN counts
      pinEverSet: pinFile !== undefined || live.pinEverSet || live.established,
      recovery: null,
      modePreference: mode.damaged ? null : mode.preference,
      liveAuditHead: live.head,
      pending: [lost],
    };
  }

  const written = file.write(key, state);
  if (!written.ok) log.error('integrity: the seal could not be written', { why: written.error });
  return sealedIntegrity({
    file,
    key,
    state,
    clock,
    startEvents: events,
    onWriteFailed: (why) => log.error('integrity: the seal could not be written', { why }),
  });
}

function liveAuditOf(path: string, sealedSeq: number | null, log: ShellLog): LiveAudit {
  try {
    return readLiveAudit(path, sealedSeq);
  } catch (error) {
    // a ledger that cannot be opened stops the engine's start anyway, with its own message
    log.error('integrity: the live ledger could not be read', { error });
    return { exists: true, established: true, pinEverSet: true, head: null, hashAtSealed: null };
  }
}

const findingDetails = (f: IntegrityFinding) => ({
  finding: f.kind,
  id: f.id,
  changes: f.changes.map((c) => ({ key: c.key, sealed: c.sealed, found: c.found })),
  seq: f.seq,
});
