import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cancellation, ModeStatus, Receipt, SlipView } from '../../../shared/contract';
import { kstDateTime } from '../../../shared/kicc/time';
import { TRAINING_STORE_NAME } from '../../../electron/desk-engine';
import { DEFAULT_SETTINGS } from '../../../electron/settings/schema';
import { createModePreferenceStore, decideStartMode } from '../../../electron/store-ops/mode';
import { createRealStack } from '../../shell/fixtures/real-stack';
import type { RealStack } from '../../shell/fixtures/real-stack';

/**
 * Issue 6 "Training mode": the first start with no configuration at all is training, works end
 * to end, says so, keeps its data apart, and going live needs the manager.
 */
let stack: RealStack;
beforeAll(async () => {
  stack = await createRealStack(); // DEFAULT_SETTINGS, no credentials: a fresh install
});
afterAll(() => stack.close());

const modeStatus = async (): Promise<ModeStatus> => {
  const answer = await stack.call('mode.status', {});
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as ModeStatus;
};

describe('training mode on a first start with no configuration', () => {
  it('is training, says why, and keeps its ledger apart from live', async () => {
    expect(await stack.call('app.info', {})).toMatchObject({
      ok: true,
      value: { mode: 'training', trainingReason: { ko: expect.stringContaining('인증 정보') } },
    });
    expect(stack.engine.simulator).not.toBeNull();
    const ledgerFile = stack.engine.services.ledger.db.name;
    expect(ledgerFile).toContain(join('training', 'ledger.sqlite'));
    // the live ledger holds the install-wide audit log only (issue 11): no receipt, no
    // cancellation of training ever goes there
    const live = stack.engine.installLedger;
    expect(live.db.name).toBe(join(dirname(dirname(ledgerFile)), 'live', 'ledger.sqlite'));
    expect(existsSync(live.db.name)).toBe(true);
    expect(live.db.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 0 });
    expect(live.db.prepare('SELECT count(*) AS n FROM cancellations').get()).toEqual({ n: 0 });
    expect(await modeStatus()).toEqual({
      mode: 'training',
      modeAfterRestart: 'training',
      preference: 'auto',
      restartRequired: false,
      liveBlockedBy: { ko: expect.any(String), en: 'KICC credentials are not entered yet' },
    });
  });

  it('asks for a manager PIN first, and a cashier can already cancel a sample receipt', async () => {
    expect(await stack.call('manager.status', {})).toMatchObject({
      ok: true,
      value: { pin: 'not-set', role: 'cashier' },
    });
    const found = await stack.call('receipts.lookup', {
      by: 'amount',
      from: kstDateTime(Date.now() - 86_400_000).date,
      to: kstDateTime(Date.now()).date,
      amount: 12_000,
    });
    const receipt = (found as { value: { receipts: Receipt[] } }).value.receipts[0] as Receipt;
    const answer = await stack.call('cancellations.request', {
      clientRequestId: randomUUID(),
      receiptId: receipt.id,
      trxAmt: receipt.trxAmt,
      vatAmt: receipt.vatAmt,
      svcAmt: receipt.svcAmt,
      reason: '교육',
    });
    expect(answer).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    const slip = await stack.call('slips.get', {
      id: (answer as { value: Cancellation }).value.id,
    });
    expect(JSON.stringify((slip as { value: SlipView }).value.lines)).toContain(
      TRAINING_STORE_NAME,
    );
  });

  it('cannot test the connection or go live before a manager configures it', async () => {
    expect(await stack.call('mode.switch', { to: 'live' })).toMatchObject({
      ok: false,
      error: { code: 'not-manager' },
    });
    await stack.becomeManager();
    expect(await stack.call('connection.test', {})).toMatchObject({
      ok: true,
      value: { result: 'not-configured' },
    });
  });

  it('with live settings and credentials saved, the next start is live, unless the manager chose training', async () => {
    await stack.becomeManager();
    expect(
      await stack.call('settings.update', {
        apiBaseUrl: 'https://pg.example.kicc.co.kr',
        terminalId: 'T987654321',
        serviceId: 'SVC0000001',
        businessNumber: '2208162517',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await stack.call('credentials.set', {
        channelId: 'LIVE-CHANNEL-01',
        secretKey: 'live-secret-key-0001',
      }),
    ).toMatchObject({ ok: true, value: { modeAfterRestart: 'live' } });
    expect(await modeStatus()).toMatchObject({
      mode: 'training',
      modeAfterRestart: 'live',
      restartRequired: true,
    });

    expect(await stack.call('mode.switch', { to: 'training' })).toMatchObject({
      ok: true,
      value: { preference: 'training', modeAfterRestart: 'training', restartRequired: false },
    });
    // what main decides at the next start, from the same files
    const preference = createModePreferenceStore(join(stack.dataDir, 'mode.json')).load();
    expect(
      decideStartMode(
        { ...DEFAULT_SETTINGS, ...stack.settings.get() },
        { ok: true, value: { channelId: 'x', secretKey: 'y' } },
        preference,
      ),
    ).toMatchObject({ mode: 'training', reason: { ko: '관리자가 교육 모드를 선택했습니다' } });

    expect(await stack.call('mode.switch', { to: 'live' })).toMatchObject({
      ok: true,
      value: { preference: 'auto', modeAfterRestart: 'live' },
    });
    // install-wide: in the live log, which training's wipe never touches (issue 11)
    const kinds = stack.engine.installLedger.audit.list({ kind: 'mode.switched' });
    expect(kinds).toHaveLength(2);
    expect(stack.engine.services.ledger.audit.list({ kind: 'mode.switched' })).toEqual([]);
  });
});
