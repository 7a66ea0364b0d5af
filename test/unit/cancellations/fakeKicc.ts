import type { CancelRequest, NetCancelRequest } from '../../../shared/kicc/types';
import type { KiccClass, KiccOutcome } from '../../../electron/kicc/outcome';
import type { KiccPort } from '../../../electron/cancellations/exchange';
import { cancelBody, netCancelBody } from '../../../electron/kicc/body';

/**
 * A scripted KICC for unit tests of the state machine: each call takes the next class from its
 * endpoint's script (default 'ok') and answers like the real client would (codes from
 * KICC-API.md's placeholder table). `hold()` keeps calls pending until `release()`.
 */
const CODE: Partial<Record<KiccClass, string>> = {
  ok: '0000',
  rejected: 'S001',
  'already-cancelled': 'S002',
  duplicate: 'S005',
  'not-found': 'S006',
  landed: 'S007',
  retryable: 'S999',
};

export interface FakeCall {
  kind: 'cancel' | 'net-cancel';
  req: CancelRequest | NetCancelRequest;
  class: KiccClass;
}

/** KICC's answer of class `cls` to `req`, as the real client reports it (placeholder codes). */
export function fakeOutcome(
  kind: 'cancel' | 'net-cancel',
  req: CancelRequest | NetCancelRequest,
  cls: KiccClass,
  at: number,
): KiccOutcome {
  const code = CODE[cls];
  const body =
    kind === 'cancel' ? cancelBody(req as CancelRequest) : netCancelBody(req as NetCancelRequest);
  const exchange = {
    endpoint: kind === 'cancel' ? ('cancel' as const) : ('netCancel' as const),
    path: kind === 'cancel' ? '/smpy/kiccpay/reqCancel' : '/smpy/kiccpay/reqRtran',
    mercTrxNo: req.mercTrxNo,
    requestBody: body,
    sentAt: at,
    endedAt: at,
  };
  if (code === undefined) {
    return {
      class: cls,
      message: `fake ${cls}`,
      exchange: { ...exchange, ...(cls === 'auth' ? { httpStatus: 401 } : {}), error: cls },
    };
  }
  const response = {
    respCd: code,
    respMsg: `fake ${cls}`,
    mercTrxNo: req.mercTrxNo,
    ...(cls === 'ok'
      ? {
          aprvNo: '12345678',
          cndDt: '20240105',
          cndTm: '101500',
          vanTrxNo: 'V00000000001',
          cardConfirmNo: '1234-56**-****-1234',
          issFmNm: 'KB',
        }
      : {}),
    extra: {},
  };
  return {
    class: cls,
    code,
    message: response.respMsg,
    response,
    exchange: { ...exchange, httpStatus: 200, responseBody: JSON.stringify(response) },
  };
}

export function createFakeKicc(now: () => number = () => 0) {
  const scripts: Record<'cancel' | 'net-cancel', KiccClass[]> = { cancel: [], 'net-cancel': [] };
  const calls: FakeCall[] = [];
  let held: (() => void)[] | null = null;
  let heldKind: 'cancel' | 'net-cancel' | null = null;

  async function call(
    kind: 'cancel' | 'net-cancel',
    req: CancelRequest | NetCancelRequest,
  ): Promise<KiccOutcome> {
    const cls = scripts[kind].shift() ?? 'ok';
    calls.push({ kind, req, class: cls });
    if (held !== null && (heldKind === null || heldKind === kind)) {
      const gate = held;
      await new Promise<void>((resolve) => gate.push(resolve));
    }
    return fakeOutcome(kind, req, cls, now());
  }

  const port: KiccPort = {
    cancel: (req) => call('cancel', req),
    netCancel: (req) => call('net-cancel', req),
  };

  return {
    port,
    calls,
    /** the classes the next calls of `kind` answer with, in order */
    script(kind: 'cancel' | 'net-cancel', classes: KiccClass[]): void {
      scripts[kind].push(...classes);
    },
    /** keeps the next calls (of `kind` only, when given) pending until release() */
    hold(kind?: 'cancel' | 'net-cancel'): void {
      held = [];
      heldKind = kind ?? null;
    },
    release(): void {
      const gate = held ?? [];
      held = null;
      heldKind = null;
      for (const resolve of gate) resolve();
    },
    pending: (): number => held?.length ?? 0,
  };
}

export type FakeKicc = ReturnType<typeof createFakeKicc>;
