import { createInflateRaw } from 'node:zlib';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/**
 * An .xlsx is a ZIP. We read its central directory ourselves (PKWARE APPNOTE 4.3.12, 4.3.16)
 * instead of handing the bytes to a library that unzips every entry first (issue 11 finding 4):
 * then nothing is inflated that is not needed, each entry's declared size is checked BEFORE it
 * is inflated, and the inflater itself is held to the same budget, so an entry that lies about
 * its size still stops at the cap. Only what an Excel export uses is read: stored or deflated
 * entries, no encryption, no ZIP64 (a receipt export is never 4 GB).
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (APPNOTE 4.4.5) */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** what the directory declares; the inflater is held to the budget all the same */
  size: number;
  /** where the entry's data starts (after its local header) */
  dataOffset: number;
}

export type ZipProblem = 'unreadable' | 'unzipped-too-large';

/** What may still be unzipped, across every entry read from one file. */
export interface UnzipBudget {
  remaining: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** A workbook has a few dozen parts; a directory of millions is an attack on the Map below. */
const MAX_ENTRIES = 10_000;
const STORED = 0;
const DEFLATED = 8;

export function readZipDirectory(bytes: Uint8Array): Result<Map<string, ZipEntry>, ZipProblem> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  // The end record is the last 22 bytes, plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return err('unreadable');
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryAt = u32(end + 16);
  if (count === 0xffff || directoryAt === 0xffffffff) return err('unreadable'); // ZIP64
  if (count > MAX_ENTRIES || directoryAt + directorySize > end) return err('unreadable');

  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = directoryAt;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > end || u32(at) !== DIRECTORY_ENTRY) return err('unreadable');
    const nameLength = u16(at + 28);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const local = u32(at + 42);
    const compressedSize = u32(at + 20);
    if (local + 30 > bytes.length || u32(local) !== LOCAL_HEADER) return err('unreadable');
    const dataOffset = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataOffset + compressedSize > bytes.length) return err('unreadable');
    entries.set(name, {
      name,
      method: u16(at + 10),
      encrypted: (u16(at + 8) & 1) === 1,
      compressedSize,
      size: u32(at + 24),
      dataOffset,
    });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return ok(entries);
}

function checked(entry: ZipEntry, budget: UnzipBudget): ZipProblem | null {
  if (entry.encrypted || (entry.method !== STORED && entry.method !== DEFLATED)) {
    return 'unreadable';
  }
  return entry.size > budget.remaining ? 'unzipped-too-large' : null;
}

/**
 * An entry piece by piece, so no part is ever whole in memory (a worksheet's XML can be 100 MB).
 * `onChunk` answers false to stop early (the sheet has been read far enough, or refused).
 */
export async function unzipEntryInChunks(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: UnzipBudget,
  onChunk: (chunk: Buffer) => boolean,
): Promise<Result<void, ZipProblem>> {
  const problem = checked(entry, budget);
  if (problem !== null) return err(problem);
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === STORED) {
    const out = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (out.length > budget.remaining) return err('unzipped-too-large');
    budget.remaining -= out.length;
    onChunk(out);
    return ok(undefined);
  }
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      if (chunk.length > budget.remaining) return err('unzipped-too-large');
      budget.remaining -= chunk.length;
      if (!onChunk(chunk)) return ok(undefined);
    }
    return ok(undefined);
  } catch {
    return err('unreadable');
  } finally {
    inflater.destroy();
  }
}
