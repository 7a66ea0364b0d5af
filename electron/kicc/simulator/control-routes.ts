import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ApproveInput } from './approve-from-code';
import type { FaultPlan, FaultSpec } from './faults';
import { FAULT_KINDS, faultSpecProblem } from './faults';
import { readBody, sendEmpty, sendJson } from './http-io';
import type { LedgerView } from './ledger';
import type { SampleReceipt } from './samples';
import type { SimOriginal } from './types';
import type { Result } from '../../../shared/result';

/**
 * The simulator's own control path, under /__sim/ (a prefix KICC's /smpy/... paths can never
 * collide with). It needs no KICC signature: it is for the trainer, the test runner and the
 * e2e harness. It is safe because the server listens on 127.0.0.1 only, and because a web page
 * cannot reach it through the user's browser either: requests carrying an Origin header (every
 * cross-origin fetch and form POST) are refused, and so is a Host other than 127.0.0.1/localhost
 * on our port (DNS rebinding).
 *
 *   GET  /__sim/health   liveness, the simulator's clock and settings
 *   GET  /__sim/ledger   originals, cancellations, net-cancels, every request seen
 *   GET  /__sim/samples  the training sample receipts as they stand
 *   GET  /__sim/faults   the faults still due
 *   POST /__sim/faults   {"action":"inject"|"probability"|"clear"|"refuse", ...}
 *   POST /__sim/approve  an original from ApproveInput fields (JSON)
 *   POST /__sim/reset    back to the start state (same seed, samples again)
 */
export interface ControlDeps {
  port: () => number;
  health: () => Record<string, unknown>;
  ledger: LedgerView;
  samples: () => SampleReceipt[];
  faults: {
    inject(spec: FaultSpec & { count?: number }): void;
    setProbability(spec: FaultSpec & { p: number }): void;
    clear(): void;
    plan(): FaultPlan;
    refuse(options: { forMs: number }): Promise<void>;
  };
  approve(input: ApproveInput): Result<SimOriginal, string>;
  reset(): void;
}

export const CONTROL_PREFIX = '/__sim/';

const faultFields = {
  endpoint: z.enum(['approve', 'cancel', 'netCancel', 'any']),
  kind: z.enum(FAULT_KINDS),
  commit: z.boolean().optional(),
  delayMs: z.number().int().min(0).optional(),
};

const faultAction = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('inject'),
    ...faultFields,
    count: z.number().int().min(1).optional(),
  }),
  z.object({ action: z.literal('probability'), ...faultFields, p: z.number().min(0).max(1) }),
  z.object({ action: z.literal('clear') }),
  z.object({ action: z.literal('refuse'), forMs: z.number().int().min(1).max(600_000) }),
]);

const approveInput = z
  .object({
    trxAmt: z.number(),
    vatAmt: z.number(),
    svcAmt: z.number(),
    alotMonth: z.string(),
    at: z.number(),
    mercTrxNo: z.string(),
    issFmCd: z.string(),
    tokenKey: z.string(),
    tid: z.string(),
    svcId: z.string(),
    bizrNo: z.string(),
  })
  .partial()
  .strict();

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

function fromLoopbackTool(req: IncomingMessage, port: number): boolean {
  if (req.headers.origin !== undefined) return false;
  return LOOPBACK_HOSTS.some((host) => req.headers.host === `${host}:${port}`);
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text === '' ? '{}' : text) as unknown;
  } catch {
    return undefined;
  }
}

const badRequest = (res: ServerResponse, message: string): void =>
  sendJson(res, 400, JSON.stringify({ error: message }));

export async function handleControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: ControlDeps,
): Promise<void> {
  const body = await readBody(req);
  if (!body.ok) return body.error === 'too-large' ? sendEmpty(res, 413) : undefined;
  if (!fromLoopbackTool(req, deps.port())) return sendEmpty(res, 403);
  const route = `${req.method ?? ''} ${path.slice(CONTROL_PREFIX.length)}`;
  const reply = (value: unknown): void => sendJson(res, 200, JSON.stringify(value));
  const json = parseJsonBody(body.value.toString('utf8'));

  switch (route) {
    case 'GET health':
      return reply(deps.health());
    case 'GET ledger':
      return reply({
        originals: deps.ledger.originals(),
        cancellations: deps.ledger.cancellations(),
        netCancels: deps.ledger.netCancels(),
        requests: deps.ledger.requests(),
      });
    case 'GET samples':
      return reply(deps.samples());
    case 'GET faults':
      return reply(deps.faults.plan());
    case 'POST faults': {
      const parsed = faultAction.safeParse(json);
      if (!parsed.success) return badRequest(res, z.prettifyError(parsed.error));
      const action = parsed.data;
      if (action.action === 'refuse') {
        // Answer first and let it reach the socket: the listener is about to close, and this
        // connection with it.
        const sent = new Promise<void>((resolve) => res.once('finish', () => resolve()));
        reply({ ok: true });
        await sent;
        await deps.faults.refuse({ forMs: action.forMs });
        return;
      }
      if (action.action === 'clear') deps.faults.clear();
      else {
        const { action: _action, ...spec } = action;
        const problem = faultSpecProblem(spec);
        if (problem !== undefined) return badRequest(res, problem);
        if ('p' in spec) deps.faults.setProbability(spec);
        else deps.faults.inject(spec);
      }
      return reply({ ok: true, plan: deps.faults.plan() });
    }
    case 'POST approve': {
      const parsed = approveInput.safeParse(json);
      if (!parsed.success) return badRequest(res, z.prettifyError(parsed.error));
      const made = deps.approve(parsed.data);
      return made.ok ? reply(made.value) : badRequest(res, made.error);
    }
    case 'POST reset':
      deps.reset();
      return reply({ ok: true });
    default:
      return sendEmpty(res, 404);
  }
}
