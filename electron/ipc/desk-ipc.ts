import type { AppInfo } from '../../shared/contract';
import type { CredentialsStore } from '../credentials/store';
import type { KnownSecrets } from '../log/known-secrets';
import type { ShellLog } from '../log/shell-log';
import type { ModeDecision } from '../settings/mode';
import type { SettingsStore } from '../settings/settings-store';
import { createDispatch } from './dispatch';
import type { Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { HandlerTable } from './handlers';
import type { DeskServices } from './port';
import { guardRoles } from './roles';
import type { StoreOps } from '../store-ops/store-ops';
import type { TrustedOrigin } from './sender';

/**
 * The IPC side of the app, composed from its parts with no Electron in sight: main.ts wires it
 * to ipcMain, and the shell tests (test/shell/) call the very same dispatch function.
 */
export interface DeskIpcDeps {
  services: DeskServices;
  /** the store's manager functions and main's role (../store-ops/) */
  storeOps: StoreOps;
  settings: SettingsStore;
  credentials: CredentialsStore;
  /** decided once at start (../settings/mode.ts) */
  mode: ModeDecision;
  /** the terminal the services talk as (the training merchant's in training) */
  terminalId: string;
  version: string;
  trustedOrigin: TrustedOrigin;
  log: ShellLog;
  /** the screen's last recovery after a crash or hang, read once (../window/pos-shell.ts) */
  screenRecovery?: () => AppInfo['recovered'];
  /** main's secret values (../log/known-secrets.ts): the last net and the log's redactor */
  knownSecrets?: KnownSecrets;
}

export interface DeskIpc {
  handlers: HandlerTable;
  dispatch: Dispatch;
}

export function createDeskIpc(deps: DeskIpcDeps): DeskIpc {
  const appInfo = (): AppInfo => ({
    mode: deps.mode.mode,
    trainingReason: deps.mode.mode === 'training' ? deps.mode.reason : null,
    terminalId: deps.terminalId,
    version: deps.version,
    language: deps.settings.current().language,
    recovered: deps.screenRecovery?.() ?? null,
  });
  const handlers = guardRoles(
    createHandlers({
      services: deps.services,
      settings: deps.settings,
      credentials: deps.credentials,
      storeOps: deps.storeOps,
      appInfo,
      // the manager's choice of training counts too (../store-ops/mode.ts)
      modeAfterRestart: () => deps.storeOps.mode.status().modeAfterRestart,
    }),
    deps.storeOps.manager,
  );
  return {
    handlers,
    dispatch: createDispatch(handlers, {
      trustedOrigin: deps.trustedOrigin,
      log: deps.log,
      secrets: () => {
        const stored = deps.credentials.read();
        const credentials =
          stored.ok && stored.value !== null
            ? [stored.value.channelId, stored.value.secretKey]
            : [];
        return [...credentials, ...(deps.knownSecrets?.standing() ?? [])];
      },
      ...(deps.knownSecrets ? { during: deps.knownSecrets.during } : {}),
    }),
  };
}
