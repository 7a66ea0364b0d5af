import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewDetail } from '../../../shared/contract';
import { lostAndOutOfTime } from './hand-over';
import { cancelRequestFor, createWorld } from './world';
import type { StoreOpsWorld } from './world';

/**
 * Issue 6 "needs_review resolution": a cancellation whose outcome nobody could establish in time
 * (the answer was lost, the verification deadline passed) waits for the manager, who sees every
 * attempt and raw answer, checks KICC's portal (here: the simulator's books) and records the
 * truth with a note. The item leaves the queue; the audit log keeps everything.
 */
let world: StoreOpsWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('needs_review resolution', () => {
  it('shows the manager every attempt with the exact body sent and what came back', async () => {
    const w = (world = await createWorld({ verificationDeadlineMs: 1 }));
    const { id } = await lostAndOutOfTime(w, 'commit-then-drop');
    await w.stack.becomeManager();
    const detail = await w.stack.call('review.get', { id });
    expect(detail.ok).toBe(true);
    const review = (detail as { value: ReviewDetail }).value;
    expect(review).toMatchObject({
      cancellation: { id, state: 'needs_review' },
      requestedBy: 'cashier',
      approvedBy: null,
      note: 'verification-deadline',
      resolution: null,
    });
    expect(review.attempts[0]).toMatchObject({
      kind: 'cancel',
      state: 'failed',
      class: 'in-doubt',
      body: expect.stringContaining('"wcc":"T"'),
    });
    expect(review.audit.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        'cancellation.requested',
        'attempt.sent',
        'cancellation.needs_review',
      ]),
    );
  });

  it('KICC says cancelled: the cancellation is cancelled, leaves the queue, cannot be sent again', async () => {
    const w = (world = await createWorld({ verificationDeadlineMs: 1 }));
    const { receipt, id } = await lostAndOutOfTime(w, 'commit-then-drop');
    // what the manager reads in KICC's portal
    expect(w.sim.ledger.original(receipt.vanTrxNo ?? '')?.status).toBe('cancelled');
    await w.stack.becomeManager();
    const resolved = await w.stack.call('review.resolve', {
      id,
      outcome: 'cancelled',
      note: '가맹점 포털에서 취소 확인 (승인번호 확인)',
      cancelAprvNo: '87654321',
    });
    expect(resolved).toMatchObject({
      ok: true,
      value: { id, state: 'cancelled', cancelled: { aprvNo: '87654321' } },
    });
    const detail = await w.stack.call('review.get', { id });
    expect(detail).toMatchObject({
      ok: true,
      value: {
        resolution: { outcome: 'cancelled', by: 'manager', note: expect.stringContaining('포털') },
      },
    });
    expect(await w.stack.call('cancellations.request', cancelRequestFor(receipt))).toMatchObject({
      ok: false,
      error: { code: 'duplicate' },
    });
    expect(
      await w.stack.call('review.resolve', { id, outcome: 'not-cancelled', note: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-needs-review' },
    });
  });

  it('KICC says not cancelled: rejected, and the receipt can be cancelled again, once', async () => {
    const w = (world = await createWorld({ verificationDeadlineMs: 1 }));
    const { receipt, id } = await lostAndOutOfTime(w, 'drop-before-commit');
    expect(w.sim.ledger.original(receipt.vanTrxNo ?? '')?.status).toBe('approved');
    await w.stack.becomeManager();
    expect(
      await w.stack.call('review.resolve', {
        id,
        outcome: 'not-cancelled',
        note: 'KICC 포털: 취소 내역 없음, 원거래 승인 유지',
      }),
    ).toMatchObject({
      ok: true,
      value: {
        id,
        state: 'rejected',
        resolvedByManager: true,
        // KICC's data stays KICC's: the manager's note is kept in the audit log (issue 13)
        rejection: { respCd: '', respMsg: '' },
      },
    });
    const again = await w.stack.call('cancellations.request', cancelRequestFor(receipt));
    expect(again).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    expect(w.sim.ledger.original(receipt.vanTrxNo ?? '')?.status).toBe('cancelled');
    // the audit log keeps the first cancellation's whole story, the resolution with its note,
    // and the chain is intact
    const kinds = w.services.ledger.audit.forCancellation(Number(id)).map((e) => e.kind);
    expect(kinds).toEqual([
      'cancellation.requested',
      'attempt.sent',
      'cancellation.in_doubt',
      'cancellation.needs_review',
      'cancellation.resolved',
    ]);
    expect(w.services.ledger.audit.verify()).toMatchObject({ ok: true });
  });

  it('pushes the resolved cancellation to the page, like any other change', async () => {
    const w = (world = await createWorld({ verificationDeadlineMs: 1 }));
    const { id } = await lostAndOutOfTime(w, 'drop-before-commit');
    const pushed: string[] = [];
    w.storeOps.subscribe((e) => {
      if (e.event === 'cancellation.updated') pushed.push(`${e.payload.id}:${e.payload.state}`);
    });
    await w.stack.becomeManager();
    await w.stack.call('review.resolve', { id, outcome: 'not-cancelled', note: '포털 확인' });
    expect(pushed).toEqual([`${id}:rejected`]);
  });

  it('a note is required', async () => {
    const w = (world = await createWorld({ verificationDeadlineMs: 1 }));
    const { id } = await lostAndOutOfTime(w, 'drop-before-commit');
    await w.stack.becomeManager();
    expect(
      await w.stack.call('review.resolve', { id, outcome: 'cancelled', note: '   ' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', fields: [{ field: 'note' }] },
    });
    expect(w.services.ledger.cancellations.get(Number(id))?.state).toBe('needs_review');
  });
});
