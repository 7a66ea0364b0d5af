import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, resultSchema } from '../../../shared/contract';
import type { ChannelName } from '../../../shared/contract';
import type { SenderFrame } from '../../../electron/ipc/sender';
import { createFakeServices, validRequests } from '../fixtures/fake-services';
import { createRealStack } from '../fixtures/real-stack';
import type { RealStack } from '../fixtures/real-stack';
import { appMainFrame, createShellStack } from '../fixtures/shell-stack';

/**
 * Issue 4: "a fuzz test (fast-check) of at least 10,000 random payloads across all channels
 * gets typed errors, no crash and no ledger change". Payloads are anything IPC can carry
 * (structured clone: Maps, Sets, Dates, typed arrays, BigInt, null-prototype objects, cycles
 * aside) and near-misses of valid requests (one key dropped, changed or added).
 */
const RUNS = 10_400;

const services = createFakeServices();
const stack = createShellStack(services);
afterAll(() => stack.dispose());

const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
});

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'then', '');

/** A valid request with one key dropped, replaced by anything, or one key added. */
const nearMiss = (channel: ChannelName) => {
  const valid = validRequests[channel] as Record<string, unknown>;
  const keys = Object.keys(valid);
  return fc.oneof(
    keys.length === 0
      ? fc.constant({ ...valid, stray: 1 })
      : fc.constantFrom(...keys).map((key) => {
          const { [key]: _dropped, ...rest } = valid;
          return rest;
        }),
    keys.length === 0
      ? fc.constant({ ...valid, stray: 'x' })
      : fc
          .tuple(fc.constantFrom(...keys), anything)
          .map(([key, value]) => ({ ...valid, [key]: value })),
    fc.tuple(fc.oneof(hostileKey, fc.string({ maxLength: 12 })), anything).map(([key, value]) => {
      const out: Record<string, unknown> = { ...valid };
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return out;
    }),
  );
};

const call = fc.constantFrom(...channelNames).chain((channel) =>
  fc.record({
    channel: fc.constant(channel),
    payload: fc.oneof(anything, nearMiss(channel), fc.string({ maxLength: 5000 })),
  }),
);

const READ_ONLY = new Set<ChannelName>([
  'app.info',
  'receipts.lookup',
  'cancellations.get',
  'cancellations.list',
  'queue.status',
  'settings.get',
  'credentials.status',
]);

describe('IPC fuzz (engine stand-in that records every call)', () => {
  it(`answers ${RUNS} random payloads with Results; a refused payload reaches no service`, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(call, async ({ channel, payload }) => {
        const valid = channels[channel].request.safeParse(payload).success;
        const before = services.snapshot();
        const callsBefore = services.calls.length;
        const answer = await stack.call(channel, payload);
        // Always a Result of the contract's shape, never a throw or a stray value.
        expect(resultSchema(channels[channel].response).safeParse(answer).success).toBe(true);
        if (!valid) {
          refused += 1;
          expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
          expect(services.calls.length).toBe(callsBefore);
          expect(services.snapshot()).toBe(before);
        } else if (READ_ONLY.has(channel)) {
          expect(services.snapshot()).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
    // The generator is worth its name only if most payloads are invalid.
    expect(refused).toBeGreaterThan(RUNS * 0.8);
    // no internal errors: nothing threw inside main
    expect(stack.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('refuses every call from a random foreign frame before reading its payload', async () => {
    const frame: fc.Arbitrary<SenderFrame | null> = fc.oneof(
      fc.constant(null),
      fc.record({ url: fc.webUrl(), isMainFrame: fc.boolean() }),
      fc.record({ url: fc.constant(appMainFrame.url), isMainFrame: fc.constant(false) }),
      fc.record({
        url: fc.domain().map((host) => `app://${host}/index.html`),
        isMainFrame: fc.constant(true),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channelNames),
        frame,
        anything,
        async (channel, f, payload) => {
          fc.pre(f === null || f.url !== appMainFrame.url || !f.isMainFrame);
          fc.pre(f === null || !f.url.startsWith('app://desk/') || !f.isMainFrame);
          const callsBefore = services.calls.length;
          const answer = await stack.ipc.dispatch(channel, f, [payload]);
          expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
          expect(services.calls.length).toBe(callsBefore);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('IPC fuzz (the real engine in training mode, SQLite ledger on a temp folder)', () => {
  let real: RealStack;
  beforeAll(async () => {
    real = await createRealStack();
  });
  afterAll(() => real.close());

  it(`answers ${RUNS} random payloads with Results; a refused payload writes no ledger row`, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(call, async ({ channel, payload }) => {
        const valid = channels[channel].request.safeParse(payload).success;
        const before = real.ledgerRows();
        const answer = await real.call(channel, payload);
        expect(resultSchema(channels[channel].response).safeParse(answer).success).toBe(true);
        if (!valid) {
          refused += 1;
          expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
          expect(real.ledgerRows()).toBe(before);
        } else {
          // a valid call may start work; let it finish so the next "before" is quiet
          await real.engine.services.drain();
        }
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS * 0.8);
    expect(real.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
