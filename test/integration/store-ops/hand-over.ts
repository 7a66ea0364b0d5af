import { targetOf } from '../../../electron/cancellations/kiccRequests';
import { expect } from 'vitest';
import { kiccCodeVerdict } from '../../../electron/kicc/codes';
import type { KiccClass } from '../../../electron/kicc/outcome';
import type { Ledger } from '../../../electron/ledger/ledger';
import type { Attempt } from '../../../electron/ledger/types';
import type { Cancellation, Receipt } from '../../../shared/contract';
import { cancelRequestFor, type StoreOpsWorld } from './world';

/**
 * A needs_review cancellation written into the ledger exactly as the engine leaves one: the
 * cancellation row, every exchange as an attempt row (begin, then finish), and the engine's
 * audit events. For the engine's hand-overs that the engine of this branch cannot produce yet
 * (issue 9 adds 'refused-after-reversal', 'unknown-code', ...; issue 13 adds
 * 'already-cancelled-elsewhere'), so the manager's side is tested against each of them now.
 *
 * An exchange is a reqCancel (a fresh number unless `resend`) or a reqRtran of the last
 * reqCancel, answered with a respCd, or lost (`no-answer`: read timeout), or not sent.
 */
export type Told = { respCd: string; respMsg: string } | 'no-answer' | 'not-sent' | 'server-error';

export type Exchange =
  { kind: 'cancel'; told: Told; resend?: boolean } | { kind: 'net-cancel'; told: Told };

export interface HandOver {
  receiptId: number;
  note: string;
  exchanges: readonly Exchange[];
  /** KICC's data the engine kept on the row from the last answer (unexpected answers) */
  at?: number;
}

const ENGINE = 'engine';

function endOf(
  kind: 'cancel' | 'net-cancel',
  told: Told,
  endedAt: number,
): Parameters<Ledger['attempts']['finish']>[1] {
  if (told === 'no-answer') {
    return {
      state: 'failed',
      class: 'in-doubt',
      code: null,
      message: 'In doubt: no answer from KICC within the read timeout.',
      httpStatus: null,
      responseBody: null,
      error: 'UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error',
      endedAt,
    };
  }
  if (told === 'server-error') {
    return {
      state: 'failed',
      class: 'in-doubt',
      code: null,
      message: 'In doubt: KICC answered HTTP 500.',
      httpStatus: 500,
      responseBody: 'Internal Server Error',
      error: 'HTTP 500',
      endedAt,
    };
  }
  if (told === 'not-sent') {
    return {
      state: 'failed',
      class: 'not-sent',
      code: null,
      message: 'Not sent: the connection to KICC was refused.',
      httpStatus: null,
      responseBody: null,
      error: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1',
      endedAt,
    };
  }
  const endpoint = kind === 'cancel' ? 'cancel' : 'netCancel';
  const cls: KiccClass = kiccCodeVerdict(endpoint, told.respCd).class;
  return {
    state: 'answered',
    class: cls,
    code: told.respCd,
    message: told.respMsg,
    httpStatus: 200,
    responseBody: JSON.stringify({ respCd: told.respCd, respMsg: told.respMsg }),
    error: null,
    endedAt,
  };
}

/** Writes the story; returns the cancellation's id. The receipt must exist and be free. */
export function handOver(ledger: Ledger, story: HandOver): number {
  const start = story.at ?? Date.now();
  return ledger.write(() => {
    const receipt = ledger.receipts.get(story.receiptId);
    if (receipt === null) throw new Error(`receipt ${story.receiptId} does not exist`);
    const target = targetOf(receipt);
    const id = ledger.cancellations.insert(
      {
        receiptId: receipt.id,
        clientRequestId: null,
        state: 'sending',
        requestedBy: 'cashier',
        approvedBy: null,
        reason: '고객 변심',
        target,
      },
      start,
    );
    ledger.audit.appendAudit({
      at: start,
      actor: 'cashier',
      kind: 'cancellation.requested',
      cancellationId: id,
      receiptId: receipt.id,
      detail: { state: 'sending' },
    });
    let at = start;
    let lastCancel: Attempt | null = null;
    let numbers = 0;
    let last: { code: string | null; message: string | null } = { code: null, message: null };
    for (const exchange of story.exchanges) {
      at += 60_000;
      const fresh = exchange.kind === 'cancel' && exchange.resend !== true;
      if (fresh) numbers += 1;
      const mercTrxNo = fresh
        ? `HANDOVER${id}N${numbers}`
        : (lastCancel?.mercTrxNo ?? `HANDOVER${id}N0`);
      const body = JSON.stringify(
        exchange.kind === 'cancel'
          ? { mercTrxNo, wcc: target.wcc, cndTrxNo: target.cndTrxNo, trxAmt: target.trxAmt }
          : { mercTrxNo, trxAmt: target.trxAmt },
      );
      const begun = ledger.attempts.begin({
        cancellationId: id,
        kind: exchange.kind,
        mercTrxNo,
        repeatsAttemptId: fresh ? null : (lastCancel?.id ?? null),
        body,
        sentAt: at,
      });
      ledger.audit.appendAudit({
        at,
        actor: ENGINE,
        kind: 'attempt.sent',
        cancellationId: id,
        receiptId: receipt.id,
        detail: { attemptId: begun.id, kind: exchange.kind, mercTrxNo },
      });
      const end = endOf(exchange.kind, exchange.told, at + 1_000);
      ledger.attempts.finish(begun.id, end);
      if (end.state === 'answered') last = { code: end.code, message: end.message };
      if (exchange.kind === 'cancel') lastCancel = begun;
    }
    at += 60_000;
    ledger.cancellations.update(
      id,
      {
        state: 'needs_review',
        openAttemptId: null,
        inDoubtSince: null,
        nextTryAt: null,
        tries: 0,
        note: story.note,
        finishedAt: at,
        result: last,
      },
      at,
    );
    ledger.audit.appendAudit({
      at,
      actor: ENGINE,
      kind: 'cancellation.needs_review',
      cancellationId: id,
      receiptId: receipt.id,
      detail: { from: 'sending', note: story.note, code: last.code },
    });
    return id;
  });
}

/**
 * The engine's own hand-over, for real (engine and simulator): the reqCancel's answer is lost,
 * and the verification deadline passes before it is verified: needs_review,
 * 'verification-deadline'. `commit-then-drop`: KICC cancelled it; `drop-before-commit`: not.
 * The world needs a short verification deadline (createWorld({ verificationDeadlineMs: 1 })).
 */
export async function lostAndOutOfTime(
  w: StoreOpsWorld,
  fault: 'commit-then-drop' | 'drop-before-commit',
): Promise<{ receipt: Receipt; id: string }> {
  const receipt = await w.receipt({ trxAmt: 27_000 });
  w.sim.faults.inject({ endpoint: 'cancel', kind: fault });
  const first = await w.stack.call('cancellations.request', cancelRequestFor(receipt));
  if (!first.ok) throw new Error(first.error.code);
  const id = (first.value as Cancellation).id;
  await w.services.drain();
  expect(w.services.ledger.cancellations.get(Number(id))).toMatchObject({
    state: 'needs_review',
    note: 'verification-deadline',
  });
  return { receipt, id };
}
