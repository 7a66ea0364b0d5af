import type {
  AppInfo,
  AppMode,
  ChannelName,
  ChannelRequest,
  ChannelResponse,
  CredentialsStatus,
  PosResult,
} from '../../shared/contract';
import { movesApiAddress } from '../store-ops/api-address';
import { requestWithApproval } from '../store-ops/approval';
import type { StoreOps } from '../store-ops/store-ops';
import { createCounterHandlers } from './counter-handlers';
import { createManagerHandlers } from './manager-handlers';
import type { CredentialsPort, DeskServices, SettingsPort } from './port';

/**
 * One handler per contract channel, and no other (test/shell/ipc/handlers.test.ts compares the
 * keys with the contract). The mapped type makes a missing channel a compile error too.
 * Handlers receive requests the contract already validated (./dispatch.ts); who may call a
 * manager channel is checked before any of them runs (./roles.ts).
 */
export type HandlerTable = {
  [C in ChannelName]: (request: ChannelRequest<C>) => Promise<PosResult<ChannelResponse<C>>>;
};

export interface HandlerDeps {
  services: DeskServices;
  settings: SettingsPort;
  credentials: CredentialsPort;
  storeOps: StoreOps;
  appInfo(): AppInfo;
  /** What mode the next start would choose with the stored settings and credentials. */
  modeAfterRestart(): AppMode;
}

const ok = <T>(value: T): PosResult<T> => ({ ok: true, value });

export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { services, settings, credentials, storeOps } = deps;

  // The page learns whether credentials are set, never what they are (DESIGN.md).
  const credentialsStatus = (): CredentialsStatus => ({
    ...credentials.status(),
    modeAfterRestart: deps.modeAfterRestart(),
  });

  return {
    'app.info': async () => ok(deps.appInfo()),

    'receipts.lookup': async (query) => {
      const found = await services.receipts.lookup(query);
      return found.ok ? ok({ receipts: found.value }) : found;
    },
    'receipts.add': (input) => services.receipts.add(input),

    // who asked and who approved: decided in main, from main's own role (../store-ops/approval.ts)
    'cancellations.request': (input) =>
      requestWithApproval(
        input,
        storeOps.manager,
        (request, context) => services.cancellations.request(request, context),
        () => settings.get().cashiers,
      ),
    'cancellations.get': ({ id }) => services.cancellations.get(id),
    'cancellations.list': (query) => services.cancellations.list(query),

    'queue.status': () => services.queue.status(),
    'queue.retryNow': ({ cancellationId }) => services.queue.retryNow(cancellationId),

    'settings.get': async () => ok(settings.get()),
    'settings.update': async (patch) => {
      const before = settings.get();
      const updated = settings.update(patch);
      if (!updated.ok) return updated;
      storeOps.settingsChanged(before, updated.value);
      // Another KICC host: the credentials entered for the old one are cleared (issue 11).
      if (movesApiAddress(before.apiBaseUrl, patch.apiBaseUrl) && credentials.status().set) {
        const cleared = credentials.clear();
        if (!cleared.ok) {
          const back = settings.update({ apiBaseUrl: before.apiBaseUrl });
          if (back.ok) storeOps.settingsChanged(updated.value, back.value);
          return cleared;
        }
        storeOps.credentialsChanged('cleared', 'api-address-changed');
      }
      return updated;
    },

    'credentials.status': async () => ok(credentialsStatus()),
    'credentials.set': async (input) => {
      const saved = credentials.save(input);
      if (!saved.ok) return saved;
      storeOps.credentialsChanged('set');
      return ok(credentialsStatus());
    },
    'credentials.clear': async () => {
      const cleared = credentials.clear();
      if (!cleared.ok) return cleared;
      storeOps.credentialsChanged('cleared');
      return ok(credentialsStatus());
    },

    ...createManagerHandlers(storeOps),
    ...createCounterHandlers(storeOps),
  };
}
