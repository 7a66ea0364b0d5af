import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../../../electron/ledger/ledger';
import type { NewCancellation } from '../../../electron/ledger/cancellations';
import type { CancellationState, NewReceipt } from '../../../electron/ledger/types';

/** A fresh directory for one test's ledger, on tmpfs when the machine has one (fast fsync). */
export function tempDir(prefix = 'ledger-'): { dir: string; remove: () => void } {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempLedger(): { ledger: Ledger; file: string; dir: string; remove: () => void } {
  const { dir, remove } = tempDir();
  const file = join(dir, 'ledger.sqlite');
  const ledger = openLedger(file);
  return {
    ledger,
    file,
    dir,
    remove: () => {
      ledger.close();
      remove();
    },
  };
}

let serial = 0;

/** A receipt as KICC's simulator would issue it; each call a different original. */
export function sampleReceipt(overrides: Partial<NewReceipt> = {}): NewReceipt {
  serial += 1;
  const n = String(serial).padStart(8, '0');
  return {
    vanTrxNo: `V${n}000`.slice(0, 12),
    mercTrxNo: `ORD_${n}`,
    aprvNo: n,
    aprvDt: '20240105',
    aprvTm: '101500',
    trxAmt: 10000,
    vatAmt: 909,
    svcAmt: 0,
    alotMonth: '00',
    issuerName: 'KB Kookmin Card',
    issuerCode: null,
    cardMasked: '1234-56**-****-4321',
    source: 'imported',
    ...overrides,
  };
}

/** A cancellation row of receipt `receiptId` in `state`, as the ledger tests insert one. */
export function sampleCancellation(
  receiptId: number,
  state: CancellationState,
  cndTrxNo = 'V1',
): NewCancellation {
  return {
    receiptId,
    clientRequestId: null,
    state,
    requestedBy: 'c',
    approvedBy: null,
    reason: null,
    target: {
      wcc: 'T',
      cndTrxNo,
      trxAmt: 1,
      vatAmt: 0,
      svcAmt: 0,
      alotMonth: '00',
      orgAprvDt: '20240101',
      orgAprvNo: '1',
    },
  };
}
