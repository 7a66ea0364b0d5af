import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/**
 * Replaces a small file so that a crash or power cut leaves the old content or the new, never
 * half of either: a temp file beside it (owner-only, 0600), written and fsynced, then renamed
 * over it. One rule for the files main keeps beside the ledger: the PIN file, the mode choice,
 * the seals (electron/integrity/).
 */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
