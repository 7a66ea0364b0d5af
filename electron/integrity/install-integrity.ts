import type { Clock } from '../../shared/clock';
import type { Bilingual } from '../../shared/kicc/messages';
import type { AuditCheckpoint } from '../audit/chain';
import type { JsonObject } from '../audit/canonical';
import type { LoadedPinFile } from '../manager/pin-file';
import type { PinHash } from '../manager/pin-hash';
import { DEFAULT_SETTINGS } from '../settings/schema';
import type { StoredSettings } from '../settings/schema';
import type { ModePreference } from '../store-ops/mode';
import { pinFileMac, pinFileTrusted } from './check';
import type { IntegrityFinding } from './findings';
import { UNCONFIRMED_SETTINGS } from './findings';
import type { SealFile, SealedState } from './seal-file';

/**
 * The install's sealed facts while the app runs (issue 11 "Tamper evidence for what lives in
 * files"): every write the app makes to a sealed file is sealed again at once, the findings of
 * the start wait for a manager, and what must not be trusted until then is said here.
 * Built by ./start.ts; plain Node, no Electron (the key came through safeStorage there).
 */
export interface IntegrityEvent {
  kind: 'integrity.established' | 'integrity.finding' | 'integrity.confirmed';
  details: JsonObject;
}

export interface InstallIntegrity {
  /** 'unavailable': this PC cannot keep a key (no safeStorage): nothing is sealed */
  readonly state: 'sealed' | 'unavailable';
  /** findings no manager has confirmed yet, oldest first */
  findings(): IntegrityFinding[];
  /** why live mode must wait for a manager (the settings cannot be vouched for), or null */
  liveBlockedBy(): Bilingual | null;
  /** the settings the engine may use now: limits no higher than the defaults until confirmed */
  effectiveSettings(settings: StoredSettings): StoredSettings;
  sealSettings(settings: StoredSettings): void;
  sealMode(preference: ModePreference): void;
  sealAuditHead(head: AuditCheckpoint | null): void;
  pin: {
    /** a PIN was set on this install at some time (sealed; the loss path depends on it) */
    everSet(): boolean;
    /** a present file the app did not write (or cannot vouch for) reads as 'changed' */
    trust(loaded: LoadedPinFile): LoadedPinFile;
    /** before the app writes the PIN file: the new content is vouched for, and still the old */
    sealing(file: unknown): void;
    /** after it was written: only the new content is vouched for */
    sealed(): void;
    recovery(): PinHash | null;
    setRecovery(hash: PinHash): void;
  };
  /**
   * A manager confirmed a finding (the caller applied what it chose first). Confirming that the
   * seal itself was lost vouches for the settings as they are now.
   */
  confirm(id: string, settingsNow: StoredSettings): IntegrityFinding | null;
  /** the start's events, for the install-wide audit log (taken once) */
  takeStartEvents(): IntegrityEvent[];
  /** secret values to keep out of logs (the key, as it may be written) */
  secrets(): string[];
}

export interface SealedIntegrityDeps {
  file: SealFile;
  key: Buffer;
  state: SealedState;
  clock: Clock;
  startEvents: IntegrityEvent[];
  /** told when a seal could not be written (disk full): logged, the app goes on */
  onWriteFailed(why: string): void;
}

const unconfirmedReason: Bilingual = {
  ko: '파일이 프로그램 밖에서 바뀌어 관리자 확인이 필요합니다 (관리자 메뉴 → 파일 변경 확인)',
  en: 'Files were changed outside the app: a manager must confirm (manager menu → file changes)',
};

/** Limits no higher than the defaults: "the cashier limit falls back to the default". */
export function cappedLimits(settings: StoredSettings): StoredSettings {
  const d = DEFAULT_SETTINGS.limits;
  const l = settings.limits;
  return {
    ...settings,
    limits: {
      cashierMaxAmount: Math.min(l.cashierMaxAmount, d.cashierMaxAmount),
      offlineMaxCount: Math.min(l.offlineMaxCount, d.offlineMaxCount),
      offlineMaxAmount: Math.min(l.offlineMaxAmount, d.offlineMaxAmount),
    },
  };
}

export function sealedIntegrity(deps: SealedIntegrityDeps): InstallIntegrity {
  const { file, key } = deps;
  let state = deps.state;
  let startEvents = deps.startEvents;

  const write = (next: SealedState): void => {
    state = next;
    const written = file.write(key, state);
    if (!written.ok) deps.onWriteFailed(written.error);
  };
  const unconfirmed = (): boolean =>
    state.settings === null || state.pending.some((f) => UNCONFIRMED_SETTINGS.has(f.kind));

  return {
    state: 'sealed',
    findings: () => [...state.pending],
    liveBlockedBy: () => (unconfirmed() ? unconfirmedReason : null),
    effectiveSettings: (settings) => (unconfirmed() ? cappedLimits(settings) : settings),
    sealSettings(settings) {
      // while unconfirmed, a manager's save is not a confirmation: the finding says what is open
      if (unconfirmed()) return;
      write({ ...state, settings: { ...settings } });
    },
    sealMode: (preference) => write({ ...state, modePreference: preference }),
    sealAuditHead: (head) => write({ ...state, liveAuditHead: head }),
    pin: {
      everSet: () => state.pinEverSet,
      trust(loaded) {
        if (loaded.state !== 'present') return loaded;
        const vouched = [state.pinFile, state.pinFileBefore].filter(
          (mac): mac is string => mac !== null && mac !== 'absent' && mac !== 'untrusted',
        );
        return vouched.some((mac) => pinFileTrusted(key, mac, loaded.file))
          ? loaded
          : { state: 'changed' };
      },
      sealing: (pinFile) =>
        write({
          ...state,
          pinFile: pinFileMac(key, pinFile),
          pinFileBefore:
            state.pinFile === 'absent' || state.pinFile === 'untrusted' ? null : state.pinFile,
          pinEverSet: true,
        }),
      sealed: () => {
        if (state.pinFileBefore !== null) write({ ...state, pinFileBefore: null });
      },
      recovery: () => state.recovery,
      setRecovery: (hash) => write({ ...state, recovery: hash }),
    },
    confirm(id, settingsNow) {
      const finding = state.pending.find((f) => f.id === id) ?? null;
      if (finding === null) return null;
      const pending = state.pending.filter((f) => f.id !== id);
      const vouched = UNCONFIRMED_SETTINGS.has(finding.kind) ? { ...settingsNow } : state.settings;
      write({ ...state, pending, settings: vouched });
      return finding;
    },
    takeStartEvents() {
      const events = startEvents;
      startEvents = [];
      return events;
    },
    secrets: () => [key.toString('base64'), key.toString('hex')],
  };
}

/**
 * No key can be kept on this PC (safeStorage unavailable: a Linux desktop without a keyring).
 * Nothing is sealed and nothing is refused: the app works as before the seals, and says so.
 * Windows always has DPAPI.
 */
export function unavailableIntegrity(): InstallIntegrity {
  return {
    state: 'unavailable',
    findings: () => [],
    liveBlockedBy: () => null,
    effectiveSettings: (settings) => settings,
    sealSettings: () => undefined,
    sealMode: () => undefined,
    sealAuditHead: () => undefined,
    pin: {
      everSet: () => false,
      trust: (loaded) => loaded,
      sealing: () => undefined,
      sealed: () => undefined,
      recovery: () => null,
      setRecovery: () => undefined,
    },
    confirm: () => null,
    takeStartEvents: () => [],
    secrets: () => [],
  };
}
