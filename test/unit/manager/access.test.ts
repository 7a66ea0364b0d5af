import { beforeEach, describe, expect, it } from 'vitest';
import type { ManagerEvent } from '../../../electron/manager/access';
import { createManagerAccess } from '../../../electron/manager/access';
import type { ManagerPinFile, PinStore } from '../../../electron/manager/pin-file';
import { parseManagerPinFile } from '../../../electron/manager/pin-file';
import { secretKeyPaths } from '../../../electron/audit/secrets';

const FAST = { N: 16, r: 1, p: 1 }; // tests only: the real cost is DEFAULT_SCRYPT
const MIN = 60_000;
const PIN = '9137';

interface MemoryStore extends PinStore {
  data: unknown;
  saves: ManagerPinFile[];
}

function memoryStore(data?: unknown): MemoryStore {
  const store: MemoryStore = {
    data,
    saves: [],
    load: () => (store.data === undefined ? undefined : structuredClone(store.data)),
    save: (file) => {
      store.saves.push(structuredClone(file));
      store.data = structuredClone(file);
    },
  };
  return store;
}

let now: number;
let events: ManagerEvent[];
const clock = { now: () => now };
let seed = 0;
const randomBytes = (size: number): Uint8Array =>
  Uint8Array.from({ length: size }, () => (seed += 7) & 0xff);

function access(store: PinStore, extra: Partial<Parameters<typeof createManagerAccess>[0]> = {}) {
  return createManagerAccess({
    store,
    clock,
    randomBytes,
    scrypt: FAST,
    onEvent: (event) => events.push(event),
    ...extra,
  });
}

async function withPin(store = memoryStore()) {
  const manager = access(store);
  const setup = await manager.setupPin(PIN, PIN);
  expect(setup.ok).toBe(true);
  manager.logout();
  events = [];
  return { store, manager };
}

beforeEach(() => {
  now = 1_703_462_400_000;
  events = [];
});

describe('first run', () => {
  it('has no PIN, refuses login, and sets one up (starting manager mode)', async () => {
    const store = memoryStore();
    const manager = access(store);
    expect(manager.status()).toEqual({ state: 'not-set' });
    expect(await manager.login(PIN)).toMatchObject({ ok: false, error: { code: 'not-set' } });

    const setup = await manager.setupPin(PIN, PIN);
    // no recovery store here (no seal): no code is issued
    expect(setup).toEqual({
      ok: true,
      value: { startedAt: now, expiresAt: now + 5 * MIN, recoveryCode: null },
    });
    expect(manager.isManager()).toBe(true);
    expect(manager.status()).toMatchObject({ state: 'ready', triesLeft: 5 });
    expect(events.map((e) => e.kind)).toEqual(['manager.pin_set']);
    expect(parseManagerPinFile(store.data).state).toBe('present');
    expect(JSON.stringify(store.data)).not.toContain(PIN);
  });

  it.each<[string, unknown, unknown, string]>([
    ['a weak PIN', '1234', '1234', 'weak-pin'],
    ['a short PIN', '913', '913', 'pin-format'],
    ['two different PINs', PIN, '9138', 'pin-mismatch'],
  ])('refuses %s and saves nothing', async (_name, pin, confirmation, code) => {
    const store = memoryStore();
    const result = await access(store).setupPin(pin, confirmation);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(store.saves).toEqual([]);
  });

  it('refuses a second setup once a PIN is set', async () => {
    const { manager } = await withPin();
    expect(await manager.setupPin('4826', '4826')).toMatchObject({
      ok: false,
      error: { code: 'already-set' },
    });
  });
});

