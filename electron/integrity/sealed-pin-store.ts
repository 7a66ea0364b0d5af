import type { ManagerPinFile, PinStore } from '../manager/pin-file';
import type { InstallIntegrity } from './install-integrity';

/**
 * The manager PIN file, sealed at every write (issue 11: the lock-out counters and the hash
 * live in a file the cashier's account can write; a hand edit must show). Three steps, so that
 * a crash or power cut at any instant never turns the manager's own file into 'changed': the
 * seal vouches for the new content AND the old, the file is replaced, then only the new one is
 * vouched for. (A kill timed into the milliseconds between the last two writes leaves the
 * previous file valid too: one lock-out count, not a way around the lock-out.)
 */
export function sealedPinStore(store: PinStore, integrity: InstallIntegrity): PinStore {
  return {
    load: () => store.load(),
    save(file: ManagerPinFile) {
      integrity.pin.sealing(file);
      store.save(file);
      integrity.pin.sealed();
    },
  };
}
