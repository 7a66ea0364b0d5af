import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/ipc/dispatch';
import type { HandlerTable } from '../../../electron/ipc/handlers';
import { channelNames } from '../../../shared/contract';
import type { ChannelName } from '../../../shared/contract';
import { sampleSummary, validRequests } from '../fixtures/fake-services';
import { appMainFrame, recordingLog } from '../fixtures/shell-stack';
import { createKnownSecrets } from '../../../electron/log/known-secrets';
import { createRedactor } from '../../../electron/log/redact';

/** A handler table whose every handler records its call and answers `answer(channel)`. */
function table(answer: (channel: ChannelName) => unknown) {
  const called: ChannelName[] = [];
  const handlers = Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      async () => {
        called.push(channel);
        return answer(channel);
      },
    ]),
  ) as unknown as HandlerTable;
  return { handlers, called };
}

const origin = { protocol: 'app:', host: 'desk' };

describe('dispatch: sender, payload, handler, answer', () => {
  it('refuses an untrusted sender before looking at the payload', async () => {
    const { handlers, called } = table(() => ({ ok: true, value: sampleSummary }));
    const log = recordingLog();
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log });
    const answer = await dispatch('queue.retryNow', { url: 'app://desk/', isMainFrame: false }, [
      {},
    ]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(called).toEqual([]);
    expect(log.lines.map((l) => l.level)).toEqual(['warn']);
  });

  it.each([
    ['no argument', []],
    ['two arguments', [{}, {}]],
  ])('refuses %s: the preload always sends exactly one', async (_name, args) => {
    const { handlers, called } = table(() => ({ ok: true, value: sampleSummary }));
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log: recordingLog() });
    const answer = await dispatch('queue.retryNow', appMainFrame, args);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(called).toEqual([]);
  });

  it('refuses a payload the contract refuses, with field errors, calling nothing', async () => {
    const { handlers, called } = table(() => null);
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log: recordingLog() });
    const answer = await dispatch('cancellations.request', appMainFrame, [
      { ...validRequests['cancellations.request'], trxAmt: -5, extra: 1 },
    ]);
    expect(called).toEqual([]);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-request');
    expect(answer.error.fields?.map((f) => [f.field, f.rule])).toEqual(
      expect.arrayContaining([
        ['extra', 'unknownField'],
        ['trxAmt', 'amount'],
      ]),
    );
  });

  it('gives the KICC rule’s own bilingual message for a KICC field', async () => {
    const { handlers } = table(() => null);
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log: recordingLog() });
    const answer = await dispatch('receipts.add', appMainFrame, [
      { ...validRequests['receipts.add'], orgAprvDt: '20230229' },
    ]);
    expect(answer).toMatchObject({
      ok: false,
      error: {
        fields: [
          {
            field: 'orgAprvDt',
            rule: 'date',
            message: {
              ko: expect.stringContaining('원거래 승인일자는 실제 날짜여야'),
              en: expect.stringContaining('real date'),
            },
          },
        ],
      },
    });
  });

  it('turns a throwing handler into a generic internal error and logs it', async () => {
    const { handlers } = table(() => {
      throw new Error('database is locked at C:\\Users\\kim\\secret-path');
    });
    const log = recordingLog();
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log });
    const answer = await dispatch('queue.status', appMainFrame, [{}]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('secret-path');
    expect(log.lines).toMatchObject([{ level: 'error', message: 'ipc: handler threw' }]);
  });

  it('a throw that quotes the secret being saved is logged without it (issue 11 finding 9)', async () => {
    const secretKey = 'new-secret-key-being-saved';
    const { handlers } = table(() => {
      throw new Error(`could not store ${secretKey} for CHANNEL-NEW-01`);
    });
    const known = createKnownSecrets();
    const redactor = createRedactor(known.values);
    const written: string[] = [];
    const log = {
      info: () => undefined,
      warn: () => undefined,
      // what the shell's logger does: every value through the redactor, at the time of the call
      error: (message: string, detail?: Record<string, unknown>) =>
        void written.push(JSON.stringify(redactor({ message, detail }))),
    };
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log, during: known.during });
    const answer = await dispatch('credentials.set', appMainFrame, [
      { channelId: 'CHANNEL-NEW-01', secretKey },
    ]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('could not store');
    expect(written[0]).not.toContain(secretKey);
    expect(written[0]).not.toContain('CHANNEL-NEW-01');
    expect(known.values()).toEqual([]); // known only while the call ran
  });

  it('refuses an answer outside the contract instead of passing it on', async () => {
    const { handlers } = table(() => ({ ok: true, value: { count: 'many' } }));
    const log = recordingLog();
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log });
    const answer = await dispatch('queue.retryNow', appMainFrame, [{}]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.lines[0]?.detail).toMatchObject({ channel: 'queue.retryNow' });
  });

  it('strips fields the contract does not name from a valid answer', async () => {
    const { handlers } = table(() => ({
      ok: true,
      value: { ...sampleSummary, secretKey: 'leak', headers: { Authorization: 'x' } },
    }));
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log: recordingLog() });
    expect(await dispatch('queue.retryNow', appMainFrame, [{}])).toEqual({
      ok: true,
      value: sampleSummary,
    });
  });

  it('withholds an answer that contains a stored secret value anywhere', async () => {
    const secret = 'the-secret-key-0001';
    const { handlers } = table(() => ({
      ok: false,
      error: { code: 'x', message: { ko: `키 ${secret}`, en: `key ${secret}` } },
    }));
    const dispatch = createDispatch(handlers, {
      trustedOrigin: origin,
      log: recordingLog(),
      secrets: () => [secret],
    });
    const answer = await dispatch('queue.retryNow', appMainFrame, [{}]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain(secret);
  });

  it('applies request defaults before the handler sees the request', async () => {
    let seen: unknown;
    const handlers = table(() => null).handlers;
    handlers['cancellations.list'] = async (request) => {
      seen = request;
      return { ok: true, value: { items: [], total: 0 } };
    };
    const dispatch = createDispatch(handlers, { trustedOrigin: origin, log: recordingLog() });
    await dispatch('cancellations.list', appMainFrame, [{}]);
    expect(seen).toEqual({ offset: 0, limit: 200 });
  });
});
