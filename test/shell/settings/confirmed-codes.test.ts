import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTINGS_MIGRATIONS } from '../../../electron/settings/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../electron/settings/schema';
import { createServices } from '../../../electron/services';
import { startKiccSimulator } from '../../../electron/kicc/simulator';
import { settingsPatchSchema } from '../../../shared/contract';
import { createFakeServices } from '../fixtures/fake-services';
import { trainingReceiptOf } from '../../../electron/training';
import { settingsFileOpener } from '../fixtures/settings-file';
import { createShellStack } from '../fixtures/shell-stack';
import type { ShellStack } from '../fixtures/shell-stack';

/**
 * Issue 9: a manager can add KICC codes confirmed to mean "nothing happened" in the settings;
 * only those end a cancellation as a plain refusal. The field is settings version 5, changed
 * through the manager's settings channel, audited, and read by the engine at every answer.
 */
let stack: ShellStack | undefined;
const open = settingsFileOpener();
afterEach(() => {
  stack?.dispose();
  stack = undefined;
});
const clock = { now: () => 1_700_000_000_000 };

const {
  confirmedRefusalCodes: _none,
  autoPrintSettled: _v6,
  backupFolder: _v6b,
  ...v4Fields
} = DEFAULT_SETTINGS;
const version4 = {
  ...v4Fields,
  schemaVersion: 4,
  storeName: '행복한 김밥',
  terminalId: 'T123456789',
};

describe('settings version 5: the confirmed refusal codes', () => {
  it('a fresh install confirms no code (KICC has confirmed none)', () => {
    expect(SETTINGS_VERSION).toBeGreaterThanOrEqual(5);
    expect(SETTINGS_MIGRATIONS).toHaveLength(SETTINGS_VERSION);
    expect(DEFAULT_SETTINGS.confirmedRefusalCodes).toEqual([]);
  });

  it('migration 4 -> 5 adds none and keeps everything else; the original is kept beside it', () => {
    const step = SETTINGS_MIGRATIONS[4];
    if (!step) throw new Error('no 4 -> 5');
    expect(step(version4)).toEqual({ ...version4, schemaVersion: 5, confirmedRefusalCodes: [] });
    const { file, settings } = open(JSON.stringify(version4));
    // the later versions' keys come in at their defaults
    expect(settings.current()).toEqual({
      ...DEFAULT_SETTINGS,
      ...version4,
      schemaVersion: SETTINGS_VERSION,
      confirmedRefusalCodes: [],
    });
    expect(JSON.parse(readFileSync(file.replace('.json', '.v4.json'), 'utf8'))).toEqual(version4);
  });

  it('keeps a list a version-0 file already carried through the earlier steps', () => {
    const { settings } = open(JSON.stringify({ confirmedRefusalCodes: ['E104'] }));
    expect(settings.current().confirmedRefusalCodes).toEqual(['E104']);
  });

  it('saves codes and reads them back at the next start', () => {
    const { file, settings } = open();
    expect(settings.update({ confirmedRefusalCodes: ['E101', 'E104'] })).toMatchObject({
      ok: true,
      value: { confirmedRefusalCodes: ['E101', 'E104'] },
    });
    const again = open(readFileSync(file, 'utf8'));
    expect(again.settings.current().confirmedRefusalCodes).toEqual(['E101', 'E104']);
  });

  it.each([
    ['0000, which means success', ['0000']],
    ['a code of 3 characters', ['E10']],
    ['a repeated code', ['E101', 'E101']],
    ['a space inside', ['E 01']],
  ])('refuses %s, in the contract and in the file', (_name, codes) => {
    expect(settingsPatchSchema.safeParse({ confirmedRefusalCodes: codes }).success).toBe(false);
    const { settings } = open();
    expect(settings.update({ confirmedRefusalCodes: codes })).toMatchObject({ ok: false });
    expect(settings.current().confirmedRefusalCodes).toEqual([]);
  });
});

describe('through the manager settings channel', () => {
  it('a cashier cannot change them; a manager can, and the audit log says which codes', async () => {
    stack = createShellStack(createFakeServices(), clock);
    expect(await stack.call('settings.update', { confirmedRefusalCodes: ['E104'] })).toMatchObject({
      ok: false,
      error: { code: 'not-manager' },
    });
    expect(stack.settings.get().confirmedRefusalCodes).toEqual([]);
    await stack.becomeManager();
    expect(await stack.call('settings.update', { confirmedRefusalCodes: ['E104'] })).toMatchObject({
      ok: true,
      value: { confirmedRefusalCodes: ['E104'] },
    });
    const events = stack.storeOps.audit.list({ afterSeq: 0, limit: 100 }).events;
    const changed = events.filter((e) => e.kind === 'settings.changed').at(-1);
    expect(changed?.actor).toBe('manager');
    expect(JSON.parse(changed?.details ?? '{}')).toMatchObject({
      changes: { confirmedRefusalCodes: { from: '', to: 'E104' } },
    });
  });
});

describe('the engine reads them at every answer', () => {
  it('an unconfirmed code goes to a manager; once confirmed, the same refusal is a plain one', async () => {
    const sim = await startKiccSimulator({ clock, profile: 'unknown-codes' });
    const { dir, settings } = open();
    const services = createServices({
      dataDir: join(dir, 'engine'),
      kicc: {
        baseUrl: sim.url,
        credentials: () => sim.credentials,
        confirmedRefusalCodes: () => settings.current().confirmedRefusalCodes,
      },
      terminal: sim.merchant,
      limits: { cashierMaxAmount: 1e9, offlineMaxCount: 10, offlineMaxTotal: 1e9 },
      verificationDeadlineMs: 86_400_000,
      clock,
      random: () => 0.5,
      probe: false,
    });
    try {
      const cancel = async () => {
        const o = sim.approve({ at: clock.now() - 60 * 86_400_000 }); // past the window: E104
        const r = services.addReceipt(trainingReceiptOf(o));
        if (!r.ok) throw new Error(r.error.code);
        const { trxAmt, vatAmt, svcAmt } = o;
        const done = await services.requestCancellation({
          clientRequestId: crypto.randomUUID(),
          receiptId: r.value.id,
          trxAmt,
          vatAmt,
          svcAmt,
          reason: 'test',
        });
        return done.ok ? done.value : null;
      };
      expect(await cancel()).toMatchObject({ state: 'needs_review', note: 'unknown-code' });
      settings.update({ confirmedRefusalCodes: ['E104'] });
      expect(await cancel()).toMatchObject({
        state: 'rejected',
        rejection: { respCd: 'E104', respMsg: '취소 가능 기간 경과' },
      });
    } finally {
      await services.close();
      await sim.close();
    }
  });
});
