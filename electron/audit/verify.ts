import type { Bilingual } from '../../shared/kicc/messages';
import type { AuditCheckpoint, AuditEventRow } from './chain';
import { GENESIS_HASH, auditEventHash, isIntact } from './chain';

/**
 * Checks the audit chain and, on the first problem, says WHAT happened and WHERE (issue 6:
 * "a verify function that detects any edited, removed or reordered event and says where").
 *
 * `events` are the stored rows in storage order (the store reads them by seq). The first row
 * that does not fit is classified:
 *  - its seq is not the next number: the numbers in between are `removed`, or `reordered` when
 *    they turn up later in the list; a number seen twice is `inserted`;
 *  - its hash does not match its content under ANY number: `edited` (or `inserted` when the
 *    next row is the genuine event for this number: something was slipped in before it);
 *  - its hash matches its content under ANOTHER number (the intact event was moved):
 *    `reordered` when the genuine event for this number is found later, `removed` when it is
 *    not (events deleted and the rest renumbered), `inserted` when it belongs earlier;
 *  - it is intact and in place but does not link to the previous row: the previous row was
 *    changed and its hash recomputed: `edited` at the previous number.
 * A checkpoint (a head printed earlier) also catches removal of the newest events and a
 * rewrite of the whole tail, which an unkeyed chain alone cannot (./chain.ts).
 */

export type AuditChainProblem = 'edited' | 'removed' | 'reordered' | 'inserted';

export type AuditVerification =
  | { ok: true; count: number; head: AuditCheckpoint | null }
  | { ok: false; at: number; problem: AuditChainProblem; message: Bilingual };

export interface VerifyAuditOptions {
  /** a head written down earlier (e.g. printed on an end-of-day summary) */
  checkpoint?: AuditCheckpoint;
}

type Failure = Extract<AuditVerification, { ok: false }>;

const range = (from: number, to: number): { ko: string; en: string } =>
  from === to
    ? { ko: `감사 기록 #${from}`, en: `Audit event #${from}` }
    : { ko: `감사 기록 #${from}–#${to}`, en: `Audit events #${from}–#${to}` };

