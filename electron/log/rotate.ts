import { renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';

/** How many rotated files are kept beside main.log (5 × 5 MB, see ./logger.ts). */
export const LOG_ARCHIVES = 5;

/** main.log → main.1.log, main.1.log → main.2.log, ...; the oldest is dropped. */
export function rotateLogFile(current: string, keep: number = LOG_ARCHIVES): void {
  const { dir, name, ext } = parse(current);
  const archive = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(archive(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    try {
      renameSync(archive(n), archive(n + 1));
    } catch {
      // that archive does not exist yet
    }
  }
  renameSync(current, archive(1));
}
