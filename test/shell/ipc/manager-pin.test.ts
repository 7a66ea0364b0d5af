import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManagerStatus } from '../../../shared/contract';
import { jsonWithoutHashes } from '../../fixtures/without-hashes';
import { createFakeServices } from '../fixtures/fake-services';
import { MANAGER_PIN } from '../fixtures/manager-fixtures';
import { createShellStack } from '../fixtures/shell-stack';
import type { ShellStack } from '../fixtures/shell-stack';

/** Issue 6: PIN setup, login and lock-out, through the IPC channels the screens use. */
let stack: ShellStack | undefined;
afterEach(() => stack?.dispose());

const clock = { t: 1_700_000_000_000, now: () => clock.t };
const WRONG = '5937';

function fresh(): ShellStack {
  stack = createShellStack(createFakeServices(), clock);
  return stack;
}

const statusOf = async (s: ShellStack): Promise<ManagerStatus> => {
  const answer = await s.call('manager.status', {});
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as ManagerStatus;
};

const kinds = (s: ShellStack) =>
  s.storeOps.audit.list({ afterSeq: 0, limit: 1000 }).events.map((e) => e.kind);

describe('first-run PIN setup', () => {
  it('starts with no PIN: login is refused, setup starts manager mode', async () => {
    const s = fresh();
    expect(await statusOf(s)).toEqual({
      pin: 'not-set',
      role: 'cashier',
      lockedUntil: null,
      triesLeft: null,
      sessionExpiresAt: null,
    });
    expect(await s.call('manager.login', { pin: MANAGER_PIN })).toMatchObject({
      ok: false,
      error: { code: 'not-set' },
    });
    const setup = await s.call('manager.setupPin', { pin: MANAGER_PIN, confirmation: MANAGER_PIN });
    expect(setup).toEqual({
      ok: true,
      value: {
        pin: 'ready',
        role: 'manager',
        lockedUntil: null,
        triesLeft: 5,
        sessionExpiresAt: clock.t + 5 * 60_000,
        // shown once, for the manager to keep (issue 11)
        recoveryCode: expect.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/),
      },
    });
    expect(kinds(s)).toContain('manager.pin_set');
    expect(
      await s.call('manager.setupPin', { pin: '739146', confirmation: '739146' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'already-set' },
    });
  });

  it.each([
    ['too easy', { pin: '1234', confirmation: '1234' }, 'weak-pin'],
    ['one digit repeated', { pin: '0000', confirmation: '0000' }, 'weak-pin'],
    ['typed differently twice', { pin: MANAGER_PIN, confirmation: '4822' }, 'pin-mismatch'],
  ])('refuses a PIN that is %s', async (_why, request, code) => {
    const s = fresh();
    expect(await s.call('manager.setupPin', request)).toMatchObject({ ok: false, error: { code } });
    expect((await statusOf(s)).pin).toBe('not-set');
  });

  it.each([['123'], ['123456789'], ['12a4'], [' 4821']])(
    'refuses %j as a PIN before anything runs (4 to 8 digits)',
    async (pin) => {
      const s = fresh();
      expect(await s.call('manager.setupPin', { pin, confirmation: pin })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    },
  );
});

describe('login and lock-out', () => {
  it('a wrong PIN says how many tries are left; five lock manager access', async () => {
    const s = fresh();
    await s.becomeManager();
    await s.call('manager.logout', {});
    for (const left of [4, 3, 2, 1]) {
      expect(await s.call('manager.login', { pin: WRONG })).toMatchObject({
        ok: false,
        error: { code: 'wrong-pin', message: { ko: expect.stringContaining(`${left}번`) } },
      });
    }
    const locked = await s.call('manager.login', { pin: WRONG });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await statusOf(s)).toMatchObject({
      pin: 'locked',
      role: 'cashier',
      lockedUntil: clock.t + 5 * 60_000,
    });
    // the right PIN does not open a locked door
    expect(await s.call('manager.login', { pin: MANAGER_PIN })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    // nor does approving an over-limit cancellation on the cashier's screen
    expect(
      await s.call('cancellations.request', {
        clientRequestId: '8f7c2a52-5d1e-4a8e-9f0b-3c1d2e4f5a6b',
        receiptId: '1',
        trxAmt: 10_000,
        vatAmt: 909,
        svcAmt: 0,
        reason: '고객 변심',
        managerPin: MANAGER_PIN,
      }),
    ).toMatchObject({ ok: false, error: { code: 'locked' } });
    clock.t += 5 * 60_000 + 1;
    expect(await s.call('manager.login', { pin: MANAGER_PIN })).toMatchObject({
      ok: true,
      value: { role: 'manager', pin: 'ready', triesLeft: 5 },
    });
    expect(kinds(s)).toEqual(
      expect.arrayContaining(['manager.login_failed', 'manager.locked_out', 'manager.login']),
    );
  });

  it('the lock-out survives a restart (it lives with the PIN hash)', async () => {
    const s = fresh();
    await s.becomeManager();
    await s.call('manager.logout', {});
    for (let i = 0; i < 5; i += 1) await s.call('manager.login', { pin: WRONG });
    const file = JSON.parse(readFileSync(join(s.dataDir, 'manager-pin.json'), 'utf8')) as {
      lockedUntil: number | null;
    };
    expect(file.lockedUntil).toBe(clock.t + 5 * 60_000);
  });

  it('changing the PIN needs manager mode and the current PIN', async () => {
    const s = fresh();
    await s.becomeManager();
    expect(
      await s.call('manager.changePin', {
        currentPin: WRONG,
        newPin: '739146',
        confirmation: '739146',
      }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    expect(
      await s.call('manager.changePin', {
        currentPin: MANAGER_PIN,
        newPin: '739146',
        confirmation: '739146',
      }),
    ).toMatchObject({ ok: true, value: { role: 'manager' } });
    await s.call('manager.logout', {});
    expect(await s.call('manager.login', { pin: MANAGER_PIN })).toMatchObject({ ok: false });
    expect(await s.call('manager.login', { pin: '739146' })).toMatchObject({ ok: true });
    expect(kinds(s)).toContain('manager.pin_changed');
  });

  it('pushes manager.changed on login and logout', async () => {
    const s = fresh();
    const pushed: string[] = [];
    s.storeOps.subscribe((e) => {
      if (e.event === 'manager.changed') pushed.push(`${e.payload.pin}/${e.payload.role}`);
    });
    await s.becomeManager();
    await s.call('manager.logout', {});
    expect(pushed).toEqual(['ready/manager', 'ready/cashier']);
  });
});

describe('the PIN never leaves the PIN check', () => {
  it('appears in no reply, no log line, no audit event and not in the PIN file', async () => {
    const s = fresh();
    const PIN = '739146';
    const replies = [
      await s.call('manager.setupPin', { pin: PIN, confirmation: PIN }),
      await s.call('manager.logout', {}),
      await s.call('manager.login', { pin: '739147' }),
      await s.call('manager.login', { pin: PIN }),
      await s.call('manager.changePin', {
        currentPin: PIN,
        newPin: '682093',
        confirmation: '682093',
      }),
      await s.call('audit.list', { limit: 1000 }),
    ];
    const everything = [
      jsonWithoutHashes(replies),
      JSON.stringify(s.log.lines),
      jsonWithoutHashes(s.storeOps.audit.list({ afterSeq: 0, limit: 1000 })),
      readFileSync(join(s.dataDir, 'manager-pin.json'), 'utf8'),
    ].join('\n');
    for (const pin of [PIN, '739147', '682093']) expect(everything).not.toContain(pin);
  });
});
