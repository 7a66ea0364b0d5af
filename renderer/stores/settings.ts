import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PosApi } from '../../shared/contract/api';
import type { PosError } from '../../shared/contract/errors';
import type { ConnectionTest, ModeStatus } from '../../shared/contract/manager-models';
import type { CredentialsStatus, Settings } from '../../shared/contract/models';
import type { FieldError } from '../../shared/kicc/fields';
import {
  blockingErrors,
  draftOf,
  settingsPatch,
  type SettingsDraft,
  type SettingsField,
} from '../screens/settings/form';

/**
 * The manager's settings screen (issue 6 "Settings and credentials screens"): the store's ids,
 * limits, language and printer; the KICC credentials, WRITE-ONLY (the page sends them once and
 * can only learn whether they are set: DESIGN.md "Secrets"); "test connection"; the mode.
 */
export interface CredentialsDraft {
  channelId: string;
  secretKey: string;
}

const noCredentials: CredentialsDraft = { channelId: '', secretKey: '' };

export interface SettingsScreenState {
  saved: Settings | null;
  draft: SettingsDraft | null;
  credentials: CredentialsStatus | null;
  mode: ModeStatus | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: PosError | null;
  saving: boolean;
  /** what main refused on save, field by field (e.g. the API address) */
  mainErrors: FieldError[];
  saveError: PosError | null;
  savedAt: number | null;
  /** typed secrets: never filled from anywhere, emptied once sent or when the screen closes */
  secret: CredentialsDraft;
  credentialsBusy: boolean;
  credentialsError: PosError | null;
  credentialsSaved: boolean;
  testing: boolean;
  test: ConnectionTest | null;
  testError: PosError | null;
  modeBusy: boolean;
  modeError: PosError | null;
  load(): Promise<void>;
  change<F extends SettingsField>(field: F, value: SettingsDraft[F]): void;
  save(): Promise<boolean>;
  changeSecret(field: keyof CredentialsDraft, value: string): void;
  saveCredentials(): Promise<boolean>;
  clearCredentials(): Promise<boolean>;
  testConnection(): Promise<void>;
  switchMode(to: 'training' | 'live'): Promise<void>;
  restart(): Promise<void>;
  /** leaving the screen: typed secrets are forgotten */
  leave(): void;
}

export type SettingsScreenStore = StoreApi<SettingsScreenState>;

export interface SettingsScreenDeps {
  pos: PosApi;
  /** the desk's own copy of the settings (limits for the cancel form, the status bar) */
  onSaved(settings: Settings): void;
  now: () => number;
}