describe('a damaged or missing PIN file', () => {
  it.each<[string, unknown]>([
    ['not JSON', '{"version":'],
    ['the wrong shape', { version: 1 }],
    ['null', null],
  ])('a file that is %s is corrupt: no login, no silent fresh setup', async (_name, data) => {
    const manager = access(memoryStore(data));
    expect(manager.status()).toMatchObject({ state: 'corrupt' });
    // the loss path (issue 11): the recovery code, or the loss acknowledged; never a first run
    expect(await manager.setupPin(PIN, PIN)).toMatchObject({
      ok: false,
      error: { code: 'loss-not-acknowledged' },
    });
    expect(await manager.login(PIN)).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(await manager.approve(PIN)).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  it('a deleted file after a PIN was set needs an acknowledged, recorded reset', async () => {
    const manager = access(memoryStore(), { pinEverSet: () => true });
    expect(manager.status()).toEqual({ state: 'missing' });
    expect(await manager.login(PIN)).toMatchObject({ ok: false, error: { code: 'missing' } });
    expect(await manager.setupPin(PIN, PIN)).toMatchObject({
      ok: false,
      error: { code: 'loss-not-acknowledged' },
    });
    expect((await manager.setupPin(PIN, PIN, { acknowledgeLoss: true })).ok).toBe(true);
    expect(events.map((e) => e.kind)).toEqual(['manager.pin_reset_after_loss']);
  });
});

describe('login and lock-out', () => {
  it('logs in with the right PIN and clears earlier failures', async () => {
    const { manager, store } = await withPin();
    expect(await manager.login('4826')).toMatchObject({
      ok: false,
      error: { code: 'wrong-pin', triesLeft: 4 },
    });
    expect((await manager.login(PIN)).ok).toBe(true);
    expect(manager.isManager()).toBe(true);
    expect(store.data).toMatchObject({ failures: 0, lockedUntil: null });
    expect(events.map((e) => e.kind)).toEqual(['manager.login_failed', 'manager.login']);
  });

  it('locks after 5 wrong PINs for 5 minutes, then 10 minutes after one more', async () => {
    const { manager } = await withPin();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await manager.login('4826'));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'wrong-pin',
      'wrong-pin',
      'wrong-pin',
      'wrong-pin',
      'locked',
    ]);
    expect(answers.map((a) => (a.ok ? null : (a.error.triesLeft ?? null)))).toEqual([
      4,
      3,
      2,
      1,
      null,
    ]);
    expect(manager.status()).toEqual({ state: 'locked', lockedUntil: now + 5 * MIN });

    // The right PIN does not open a lock, and is not counted either.
    now += 5 * MIN - 1;
    expect(await manager.login(PIN)).toMatchObject({ ok: false, error: { code: 'locked' } });

    now += 1;
    expect(manager.status()).toMatchObject({ state: 'ready', triesLeft: 1 });
    expect(await manager.login('4826')).toMatchObject({
      ok: false,
      error: { code: 'locked', lockedUntil: now + 10 * MIN },
    });

    now += 10 * MIN;
    expect((await manager.login(PIN)).ok).toBe(true);
    expect(manager.status()).toMatchObject({ state: 'ready', triesLeft: 5 });
    expect(events.filter((e) => e.kind === 'manager.locked_out')).toHaveLength(2);
  });

  it('keeps the lock-out across a restart', async () => {
    const { manager, store } = await withPin();
    for (let i = 0; i < 5; i += 1) await manager.login('4826');
    const restarted = access(store);
    expect(restarted.status()).toEqual({ state: 'locked', lockedUntil: now + 5 * MIN });
  });

  it('counts a try on disk before checking it, so a crash mid-check still counts', async () => {
    const { manager, store } = await withPin();
    store.saves = [];
    await manager.login(PIN);
    expect(store.saves.map((s) => s.failures)).toEqual([1, 0]);
  });

  it('checks one PIN at a time: a parallel burst gets "busy", not extra guesses', async () => {
    const { manager, store } = await withPin();
    const burst = await Promise.all(
      ['1', '2', '3', '4', '5', '6'].map((d) => manager.login(`48${d}7`)),
    );
    expect(burst.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'wrong-pin',
      'busy',
      'busy',
      'busy',
      'busy',
      'busy',
    ]);
    expect(store.data).toMatchObject({ failures: 1 });
  });

  it.each<[string, unknown]>([
    ['a number', 9137],
    ['letters', 'abcd'],
    ['an object', { pin: PIN }],
  ])('refuses %s as a PIN without counting it', async (_name, pin) => {
    const { manager, store } = await withPin();
    expect(await manager.login(pin)).toMatchObject({ ok: false, error: { code: 'pin-format' } });
    expect(store.data).toMatchObject({ failures: 0 });
  });

  it('upgrades a hash made with cheaper parameters after a good login', async () => {
    const { store } = await withPin();
    const stronger = access(store, { scrypt: { N: 32, r: 1, p: 1 } });
    expect((await stronger.login(PIN)).ok).toBe(true);
    expect(store.data).toMatchObject({ pin: { N: 32 } });
    expect((await access(store).login(PIN)).ok).toBe(true);
  });
});

