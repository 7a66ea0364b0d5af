import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { StoreFiles } from './ports';

/**
 * node:fs for the files a manager picked. A CSV is written to a temporary file next to the
 * target and renamed over it, so an export cut short never leaves half a file under its name.
 */
export const nodeStoreFiles: StoreFiles = {
  size: (path) => statSync(path).size,
  read: (path) => readFileSync(path),
  write(path, text) {
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  },
};
