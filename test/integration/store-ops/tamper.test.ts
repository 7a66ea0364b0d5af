import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IntegrityStatus } from '../../../shared/contract/manager-models';
import { auditEventHash } from '../../../electron/audit/chain';
import type { AuditEventRow } from '../../../electron/audit/chain';
import { openLedgerDb } from '../../../electron/ledger/open';
import { fakeSafeStorage } from '../../shell/fixtures/shell-stack';
import { LIVE_CREDENTIALS, LIVE_IDS, PIN, deadHttpsAddress, newTill, useTills } from './till';
import type { Till, TillStart } from './till';

/**
 * Issue 11 finding 3, as the attacks: "Every control rests on files the cashier's account can
 * write: settings.json (limit, API address) is taken at start without a trace; the PIN file's
 * lock-out counters can be reset by hand …; the audit chain is unkeyed, so dropping its
 * triggers, deleting an event and rehashing verifies ok again." Each attack is done to the data
 * folder between two starts, with the tools a cashier has (a text editor, an SQLite tool).
 */
const clock = { now: () => Date.now() };
const tills = useTills(clock);
const restart = tills.restart;
const stop = tills.stop;

/** A live till: PIN, settings, credentials; the recovery code the manager kept. */
async function liveTill(): Promise<{ t: Till; recoveryCode: string; apiBaseUrl: string }> {
  const t = tills.create();
  const first = await restart(t);
  const setup = await first.call('manager.setupPin', { pin: PIN, confirmation: PIN });
  const recoveryCode = (setup as { value: { recoveryCode: string } }).value.recoveryCode;
  const apiBaseUrl = await deadHttpsAddress();
  await first.call('settings.update', { apiBaseUrl, ...LIVE_IDS });
  await first.call('credentials.set', LIVE_CREDENTIALS);
  const live = await restart(t);
  expect(await live.call('app.info', {})).toMatchObject({ value: { mode: 'live' } });
  await stop();
  return { t, recoveryCode, apiBaseUrl };
}

/** A cashier asks to cancel `amount` won on a receipt of that amount: what main answers. */
async function cancelAsCashier(start: TillStart, amount: number, van: string) {
  const vat = Math.floor(amount / 11);
  const receipt = start.engine.services.addReceipt(
    {
      vanTrxNo: van,
      aprvNo: '55500001',
      aprvDt: '20240105',
      alotMonth: '00',
      trxAmt: amount,
      vatAmt: vat,
      svcAmt: 0,
    },
    { source: 'imported' },
  );
  if (!receipt.ok) throw new Error(receipt.error.code);
  return start.call('cancellations.request', {
    clientRequestId: randomUUID(),
    receiptId: receipt.value.id,
    trxAmt: amount,
    vatAmt: vat,
    svcAmt: 0,
    reason: '고객 요청',
  });
}

const integrityOf = async (start: TillStart): Promise<IntegrityStatus> =>
  ((await start.call('integrity.status', {})) as { value: IntegrityStatus }).value;

function editJson(file: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}

