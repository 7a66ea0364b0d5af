import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/ledger/ledger';
import type { Ledger } from '../../../electron/ledger/ledger';
import { DEFAULT_SETTINGS } from '../../../electron/settings/schema';
import { createStoreOps } from '../../../electron/store-ops/store-ops';
import { tempDir } from '../ledger/tmpLedger';
import { closedDialogs, idlePrinter } from '../../shell/fixtures/idle-ports';

/**
 * docs/manager.md "Deleted or damaged file": a PIN file that disappears after a PIN was set is
 * `missing`, never a first run; a new PIN then needs the loss acknowledged, and is recorded.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const clock = { now: () => 1_700_000_000_000 };

function storeOps(ledger: Ledger, dir: string, installLedger?: Ledger) {
  return createStoreOps({
    ledger,
    settings: { current: () => DEFAULT_SETTINGS },
    credentials: { read: () => ({ ok: true, value: null }) },
    mode: { mode: 'training', reason: { ko: '교육', en: 'training' } },
    store: () => ({ storeName: 's', businessNumber: '1234567890', terminalId: 'T1' }),
    managerPinFile: join(dir, 'manager-pin.json'),
    modePreferenceFile: join(dir, 'mode.json'),
    clock,
    random: () => 0.5,
    printer: idlePrinter,
    dialogs: closedDialogs,
    manager: { scrypt: { N: 16, r: 1, p: 1 } },
    ...(installLedger ? { installLedger } : {}),
  });
}

function setup() {
  const t = tempDir('pin-loss-');
  const ledger = openLedger(join(t.dir, 'ledger.sqlite'));
  cleanups.push(() => {
    if (ledger.db.open) ledger.close();
    t.remove();
  });
  return { dir: t.dir, ledger };
}

describe('a lost PIN file', () => {
  it('is `missing` when the audit log remembers a PIN; a new one needs the loss acknowledged', async () => {
    const { dir, ledger } = setup();
    const first = storeOps(ledger, dir);
    expect(
      await first.manager.setupPin({ pin: '4821', confirmation: '4821', acknowledgeLoss: false }),
    ).toMatchObject({ ok: true });
    rmSync(join(dir, 'manager-pin.json'));

    const next = storeOps(ledger, dir); // the next start reads the file again
    expect(next.manager.status().pin).toBe('missing');
    expect(
      await next.manager.setupPin({
        pin: '739146',
        confirmation: '739146',
        acknowledgeLoss: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'loss-not-acknowledged' } });
    expect(
      await next.manager.setupPin({ pin: '739146', confirmation: '739146', acknowledgeLoss: true }),
    ).toMatchObject({ ok: true, value: { role: 'manager' } });
    const kinds = ledger.audit.list().map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['manager.pin_set', 'manager.pin_reset_after_loss']),
    );
  });

  it('a PIN set in training is remembered by the install-wide (live) log, not the wiped one', async () => {
    const live = setup();
    const firstTraining = setup();
    await storeOps(firstTraining.ledger, live.dir, live.ledger).manager.setupPin({
      pin: '4821',
      confirmation: '4821',
      acknowledgeLoss: false,
    });
    expect(firstTraining.ledger.audit.list({ kind: 'manager.pin_set' })).toEqual([]);
    expect(live.ledger.audit.list({ kind: 'manager.pin_set' })).toHaveLength(1);
    rmSync(join(live.dir, 'manager-pin.json'));

    const nextTraining = setup(); // training's ledger is a fresh one at every start
    const ops = storeOps(nextTraining.ledger, live.dir, live.ledger);
    expect(ops.manager.status().pin).toBe('missing');
  });
});
