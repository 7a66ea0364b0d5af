import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManagerNewPin } from '../../../shared/contract/manager-models';
import { LIVE_CREDENTIALS, LIVE_IDS, PIN, deadHttpsAddress, useTills } from './till';
import type { Till, TillStart } from './till';

/**
 * Issue 11 finding 1, as the attack: "Deleting manager-pin.json hands out a fresh manager PIN.
 * The PIN is always first set in training mode (live needs credentials, credentials need the
 * PIN), so the manager.pin_set event lives in the training ledger, which is wiped at every
 * start. In live mode the app then sees 'never set': after deleting the file and restarting,
 * manager.setupPin succeeds without acknowledgeLoss, and the live audit log shows an ordinary
 * first setup."
 */
const tills = useTills({ now: () => Date.now() });

/** A store as it goes live: PIN set in training, settings and credentials saved, restarted. */
async function liveTillWithPin(): Promise<{ till: Till; recoveryCode: string }> {
  const t = tills.create();
  const first = await tills.restart(t);
  expect((await first.call('app.info', {})) as { value: { mode: string } }).toMatchObject({
    value: { mode: 'training' },
  });
  const setup = await first.call('manager.setupPin', { pin: PIN, confirmation: PIN });
  expect(setup).toMatchObject({ ok: true, value: { role: 'manager' } });
  const recoveryCode = (setup as { value: ManagerNewPin }).value.recoveryCode;
  expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
  expect(
    await first.call('settings.update', { apiBaseUrl: await deadHttpsAddress(), ...LIVE_IDS }),
  ).toMatchObject({ ok: true });
  expect(await first.call('credentials.set', LIVE_CREDENTIALS)).toMatchObject({
    ok: true,
    value: { modeAfterRestart: 'live' },
  });
  await tills.stop();
  return { till: t, recoveryCode: recoveryCode as string };
}

async function startLive(t: Till): Promise<TillStart> {
  const next = await tills.restart(t);
  expect(await next.call('app.info', {})).toMatchObject({ value: { mode: 'live' } });
  return next;
}

describe('finding 1: deleting manager-pin.json on a live till', () => {
  it('leads to the loss path, never to a silent first setup', async () => {
    const { till: t } = await liveTillWithPin();
    // the PIN set in training is in the install-wide (live) log
    expect(t.liveAudit().map((e) => e.kind)).toContain('manager.pin_set');

    rmSync(join(t.dataDir, 'manager-pin.json')); // the attack
    const live = await startLive(t);
    expect(await live.call('manager.status', {})).toMatchObject({
      ok: true,
      value: { pin: 'missing', role: 'cashier' },
    });
    expect(
      await live.call('manager.setupPin', { pin: '739146', confirmation: '739146' }),
    ).toMatchObject({ ok: false, error: { code: 'loss-not-acknowledged' } });
    // a made-up recovery code is no way in either
    expect(
      await live.call('manager.setupPin', {
        pin: '739146',
        confirmation: '739146',
        recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD',
      }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-recovery-code' } });
    expect(await live.call('credentials.status', {})).toMatchObject({ value: { set: true } });
    // and the seal saw the file go
    expect(live.integrity.findings().map((f) => f.kind)).toContain('pin-file-removed');
  });

  it('with the recovery code the manager kept: a new PIN, the credentials stay, all recorded', async () => {
    const { till: t, recoveryCode } = await liveTillWithPin();
    rmSync(join(t.dataDir, 'manager-pin.json'));
    const live = await startLive(t);
    const reset = await live.call('manager.setupPin', {
      pin: '739146',
      confirmation: '739146',
      recoveryCode: recoveryCode.toLowerCase().replace(/-/g, ' '),
    });
    expect(reset).toMatchObject({ ok: true, value: { pin: 'ready', role: 'manager' } });
    // used once: a new code replaces it
    const next = (reset as { value: ManagerNewPin }).value.recoveryCode;
    expect(next).not.toBe(recoveryCode);
    expect(await live.call('credentials.status', {})).toMatchObject({ value: { set: true } });
    await tills.stop();

    const kinds = t.liveAudit().map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'manager.pin_set',
        'integrity.finding',
        'manager.pin_reset_with_recovery_code',
      ]),
    );
    // the old code no longer works
    rmSync(join(t.dataDir, 'manager-pin.json'));
    const again = await startLive(t);
    expect(
      await again.call('manager.setupPin', {
        pin: '582936',
        confirmation: '582936',
        recoveryCode,
      }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-recovery-code' } });
  });

  it('without the code, the loss acknowledged: a new PIN, but the KICC credentials are cleared', async () => {
    const { till: t } = await liveTillWithPin();
    rmSync(join(t.dataDir, 'manager-pin.json'));
    const live = await startLive(t);
    expect(
      await live.call('manager.setupPin', {
        pin: '739146',
        confirmation: '739146',
        acknowledgeLoss: true,
      }),
    ).toMatchObject({ ok: true, value: { role: 'manager' } });
    // whoever set it does not inherit what the manager got from KICC
    expect(await live.call('credentials.status', {})).toMatchObject({
      value: { set: false, modeAfterRestart: 'training' },
    });
    await tills.stop();
    const events = t.liveAudit();
    const reset = events.find((e) => e.kind === 'manager.pin_reset_after_loss');
    expect(JSON.parse(reset?.details ?? '{}')).toEqual({
      from: 'missing',
      credentialsCleared: true,
    });
    const cleared = events.find((e) => e.kind === 'credentials.cleared');
    expect(JSON.parse(cleared?.details ?? '{}')).toMatchObject({
      because: 'pin-reset-without-recovery-code',
    });
    // the next start is training: live needs the credentials entered again
    const after = await tills.restart(t);
    expect(await after.call('app.info', {})).toMatchObject({ value: { mode: 'training' } });
  });
});
