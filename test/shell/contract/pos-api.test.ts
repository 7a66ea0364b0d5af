import { describe, it, expect } from 'vitest';
import { channelNames, createPosApi, eventNames } from '../../../shared/contract';
import type { Cancellation, PosApi, PosTransport, QueueSummary } from '../../../shared/contract';

const summary: QueueSummary = {
  count: 1,
  totalAmount: 10_000,
  oldestAt: 1,
  nextTryAt: null,
  online: false,
  pausedReason: null,
};

/** An in-memory transport that records what was sent and answers from a table. */
function memoryTransport(answer: (channel: string, payload: unknown) => unknown) {
  const sent: { channel: string; payload: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: PosTransport = {
    async invoke(channel, payload) {
      sent.push({ channel, payload });
      return answer(channel, payload);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const push = (event: string, payload: unknown) =>
    listeners.get(event)?.forEach((listener) => listener(payload));
  return { transport, sent, push, listeners };
}

describe('createPosApi', () => {
  it('offers one function per contract channel, grouped as pos.group.method', () => {
    const pos = createPosApi(memoryTransport(() => null).transport);
    const offered = Object.entries(pos)
      .filter(([key]) => key !== 'on')
      .flatMap(([group, methods]) => Object.keys(methods as object).map((m) => `${group}.${m}`));
    expect(offered.sort()).toEqual([...channelNames].sort());
  });

  it('sends a valid request under its channel name and returns the validated answer', async () => {
    const { transport, sent } = memoryTransport(() => ({ ok: true, value: summary }));
    const pos: PosApi = createPosApi(transport);
    const result = await pos.queue.retryNow();
    expect(sent).toEqual([{ channel: 'queue.retryNow', payload: {} }]);
    expect(result).toEqual({ ok: true, value: summary });
  });

  it('applies request defaults before sending (history paging)', async () => {
    const { transport, sent } = memoryTransport(() => ({
      ok: true,
      value: { items: [], total: 0 },
    }));
    await createPosApi(transport).cancellations.list({ text: 'abc' });
    expect(sent[0]?.payload).toEqual({ text: 'abc', offset: 0, limit: 200 });
  });

  it('refuses an invalid request locally with field errors, sending nothing', async () => {
    const { transport, sent } = memoryTransport(() => ({ ok: true, value: null }));
    const pos = createPosApi(transport);
    const result = await pos.cancellations.request({
      clientRequestId: 'not-a-uuid',
      receiptId: 'r1',
      trxAmt: 1.5,
      vatAmt: 0,
      svcAmt: 0,
      reason: 'x',
    });
    expect(sent).toHaveLength(0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.fields?.map((f) => f.field).sort()).toEqual(['clientRequestId', 'trxAmt']);
  });

  it('strips fields the contract does not name from answers (nothing extra reaches the page)', async () => {
    const { transport } = memoryTransport(() => ({
      ok: true,
      value: { ...summary, secretKey: 'S3CRET' },
    }));
    const result = await createPosApi(transport).queue.retryNow({});
    expect(JSON.stringify(result)).not.toContain('S3CRET');
  });

  const answers: [string, () => unknown, string][] = [
    ['a thrown transport', () => Promise.reject(new Error('boom')), 'unavailable'],
    [
      'an answer of the wrong shape',
      () => ({ ok: true, value: { count: 'x' } }),
      'invalid-response',
    ],
    ['no answer', () => undefined, 'invalid-response'],
    ['an error without a message', () => ({ ok: false, error: { code: 'x' } }), 'invalid-response'],
  ];
  it.each(answers)('turns %s into a typed error', async (_name, answer, code) => {
    const { transport } = memoryTransport(answer);
    const result = await createPosApi(transport).queue.retryNow();
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('passes a service error through unchanged', async () => {
    const error = { code: 'exposure-limit', message: { ko: '한도', en: 'limit' } };
    const { transport } = memoryTransport(() => ({ ok: false, error }));
    expect(await createPosApi(transport).queue.retryNow()).toEqual({ ok: false, error });
  });

  it('delivers valid events, drops malformed ones, and stops on unsubscribe', () => {
    const { transport, push } = memoryTransport(() => null);
    const pos = createPosApi(transport);
    const seen: QueueSummary[] = [];
    const stop = pos.on('queue.summary', (s) => seen.push(s));
    push('queue.summary', summary);
    push('queue.summary', { count: -1 });
    stop();
    push('queue.summary', summary);
    expect(seen).toEqual([summary]);
  });

  it('refuses to subscribe to an event the contract does not name', () => {
    const pos = createPosApi(memoryTransport(() => null).transport);
    expect(() => pos.on('ipc.raw' as never, () => undefined)).toThrow(TypeError);
    expect(eventNames).toContain('cancellation.updated');
  });

  it('types a cancellation event payload', () => {
    const { transport, push } = memoryTransport(() => null);
    const got: Cancellation[] = [];
    createPosApi(transport).on('cancellation.updated', (c) => got.push(c));
    push('cancellation.updated', { id: 'x' });
    expect(got).toHaveLength(0);
  });
});
