import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../shared/clock';
import type { CancelRequest } from '../../../shared/kicc/types';
import { createKiccClient } from '../../../electron/kicc/client';
import { openLedger } from '../../../electron/ledger/ledger';
import { openLedgerDb } from '../../../electron/ledger/open';
import { SEED_REQUEST_EXAMPLE, SEED_RESPONSE_EXAMPLE } from '../../fixtures/seed-examples';
import { createRealStack } from '../../shell/fixtures/real-stack';
import type { RealStack } from '../../shell/fixtures/real-stack';
import { sampleReceipt, tempDir } from '../../unit/ledger/tmpLedger';
import { httpAnswer, startRawStub } from '../kicc-client/stub-servers';
import type { StubServer } from '../kicc-client/stub-servers';

/**
 * Issue 11 finding 6, as the attack: "a receipt typed by hand may store a full card number
 * (`*4111111111111111` passes the card-number rule; one hidden digit is recovered by Luhn) and
 * it is shown raw on screens". Card numbers are masked at the door: at most the first 6 and the
 * last 4 digits are ever stored or shown, KICC's cardConfirmNo too, and a ledger written by an
 * earlier version is masked by a migration.
 */
const FULL_PAN = '4111111111111111';

/** No run of 5+ hidden-free digits beyond first 6 / last 4: at most 10 digits in all. */
const digitsOf = (text: string): number => text.replace(/[^0-9]/g, '').length;

/** A paper receipt as the cashier types it, with what they typed as the card. */
const paperReceipt = (cndTrxNo: string, cardConfirmNo: string) => ({
  orgAprvDt: '20240105',
  orgAprvNo: '12345678',
  wcc: 'T',
  cndTrxNo,
  alotMonth: '00',
  trxAmt: 10_000,
  vatAmt: 909,
  svcAmt: 0,
  cardConfirmNo,
});

let stack: RealStack | undefined;
const stubs: StubServer[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  for (const stub of stubs.splice(0)) await stub.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('finding 6: a full card number typed on a paper receipt', () => {
  it('is stored and shown as first 6 / last 4 at most, never in full', async () => {
    stack = await createRealStack();
    const added = await stack.call('receipts.add', paperReceipt('V99887766554', `*${FULL_PAN}`));
    expect(added).toMatchObject({ ok: true });
    const shown = (added as { ok: true; value: { cardConfirmNo?: string } }).value.cardConfirmNo;
    expect(shown).toBe('*41111*******1111');

    const found = await stack.call('receipts.lookup', { by: 'number', query: 'V99887766554' });
    expect(JSON.stringify(found)).not.toContain('41111111');
    const stored = stack.engine.services.ledger.db
      .prepare('SELECT card_masked, card_last4 FROM receipts WHERE van_trx_no = ?')
      .get('V99887766554') as { card_masked: string; card_last4: string };
    expect(digitsOf(stored.card_masked)).toBeLessThanOrEqual(10);
    expect(stored.card_masked).not.toContain('1111111');
    // the last four still find it by amount and card digits
    expect(stored.card_last4).toBe('1111');
  });

  it.each([
    ['one digit hidden (Luhn gives it back)', '41111111111*1111', '411111******1111'],
    ['dashed, one digit hidden', '4111-1111-1111-111*', '4111-11**-****-111*'],
    ['already masked as KICC prints it', '1234-56**-****-1234', '1234-56**-****-1234'],
  ])('%s', async (_name, typed, expected) => {
    stack = await createRealStack();
    const added = await stack.call('receipts.add', paperReceipt('V99887766555', typed));
    expect(added).toMatchObject({ ok: true, value: { cardConfirmNo: expected } });
  });
});

describe('finding 6: KICC’s cardConfirmNo', () => {
  it('is masked in the outcome and in the raw answer kept as evidence', async () => {
    const answer = SEED_RESPONSE_EXAMPLE.replace('1234-56**-****-1234', FULL_PAN);
    const stub = await startRawStub((_req, socket) => socket.write(httpAnswer(200, answer)));
    stubs.push(stub);
    const client = createKiccClient({
      baseUrl: stub.url,
      credentials: () => ({ channelId: 'CH-CARD-01', secretKey: 'card-test-secret-key' }),
      clock: systemClock,
    });
    const outcome = await client.cancel(JSON.parse(SEED_REQUEST_EXAMPLE) as CancelRequest);
    await client.close();
    expect(outcome.class).toBe('ok');
    expect(outcome.response?.cardConfirmNo).toBe('411111******1111');
    expect(outcome.exchange.responseBody).toContain('"cardConfirmNo": "411111******1111"');
    expect(JSON.stringify(outcome)).not.toContain(FULL_PAN);
    // every other field is kept byte for byte
    expect(outcome.exchange.responseBody).toBe(answer.replace(FULL_PAN, '411111******1111'));
  });
});

describe('finding 6: a ledger written by an earlier version', () => {
  it('has its stored card numbers masked by the migration', () => {
    const t = tempDir('card-migration-');
    cleanups.push(t.remove);
    const file = join(t.dir, 'ledger.sqlite');
    const first = openLedger(file);
    const receipt = first.receipts.insert(sampleReceipt(), 1);
    const db = first.db;
    // what an earlier version could store: full numbers in every place a card number lives
    db.prepare('UPDATE receipts SET card_masked = ? WHERE id = ?').run(`*${FULL_PAN}`, receipt.id);
    db.prepare(
      `INSERT INTO cancellations (receipt_id, state, requested_by, wcc, cnd_trx_no, trx_amt,
         vat_amt, svc_amt, alot_month, org_aprv_dt, org_aprv_no, created_at, updated_at,
         card_confirm_no)
       VALUES (?, 'cancelled', 'cashier', 'T', 'V1', 1000, 90, 0, '00', '20240105', '1', 1, 1, ?)`,
    ).run(receipt.id, FULL_PAN);
    db.prepare(
      `INSERT INTO attempts (cancellation_id, kind, merc_trx_no, body, sent_at, state,
         response_body)
       VALUES (1, 'cancel', 'M1', '{}', 1, 'answered', ?)`,
    ).run(`{"respCd":"0000","mercTrxNo":"4111111111111111","cardConfirmNo":"${FULL_PAN}"}`);
    db.prepare('PRAGMA user_version = 2').run();
    first.close();

    const migrated = openLedgerDb(file);
    cleanups.unshift(() => migrated.close());
    const everything = JSON.stringify([
      migrated.prepare('SELECT card_masked, card_last4 FROM receipts').all(),
      migrated.prepare('SELECT card_confirm_no FROM cancellations').all(),
    ]);
    expect(everything).not.toContain(FULL_PAN);
    expect(everything).toContain('*41111*******1111');
    expect(everything).toContain('411111******1111');
    const body = (
      migrated.prepare('SELECT response_body FROM attempts').get() as { response_body: string }
    ).response_body;
    // the card field is masked; a merchant number that happens to look like one is left alone
    expect(body).toBe(
      '{"respCd":"0000","mercTrxNo":"4111111111111111","cardConfirmNo":"411111******1111"}',
    );
  });
});
