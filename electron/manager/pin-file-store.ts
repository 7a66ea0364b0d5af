import { readFileSync } from 'node:fs';
import { writeFileAtomically } from '../files/atomic-write';
import type { ManagerPinFile, PinStore } from './pin-file';

/**
 * The manager PIN file on disk (the shell passes a path in the app's data folder, e.g.
 * `<userData>/manager-pin.json`). Kept out of electron-store so that the settings file, which
 * the renderer's settings screen edits, never holds the PIN hash.
 *
 * load(): `undefined` ONLY when the file does not exist. Text that is not JSON comes back as the
 * text, and a file that cannot be read as a marker object: both then fail validation and show
 * as 'corrupt' (./pin-file.ts), never as "no PIN".
 * save(): write a temporary file, fsync, rename over the old one: a crash mid-save leaves the
 * old file or the new one, never half of one.
 */
export function createPinFileStore(path: string): PinStore {
  return {
    load(): unknown {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return undefined;
        return { unreadable: code ?? 'unknown' };
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    },
    save(file: ManagerPinFile): void {
      writeFileAtomically(path, `${JSON.stringify(file, null, 2)}\n`);
    },
  };
}
