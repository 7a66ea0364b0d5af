import { describe, expect, it } from 'vitest';
import type { AuditEventRow } from '../../../electron/audit/chain';
import { GENESIS_HASH, auditEventHash } from '../../../electron/audit/chain';
import type { AuditChainProblem } from '../../../electron/audit/verify';
import { verifyAuditChain } from '../../../electron/audit/verify';
import { makeChain, rehashFrom } from './chain-fixtures';

const at = (rows: AuditEventRow[], seq: number): AuditEventRow => rows[seq - 1] as AuditEventRow;

/** Swaps everything but `seq` between two rows (seq is the table's key and stays in place). */
function swapContent(rows: AuditEventRow[], a: number, b: number): AuditEventRow[] {
  const out = rows.map((row) => ({ ...row }));
  out[a - 1] = { ...at(rows, b), seq: a };
  out[b - 1] = { ...at(rows, a), seq: b };
  return out;
}

/** Shifts every row's number by `delta`, as an attacker renumbering around an insertion or removal. */
function renumber(rows: AuditEventRow[], delta: number): AuditEventRow[] {
  return rows.map((row) => ({ ...row, seq: row.seq + delta }));
}

function forged(seq: number, prevHash: string, valid: boolean): AuditEventRow {
  const facts = {
    seq,
    at: 1_700_000_999_000,
    actor: 'intruder',
    kind: 'cancellation.step',
    subject: 'cancellation:999',
    details: '{}',
  };
  return { ...facts, prevHash, hash: valid ? auditEventHash(prevHash, facts) : 'f'.repeat(64) };
}

describe('verifyAuditChain', () => {
  it.each([0, 1, 2, 25])('accepts an untouched chain of %i events', (count) => {
    const rows = makeChain(count);
    const result = verifyAuditChain(rows);
    expect(result).toEqual({
      ok: true,
      count,
      head: count === 0 ? null : { seq: count, hash: at(rows, count).hash },
    });
  });

  const base = makeChain(10);

  it.each<[string, () => AuditEventRow[], AuditChainProblem, number]>([
    [
      'an edited amount',
      () => base.map((r) => (r.seq === 4 ? { ...r, details: '{"amount":1}' } : r)),
      'edited',
      4,
    ],
    [
      'an edited actor',
      () => base.map((r) => (r.seq === 1 ? { ...r, actor: 'manager' } : r)),
      'edited',
      1,
    ],
    [
      'an edited time',
      () => base.map((r) => (r.seq === 10 ? { ...r, at: r.at + 1 } : r)),
      'edited',
      10,
    ],
    [
      'an edited stored hash',
      () => base.map((r) => (r.seq === 6 ? { ...r, hash: 'a'.repeat(64) } : r)),
      'edited',
      6,
    ],
    [
      'an edit whose own hash was recomputed',
      () =>
        rehashFrom(
          base.map((r) => (r.seq === 5 ? { ...r, actor: 'x' } : r)),
          4,
        ).map((r, i) => (i > 4 ? at(base, r.seq) : r)),
      'edited',
      5,
    ],
    ['a removed event in the middle', () => base.filter((r) => r.seq !== 3), 'removed', 3],
    ['several removed events', () => base.filter((r) => r.seq < 3 || r.seq > 6), 'removed', 3],
    ['a removed first event', () => base.slice(1), 'removed', 1],
    [
      'a removed event with the rest renumbered',
      () => [...base.slice(0, 6), ...renumber(base.slice(7), -1)],
      'removed',
      7,
    ],
    ['two neighbours swapped', () => swapContent(base, 4, 5), 'reordered', 4],
    ['two distant events swapped', () => swapContent(base, 2, 9), 'reordered', 2],
    [
      'rows listed out of order',
      () => [...base.slice(0, 3), at(base, 5), at(base, 4), ...base.slice(5)],
      'reordered',
      4,
    ],
    [
      'an event moved to the end',
      () => [...base.slice(0, 2), ...renumber(base.slice(3), -1), { ...at(base, 3), seq: 10 }],
      'reordered',
      3,
    ],
    [
      'a forged event slipped in before #6',
      () => [...base.slice(0, 5), forged(6, at(base, 5).hash, true), ...renumber(base.slice(5), 1)],
      'inserted',
      6,
    ],
    [
      'a clumsy forged event slipped in before #6',
      () => [...base.slice(0, 5), forged(6, 'b'.repeat(64), false), ...renumber(base.slice(5), 1)],
      'inserted',
      6,
    ],
    ['a duplicated seq', () => [...base.slice(0, 3), at(base, 3), ...base.slice(3)], 'inserted', 3],
    [
      'a first event pointing at something before it',
      () => [forged(1, 'c'.repeat(64), true), ...base.slice(1)],
      'edited',
      1,
    ],
    [
      'a seq that is not a number',
      () => base.map((r) => (r.seq === 2 ? { ...r, seq: Number.NaN } : r)),
      'edited',
      2,
    ],
  ])('detects %s and says where', (_name, tamper, problem, where) => {
    const result = verifyAuditChain(tamper());
    expect(result).toMatchObject({ ok: false, problem, at: where });
    if (!result.ok) {
      expect(result.message.ko).toContain(`#${where}`);
      expect(result.message.en).toContain(`#${where}`);
    }
  });

  it('cannot see a rewrite of the whole tail on its own, but a printed checkpoint can', () => {
    const rewritten = rehashFrom(
      base.map((r) => (r.seq === 7 ? { ...r, actor: 'x' } : r)),
      6,
    );
    expect(verifyAuditChain(rewritten).ok).toBe(true);
    const checkpoint = { seq: 8, hash: at(base, 8).hash };
    expect(verifyAuditChain(rewritten, { checkpoint })).toMatchObject({
      ok: false,
      problem: 'edited',
      at: 8,
    });
  });

  it.each<[string, AuditEventRow[], { seq: number; hash: string }, unknown]>([
    [
      'the newest events removed',
      base.slice(0, 7),
      { seq: 10, hash: at(base, 10).hash },
      { ok: false, problem: 'removed', at: 8 },
    ],
    ['a matching checkpoint', base, { seq: 4, hash: at(base, 4).hash }, { ok: true, count: 10 }],
    ['an empty checkpoint', base, { seq: 0, hash: GENESIS_HASH }, { ok: true, count: 10 }],
  ])('with a checkpoint: %s', (_name, rows, checkpoint, expected) => {
    expect(verifyAuditChain(rows, { checkpoint })).toMatchObject(expected as object);
  });
});