describe('manager mode', () => {
  it('ends after 5 idle minutes, once, and activity keeps it going', async () => {
    const { manager } = await withPin();
    await manager.login(PIN);
    now += 4 * MIN;
    expect(manager.touch()).toEqual({ startedAt: now - 4 * MIN, expiresAt: now + 5 * MIN });
    now += 5 * MIN - 1;
    expect(manager.isManager()).toBe(true);
    now += 1;
    expect(manager.isManager()).toBe(false);
    expect(manager.touch()).toBeNull();
    expect(manager.status()).toMatchObject({ state: 'ready', session: null });
    expect(events.map((e) => e.kind)).toEqual(['manager.login', 'manager.session_expired']);
  });

  it('ends on demand', async () => {
    const { manager } = await withPin();
    await manager.login(PIN);
    manager.logout();
    manager.logout();
    expect(manager.isManager()).toBe(false);
    expect(events.map((e) => e.kind)).toEqual(['manager.login', 'manager.logout']);
  });

  it('honours an injected idle timeout', async () => {
    const store = memoryStore();
    const manager = access(store, { idleTimeoutMs: 30_000 });
    await manager.setupPin(PIN, PIN);
    now += 30_000;
    expect(manager.isManager()).toBe(false);
  });
});

describe('approval on the cashier screen', () => {
  it('approves with the PIN without starting manager mode, and records no approval by itself', async () => {
    const { manager } = await withPin();
    expect(await manager.approve(PIN)).toEqual({
      ok: true,
      value: { approvedBy: 'manager', at: now },
    });
    expect(manager.isManager()).toBe(false);
    // the approval's event is written with the cancellation it approved (issue 13 finding 5)
    expect(events.map((e) => e.kind)).toEqual([]);
  });

  it('counts wrong approval PINs toward the same lock-out', async () => {
    const { manager } = await withPin();
    for (let i = 0; i < 4; i += 1) await manager.approve('4826');
    expect(await manager.login('4826')).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});

describe('changing the PIN', () => {
  it('needs manager mode and the current PIN', async () => {
    const { manager } = await withPin();
    expect(await manager.changePin(PIN, '4826', '4826')).toMatchObject({
      ok: false,
      error: { code: 'not-manager' },
    });
    await manager.login(PIN);
    expect(await manager.changePin('5555', '4826', '4826')).toMatchObject({
      ok: false,
      error: { code: 'wrong-pin' },
    });
    expect(await manager.changePin(PIN, '2222', '2222')).toMatchObject({
      ok: false,
      error: { code: 'weak-pin' },
    });
    expect(await manager.changePin(PIN, '4826', '4826')).toEqual({
      ok: true,
      value: { recoveryCode: null },
    });
    manager.logout();
    expect(await manager.login(PIN)).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    expect((await manager.login('4826')).ok).toBe(true);
  });
});

describe('what leaves the module', () => {
  it('never carries a PIN in events, refusals or the saved file', async () => {
    const store = memoryStore();
    const manager = access(store);
    const outputs: unknown[] = [];
    outputs.push(await manager.setupPin(PIN, PIN));
    outputs.push(
      await manager.login('4826'),
      await manager.login(PIN),
      await manager.approve('5826'),
    );
    outputs.push(await manager.changePin(PIN, '7391', '7391'));
    const text = JSON.stringify({ outputs, events, saved: store.saves });
    for (const pin of [PIN, '4826', '5826', '7391']) expect(text).not.toContain(pin);
    for (const event of events) expect(secretKeyPaths(event.details)).toEqual([]);
  });
});