describe('finding 3: settings.json edited by hand', () => {
  it('is detected at start, put back, audited, shown; the manager may apply it, audited', async () => {
    const { t } = await liveTill();
    editJson(join(t.dataDir, 'settings.json'), (json) => {
      (json.limits as { cashierMaxAmount: number }).cashierMaxAmount = 99_000_000;
    });

    const next = await restart(t);
    // the limit the engine works with, and the one the screens show, is the manager's
    expect(await next.call('settings.get', {})).toMatchObject({
      value: { limits: { cashierMaxAmount: 300_000 } },
    });
    expect(await cancelAsCashier(next, 5_000_000, 'V55500000001')).toMatchObject({
      ok: false,
      error: { code: 'needs-manager' },
    });

    // shown to anyone (the cashier sees why), confirmed by a manager
    const status = await integrityOf(next);
    expect(status.findings).toEqual([
      expect.objectContaining({
        kind: 'settings-changed',
        canApply: true,
        changes: [{ key: 'limits.cashierMaxAmount', sealed: 300_000, found: 99_000_000 }],
        message: expect.objectContaining({ ko: expect.stringContaining('설정 파일') }),
      }),
    ]);
    const finding = status.findings[0] as IntegrityStatus['findings'][number];
    expect(await next.call('integrity.confirm', { id: finding.id, apply: true })).toMatchObject({
      ok: false,
      error: { code: 'not-manager' },
    });
    await next.login(PIN);
    expect(await next.call('integrity.confirm', { id: finding.id, apply: true })).toMatchObject({
      ok: true,
      value: { findings: [] },
    });
    expect(await next.call('settings.get', {})).toMatchObject({
      value: { limits: { cashierMaxAmount: 99_000_000 } },
    });
    await stop();

    const events = t.liveAudit();
    const found = events.find((e) => e.kind === 'integrity.finding');
    expect(JSON.parse(found?.details ?? '{}')).toMatchObject({
      finding: 'settings-changed',
      changes: [{ key: 'limits.cashierMaxAmount', sealed: 300_000, found: 99_000_000 }],
    });
    const kinds = events.map((e) => e.kind);
    expect(kinds.slice(kinds.indexOf('integrity.finding'))).toEqual(
      expect.arrayContaining(['manager.login', 'settings.changed', 'integrity.confirmed']),
    );
    // confirmed: the next start finds nothing
    const after = await restart(t);
    expect((await integrityOf(after)).findings).toEqual([]);
  });

  it('an API address changed by hand never reaches the engine', async () => {
    const { t, apiBaseUrl } = await liveTill();
    const evil = await deadHttpsAddress();
    editJson(join(t.dataDir, 'settings.json'), (json) => {
      json.apiBaseUrl = evil;
    });
    const next = await restart(t);
    // put back before the mode was decided: live, with the manager's address
    expect(await next.call('app.info', {})).toMatchObject({ value: { mode: 'live' } });
    expect(next.settings.current().apiBaseUrl).toBe(apiBaseUrl);
    expect((await integrityOf(next)).findings).toEqual([
      expect.objectContaining({
        kind: 'settings-changed',
        changes: [{ key: 'apiBaseUrl', sealed: apiBaseUrl, found: evil }],
      }),
    ]);
  });
});

describe('finding 3: manager-pin.json edited by hand', () => {
  it('lock-out counters reset by hand: the file is not used; the recovery code sets a new PIN', async () => {
    const { t, recoveryCode } = await liveTill();
    const live = await restart(t);
    for (const wrong of ['1357', '2468', '9753', '8642']) {
      expect(await live.call('manager.login', { pin: wrong })).toMatchObject({ ok: false });
    }
    expect(await live.call('manager.status', {})).toMatchObject({ value: { triesLeft: 1 } });
    await stop();

    editJson(join(t.dataDir, 'manager-pin.json'), (json) => {
      json.failures = 0; // five fresh guesses, or so the cashier hopes
      json.lockedUntil = null;
    });
    const next = await restart(t);
    expect(await next.call('manager.status', {})).toMatchObject({
      value: { pin: 'changed', role: 'cashier', triesLeft: null },
    });
    expect(await next.call('manager.login', { pin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'changed' },
    });
    expect((await integrityOf(next)).findings.map((f) => f.kind)).toEqual(['pin-file-changed']);
    expect(
      await next.call('manager.setupPin', { pin: '739146', confirmation: '739146', recoveryCode }),
    ).toMatchObject({ ok: true, value: { pin: 'ready', role: 'manager' } });
    await stop();
    const kinds = t.liveAudit().map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['integrity.finding', 'manager.pin_reset_with_recovery_code']),
    );
  });

  it('a hash replaced by one of a PIN the cashier knows: not used either', async () => {
    const { t } = await liveTill();
    // the cashier's own install, where they set a PIN they know, and its file copied over
    const own = newTill(clock);
    const ownStart = await own.start();
    await ownStart.call('manager.setupPin', { pin: '582936', confirmation: '582936' });
    await ownStart.stop();
    writeFileSync(
      join(t.dataDir, 'manager-pin.json'),
      readFileSync(join(own.dataDir, 'manager-pin.json')),
    );
    own.remove();
    const next = await restart(t);
    expect(await next.call('manager.login', { pin: '582936' })).toMatchObject({
      ok: false,
      error: { code: 'changed' },
    });
  });

  it('the app’s own writes never trip the seal, across restarts', async () => {
    const { t } = await liveTill();
    for (let i = 0; i < 3; i += 1) {
      const start = await restart(t);
      await start.call('manager.login', { pin: '1357' });
      await start.login(PIN);
      await start.call('settings.update', { storeName: `가게 ${i}` });
      await start.call('mode.switch', { to: i % 2 === 0 ? 'training' : 'live' });
    }
    const last = await restart(t);
    expect((await integrityOf(last)).findings).toEqual([]);
    expect(await last.call('manager.status', {})).toMatchObject({ value: { pin: 'ready' } });
  });
});