const problems = {
  edited: (at: number): Failure => ({
    ok: false,
    at,
    problem: 'edited',
    message: {
      ko: `${range(at, at).ko}: 내용이 바뀌었습니다 (저장된 해시와 맞지 않음).`,
      en: `${range(at, at).en} was edited: its content no longer matches its hash.`,
    },
  }),
  rehashed: (at: number): Failure => ({
    ok: false,
    at,
    problem: 'edited',
    message: {
      ko: `${range(at, at).ko}: 내용이 바뀐 뒤 해시가 다시 계산되었습니다 (다음 기록 #${at + 1}과 이어지지 않음).`,
      en: `${range(at, at).en} was edited and its hash recomputed: event #${at + 1} no longer links to it.`,
    },
  }),
  removed: (from: number, to: number): Failure => ({
    ok: false,
    at: from,
    problem: 'removed',
    message: {
      ko: `${range(from, to).ko}: 삭제되었습니다.`,
      en: `${range(from, to).en} ${from === to ? 'was' : 'were'} removed.`,
    },
  }),
  reordered: (at: number, found: number | null): Failure => ({
    ok: false,
    at,
    problem: 'reordered',
    message: {
      ko: `${range(at, at).ko}: 순서가 바뀌었습니다${found === null ? '' : ` (이 자리에 원래 #${found} 기록이 있음)`}.`,
      en: `${range(at, at).en}: the order was changed${found === null ? '' : ` (the event found here is #${found})`}.`,
    },
  }),
  inserted: (from: number, to: number): Failure => ({
    ok: false,
    at: from,
    problem: 'inserted',
    message: {
      ko: `${range(from, to).ko}: 나중에 끼워 넣은 기록입니다.`,
      en: `${range(from, to).en} ${from === to ? 'was' : 'were'} inserted afterwards.`,
    },
  }),
  tailRemoved: (from: number, to: number): Failure => ({
    ok: false,
    at: from,
    problem: 'removed',
    message: {
      ko: `${range(from, to).ko}: 삭제되었습니다 (출력된 체크포인트에는 #${to}까지 있음).`,
      en: `${range(from, to).en} ${from === to ? 'was' : 'were'} removed (the printed checkpoint goes up to #${to}).`,
    },
  }),
  rewritten: (at: number): Failure => ({
    ok: false,
    at,
    problem: 'edited',
    message: {
      ko: `감사 기록 #${at}까지의 내용이 출력된 체크포인트와 다릅니다 (기록이 다시 작성됨).`,
      en: `The audit events up to #${at} differ from the printed checkpoint: history was rewritten.`,
    },
  }),
};

/**
 * The number an event was hashed under: its own when intact, else the one that makes its hash
 * match (it was moved), else null (its content was changed). Searching is O(n) hashes, done
 * only for the few rows around the first problem.
 */
function originalSeqFinder(events: readonly AuditEventRow[]): (index: number) => number | null {
  const maxSeq = events.reduce((max, row) => Math.max(max, row.seq), 0);
  const limit = Math.max(maxSeq, events.length) + 1;
  const found = new Map<number, number | null>();
  return (index) => {
    if (found.has(index)) return found.get(index) ?? null;
    const row = events[index];
    let original: number | null = null;
    if (row !== undefined) {
      if (isIntact(row)) original = row.seq;
      else {
        for (let seq = 1; seq <= limit && original === null; seq += 1) {
          if (seq !== row.seq && auditEventHash(row.prevHash, { ...row, seq }) === row.hash) {
            original = seq;
          }
        }
      }
    }
    found.set(index, original);
    return original;
  };
}

/** The row at `index` carries another number than `expected`, the next one in sequence. */
function misnumbered(events: readonly AuditEventRow[], index: number, expected: number): Failure {
  const row = events[index] as AuditEventRow;
  if (!Number.isSafeInteger(row.seq) || row.seq < 1) return problems.edited(expected);
  if (row.seq < expected) return problems.inserted(row.seq, row.seq);
  const turnsUpLater = events.some((other, j) => j > index && other.seq === expected);
  return turnsUpLater
    ? problems.reordered(expected, row.seq)
    : problems.removed(expected, row.seq - 1);
}

/** The row at `index` has the expected number but is not intact, or does not link. */
function broken(
  events: readonly AuditEventRow[],
  index: number,
  expected: number,
  originalSeq: (index: number) => number | null,
): Failure {
  const original = originalSeq(index);
  if (original === null) {
    const nextIsGenuine = index + 1 < events.length && originalSeq(index + 1) === expected;
    return nextIsGenuine ? problems.inserted(expected, expected) : problems.edited(expected);
  }
  if (original > expected) {
    const genuineLater = events.some((_, j) => j > index && originalSeq(j) === expected);
    return genuineLater
      ? problems.reordered(expected, original)
      : problems.removed(expected, original - 1);
  }
  if (original < expected) return problems.inserted(original, expected - 1);
  // Intact and in place, but its prevHash is not the previous row's hash.
  return expected === 1 ? problems.edited(1) : problems.rehashed(expected - 1);
}

function checkCheckpoint(
  events: readonly AuditEventRow[],
  checkpoint: AuditCheckpoint,
): Failure | null {
  if (checkpoint.seq < 1) return null;
  if (checkpoint.seq > events.length) {
    return problems.tailRemoved(events.length + 1, checkpoint.seq);
  }
  const row = events[checkpoint.seq - 1] as AuditEventRow;
  return row.hash === checkpoint.hash ? null : problems.rewritten(checkpoint.seq);
}

export function verifyAuditChain(
  events: readonly AuditEventRow[],
  options: VerifyAuditOptions = {},
): AuditVerification {
  const originalSeq = originalSeqFinder(events);
  let prevHash = GENESIS_HASH;
  for (let index = 0; index < events.length; index += 1) {
    const row = events[index] as AuditEventRow;
    const expected = index + 1;
    if (row.seq !== expected) return misnumbered(events, index, expected);
    if (!isIntact(row) || row.prevHash !== prevHash) {
      return broken(events, index, expected, originalSeq);
    }
    prevHash = row.hash;
  }
  if (options.checkpoint) {
    const failure = checkCheckpoint(events, options.checkpoint);
    if (failure) return failure;
  }
  const last = events[events.length - 1];
  return {
    ok: true,
    count: events.length,
    head: last === undefined ? null : { seq: last.seq, hash: last.hash },
  };
}
