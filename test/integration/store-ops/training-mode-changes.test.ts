import { describe, expect, it } from 'vitest';
import { jsonWithoutHashes } from '../../fixtures/without-hashes';
import { LIVE_CREDENTIALS, LIVE_IDS, PIN, deadHttpsAddress, useTills } from './till';

/**
 * Issue 11 finding 2, as the attack: "Install-wide changes made in training mode leave no trace.
 * Settings, credentials, PIN and mode serve both modes, but their audit events go into the
 * running ledger; in training that ledger is wiped. A switch to training, apiBaseUrl → another
 * host, cashier limit → 99,000,000, new credentials, back to live: the live log shows only
 * mode.switched."
 */
const tills = useTills({ now: () => Date.now() });
const restart = tills.restart;

const detailsOf = (details: string): Record<string, unknown> =>
  JSON.parse(details) as Record<string, unknown>;

describe('finding 2: install-wide changes made in training mode', () => {
  it('are all in the live audit log, which training never wipes', async () => {
    const t = tills.create();
    const kicc = await deadHttpsAddress();
    const elsewhere = await deadHttpsAddress();

    // a live till with its manager PIN
    const first = await restart(t);
    await first.call('manager.setupPin', { pin: PIN, confirmation: PIN });
    await first.call('settings.update', { apiBaseUrl: kicc, ...LIVE_IDS });
    await first.call('credentials.set', LIVE_CREDENTIALS);
    const live = await restart(t);
    expect(await live.call('app.info', {})).toMatchObject({ value: { mode: 'live' } });
    const liveEventsBefore = live.engine.installLedger.audit.list({ limit: 10_000 }).length;

    // the attack: to training, change what serves both modes, back to live
    await live.login(PIN);
    expect(await live.call('mode.switch', { to: 'training' })).toMatchObject({ ok: true });
    const training = await restart(t);
    expect(await training.call('app.info', {})).toMatchObject({ value: { mode: 'training' } });
    await training.login(PIN);
    expect(
      await training.call('settings.update', {
        apiBaseUrl: elsewhere,
        limits: { cashierMaxAmount: 99_000_000 },
      }),
    ).toMatchObject({ ok: true });
    // another host: the credentials entered for KICC are gone (entered again below)
    expect(await training.call('credentials.status', {})).toMatchObject({ value: { set: false } });
    expect(
      await training.call('credentials.set', {
        channelId: 'OTHER-CHANNEL-9',
        secretKey: 'another-secret-key-09',
      }),
    ).toMatchObject({ ok: true });
    expect(await training.call('mode.switch', { to: 'live' })).toMatchObject({ ok: true });
    const back = await restart(t);
    expect(await back.call('app.info', {})).toMatchObject({ value: { mode: 'live' } });
    await tills.stop();

    const since = t.liveAudit().slice(liveEventsBefore);
    const kinds = since.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'manager.login',
        'mode.switched',
        'settings.changed',
        'credentials.cleared',
        'credentials.set',
      ]),
    );
    expect(kinds.filter((k) => k === 'mode.switched')).toHaveLength(2);
    const settings = since.find((e) => e.kind === 'settings.changed');
    expect(detailsOf(settings?.details ?? '{}')).toEqual({
      changes: {
        apiBaseUrl: { from: kicc, to: elsewhere },
        'limits.cashierMaxAmount': { from: 300_000, to: 99_000_000 },
      },
    });
    const cleared = since.find((e) => e.kind === 'credentials.cleared');
    expect(detailsOf(cleared?.details ?? '{}')).toEqual({
      changed: ['channelId', 'secretKey'],
      because: 'api-address-changed',
    });
    // nothing secret went into the log
    expect(jsonWithoutHashes(since)).not.toContain('another-secret-key-09');
    expect(jsonWithoutHashes(since)).not.toContain(PIN);
  });

  it('the PIN’s events in training too: wrong PINs and lock-outs are the install’s', async () => {
    const t = tills.create();
    const first = await restart(t);
    await first.call('manager.setupPin', { pin: PIN, confirmation: PIN });
    const training = await restart(t);
    expect(await training.call('app.info', {})).toMatchObject({ value: { mode: 'training' } });
    for (const wrong of ['1357', '2468']) {
      await training.call('manager.login', { pin: wrong });
    }
    await tills.stop();
    const kinds = t.liveAudit().map((e) => e.kind);
    expect(kinds.filter((k) => k === 'manager.login_failed')).toHaveLength(2);
    expect(kinds).toContain('manager.pin_set');
  });
});