export function createSettingsScreenStore(deps: SettingsScreenDeps): SettingsScreenStore {
  const { pos } = deps;
  return createStore<SettingsScreenState>()((set, get) => ({
    saved: null,
    draft: null,
    credentials: null,
    mode: null,
    phase: 'idle',
    error: null,
    saving: false,
    mainErrors: [],
    saveError: null,
    savedAt: null,
    secret: noCredentials,
    credentialsBusy: false,
    credentialsError: null,
    credentialsSaved: false,
    testing: false,
    test: null,
    testError: null,
    modeBusy: false,
    modeError: null,

    async load() {
      set({ phase: 'loading', error: null });
      const [settings, credentials, mode] = await Promise.all([
        pos.settings.get(),
        pos.credentials.status(),
        pos.mode.status(),
      ]);
      if (!settings.ok) {
        set({ phase: 'error', error: settings.error });
        return;
      }
      set({
        phase: 'ready',
        saved: settings.value,
        draft: draftOf(settings.value),
        credentials: credentials.ok ? credentials.value : null,
        mode: mode.ok ? mode.value : null,
        error: !credentials.ok ? credentials.error : !mode.ok ? mode.error : null,
        mainErrors: [],
        saveError: null,
        savedAt: null,
      });
    },

    change: (field, value) =>
      set((state) =>
        state.draft === null
          ? {}
          : {
              draft: { ...state.draft, [field]: value },
              mainErrors: state.mainErrors.filter((e) => e.field !== field),
              saveError: null,
              savedAt: null,
            },
      ),

    async save() {
      const { saved, draft, saving } = get();
      if (saved === null || draft === null || saving) return false;
      if (Object.keys(blockingErrors(saved, draft)).length > 0) return false;
      const patch = settingsPatch(saved, draft);
      if (Object.keys(patch).length === 0) {
        set({ savedAt: deps.now() });
        return true;
      }
      set({ saving: true, saveError: null, mainErrors: [] });
      const answer = await pos.settings.update(patch);
      if (!answer.ok) {
        set({
          saving: false,
          saveError: answer.error,
          // 'limits.cashierMaxAmount' -> the form's 'cashierMaxAmount'
          mainErrors: (answer.error.fields ?? []).map((e) => ({
            ...e,
            field: e.field.replace(/^limits\./, ''),
          })),
        });
        return false;
      }
      set({
        saving: false,
        saved: answer.value,
        draft: draftOf(answer.value),
        savedAt: deps.now(),
      });
      deps.onSaved(answer.value);
      // the next start's mode may have changed (an address or id now complete), and another API
      // address clears the stored credentials in main (issue 11): both are read again
      const [mode, credentials] = await Promise.all([pos.mode.status(), pos.credentials.status()]);
      if (mode.ok) set({ mode: mode.value });
      if (credentials.ok) set({ credentials: credentials.value });
      return true;
    },

    changeSecret: (field, value) =>
      set((state) => ({
        secret: { ...state.secret, [field]: value },
        credentialsError: null,
        credentialsSaved: false,
      })),

    async saveCredentials() {
      const { secret, credentialsBusy } = get();
      if (credentialsBusy) return false;
      set({ credentialsBusy: true, credentialsError: null, credentialsSaved: false });
      const answer = await pos.credentials.set({
        channelId: secret.channelId.trim(),
        secretKey: secret.secretKey.trim(),
      });
      if (!answer.ok) {
        set({ credentialsBusy: false, credentialsError: answer.error });
        return false;
      }
      // sent once, then forgotten: the fields never show a stored secret
      set({
        credentialsBusy: false,
        credentials: answer.value,
        secret: noCredentials,
        credentialsSaved: true,
      });
      const mode = await pos.mode.status();
      if (mode.ok) set({ mode: mode.value });
      return true;
    },

    async clearCredentials() {
      if (get().credentialsBusy) return false;
      set({ credentialsBusy: true, credentialsError: null, credentialsSaved: false });
      const answer = await pos.credentials.clear();
      if (!answer.ok) {
        set({ credentialsBusy: false, credentialsError: answer.error });
        return false;
      }
      set({ credentialsBusy: false, credentials: answer.value, secret: noCredentials });
      const mode = await pos.mode.status();
      if (mode.ok) set({ mode: mode.value });
      return true;
    },

    async testConnection() {
      if (get().testing) return;
      set({ testing: true, test: null, testError: null });
      const answer = await pos.connection.test();
      set(
        answer.ok
          ? { testing: false, test: answer.value }
          : { testing: false, testError: answer.error },
      );
    },

    async switchMode(to) {
      if (get().modeBusy) return;
      set({ modeBusy: true, modeError: null });
      const answer = await pos.mode.switch({ to });
      set(
        answer.ok
          ? { modeBusy: false, mode: answer.value }
          : { modeBusy: false, modeError: answer.error },
      );
    },

    async restart() {
      if (get().modeBusy) return;
      set({ modeBusy: true, modeError: null });
      const answer = await pos.app.restart();
      // on success the window goes away; a refusal is shown
      set(answer.ok ? { modeBusy: false } : { modeBusy: false, modeError: answer.error });
    },

    leave: () =>
      set({
        secret: noCredentials,
        credentialsSaved: false,
        test: null,
        testError: null,
        savedAt: null,
      }),
  }));
}
