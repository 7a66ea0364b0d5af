import type { AuditEventRow } from '../../../electron/audit/chain';
import { GENESIS_HASH, auditEventHash } from '../../../electron/audit/chain';
import { canonicalJson } from '../../../electron/audit/canonical';

/** A valid chain of `count` events (#1..#count), as the store would have written it. */
export function makeChain(count: number, startAt = 1_700_000_000_000): AuditEventRow[] {
  const rows: AuditEventRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const facts = {
      seq,
      at: startAt + seq * 1000,
      actor: seq % 2 === 0 ? 'manager' : 'cashier-1',
      kind: 'cancellation.step',
      subject: `cancellation:${seq}`,
      details: canonicalJson({ step: seq, amount: seq * 1000 }),
    };
    const hash = auditEventHash(prevHash, facts);
    rows.push({ ...facts, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

/** Recomputes the hashes of rows from index `from` on, as an attacker who knows the scheme would. */
export function rehashFrom(rows: AuditEventRow[], from: number): AuditEventRow[] {
  const out = rows.map((row) => ({ ...row }));
  for (let i = from; i < out.length; i += 1) {
    const row = out[i] as AuditEventRow;
    row.prevHash = i === 0 ? GENESIS_HASH : (out[i - 1] as AuditEventRow).hash;
    row.hash = auditEventHash(row.prevHash, row);
  }
  return out;
}