describe('finding 3: the audit chain rewritten', () => {
  it('triggers dropped, an event deleted, the chain rehashed: verify says intact, the seal does not', async () => {
    const { t } = await liveTill();
    const file = join(t.dataDir, 'live', 'ledger.sqlite');
    // the attack, with an SQLite tool: remove event #2, renumber and rehash everything after it
    const db = openLedgerDb(file);
    db.exec(`DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;
             DROP TRIGGER audit_events_in_sequence;`);
    const rows = db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as unknown as (Omit<
      AuditEventRow,
      'prevHash'
    > & { prev_hash: string })[];
    expect(rows.length).toBeGreaterThan(3);
    db.exec('DELETE FROM audit_events');
    let prevHash = '0'.repeat(64);
    const insert = db.prepare(
      `INSERT INTO audit_events (seq, at, actor, kind, subject, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    rows
      .filter((row) => row.seq !== 2)
      .forEach((row, i) => {
        const facts = { ...row, seq: i + 1 };
        const hash = auditEventHash(prevHash, facts);
        insert.run(
          facts.seq,
          row.at,
          row.actor,
          row.kind,
          row.subject,
          row.details,
          prevHash,
          hash,
        );
        prevHash = hash;
      });
    db.close();

    const next = await restart(t);
    await next.login(PIN);
    // the unkeyed chain alone cannot tell
    expect(await next.call('audit.verify', {})).toMatchObject({ value: { intact: true } });
    // the sealed head can
    const findings = (await integrityOf(next)).findings;
    expect(findings.map((f) => f.kind)).toEqual(['audit-rewritten']);
    expect(findings[0]?.message.ko).toContain('감사 기록');
    await stop();
    const recorded = t.liveAudit().filter((e) => e.kind === 'integrity.finding');
    expect(JSON.parse(recorded.at(-1)?.details ?? '{}')).toMatchObject({
      finding: 'audit-rewritten',
    });
  });
});

describe('finding 3: the seal itself removed or broken', () => {
  it('integrity.json deleted: live waits for a manager, limits capped, the PIN file not used', async () => {
    const { t } = await liveTill();
    // with a limit above the default, so the cap shows
    const live = await restart(t);
    await live.login(PIN);
    await live.call('settings.update', { limits: { cashierMaxAmount: 2_000_000 } });
    await stop();
    rmSync(join(t.dataDir, 'integrity.json'));

    const next = await restart(t);
    expect(await next.call('app.info', {})).toMatchObject({
      value: { mode: 'training', trainingReason: { ko: expect.stringContaining('관리자 확인') } },
    });
    const status = await integrityOf(next);
    expect(status.findings.map((f) => f.kind)).toEqual(['integrity-missing']);
    expect(status.liveBlockedBy).not.toBeNull();
    expect(await next.call('manager.status', {})).toMatchObject({ value: { pin: 'changed' } });
    // the engine of this start works with the default limit, whatever the file says
    expect(next.settings.current().limits.cashierMaxAmount).toBe(2_000_000);
    expect(await cancelAsCashier(next, 1_000_000, 'V55500000002')).toMatchObject({
      ok: false,
      error: { code: 'needs-manager' },
    });

    // the way back: a new PIN (the recovery code went with the seal: the credentials go too),
    // then a manager confirms the settings; the next start is live once credentials are in
    expect(
      await next.call('manager.setupPin', {
        pin: '739146',
        confirmation: '739146',
        acknowledgeLoss: true,
      }),
    ).toMatchObject({ ok: true });
    const id = status.findings[0]?.id as string;
    expect(await next.call('integrity.confirm', { id })).toMatchObject({
      ok: true,
      value: { findings: [], liveBlockedBy: null },
    });
    await next.call('credentials.set', LIVE_CREDENTIALS);
    const after = await restart(t);
    expect(await after.call('app.info', {})).toMatchObject({ value: { mode: 'live' } });
    expect((await integrityOf(after)).findings).toEqual([]);
  });

  it('a seal from another Windows account (the folder copied): unreadable, the same safe side', async () => {
    const { t } = await liveTill();
    const next = await restart(t, { safeStorage: fakeSafeStorage(true, 0x33) });
    expect((await integrityOf(next)).findings.map((f) => f.kind)).toEqual(['integrity-unreadable']);
    expect(await next.call('app.info', {})).toMatchObject({ value: { mode: 'training' } });
  });

  it('a first start seals quietly: nothing to confirm', async () => {
    const t = tills.create();
    const first = await restart(t);
    expect(await integrityOf(first)).toEqual({ sealed: true, findings: [], liveBlockedBy: null });
    await stop();
    expect(t.liveAudit().map((e) => e.kind)).toContain('integrity.established');
  });
});
