import type { z } from 'zod';
import {
  SHELL_ERROR,
  channels,
  invalidRequest,
  posError,
  resultSchema,
} from '../../shared/contract';
import type { ChannelName, PosResult } from '../../shared/contract';
import type { KnownSecrets } from '../log/known-secrets';
import { secretValuesOf } from '../log/known-secrets';
import type { ShellLog } from '../log/shell-log';
import type { HandlerTable } from './handlers';
import { isTrustedSender } from './sender';
import type { SenderFrame, TrustedOrigin } from './sender';

/**
 * The one path every IPC call takes (DESIGN.md "ipc: validate sender + payload (zod) → service
 * call → Result"):
 *   1. sender: the app's own main frame only (Electron checklist 17);
 *   2. payload: the contract's request schema; refused → typed error, NOTHING is called;
 *   3. handler; a throw is a bug → logged, the page gets a generic `internal` error with no
 *      detail (no secrets, no stack, no paths);
 *   4. answer: the contract's response schema; fields it does not name are stripped, so a
 *      service can never hand the page something by accident (e.g. a credential);
 *   5. last net: no string in the answer may contain a stored secret value (DESIGN.md
 *      "Secrets never leave the main process"), wherever it came from.
 */
export type Dispatch = (
  channel: ChannelName,
  frame: SenderFrame | null | undefined,
  args: readonly unknown[],
) => Promise<PosResult<unknown>>;

export interface DispatchOptions {
  trustedOrigin: TrustedOrigin;
  log: ShellLog;
  /** the stored secret values; an answer that contains one is replaced by `internal` */
  secrets?: () => readonly string[];
  /**
   * Runs the handler while the request's own secrets (values under secret-named keys: a PIN, a
   * SecretKey being saved) are known to the log's redactor (../log/known-secrets.ts).
   */
  during?: KnownSecrets['during'];
}

export const forbiddenSender = () =>
  posError(
    SHELL_ERROR.forbiddenSender,
    '허용되지 않은 화면에서 온 요청입니다.',
    'This request did not come from the app’s own screen.',
  );

export const internalError = () =>
  posError(
    SHELL_ERROR.internal,
    '프로그램 오류로 처리하지 못했습니다. 다시 시도하고, 계속되면 관리자에게 알려 주세요.',
    'The app hit an internal error. Try again; if it persists, tell the manager.',
  );

const wrongArguments = () =>
  posError(
    SHELL_ERROR.invalidRequest,
    '요청 내용이 올바르지 않습니다. 아무 것도 처리되지 않았습니다.',
    'The request is not valid. Nothing was done.',
  );

export function createDispatch(handlers: HandlerTable, options: DispatchOptions): Dispatch {
  const answers = new Map<ChannelName, z.ZodType>();
  for (const name of Object.keys(channels) as ChannelName[]) {
    answers.set(name, resultSchema(channels[name].response));
  }
  const { log } = options;

  return async (channel, frame, args) => {
    if (!isTrustedSender(frame, options.trustedOrigin)) {
      log.warn('ipc: call refused, untrusted sender', { channel, frame: describeFrame(frame) });
      return { ok: false, error: forbiddenSender() };
    }
    // The preload sends exactly one argument; anything else did not come through createPosApi.
    if (args.length !== 1) return { ok: false, error: wrongArguments() };
    const parsed = (channels[channel].request as z.ZodType).safeParse(args[0]);
    if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error) };
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const during = options.during ?? ((_secrets, work) => work());
    // the request's secrets stay known until a throw is logged: its message may quote them
    const ran = await during(secretValuesOf(parsed.data), async () => {
      try {
        return { answer: await handler(parsed.data) };
      } catch (error) {
        log.error('ipc: handler threw', { channel, error });
        return null;
      }
    });
    if (ran === null) return { ok: false, error: internalError() };
    const { answer } = ran;
    const checked = (answers.get(channel) as z.ZodType).safeParse(answer);
    if (!checked.success) {
      // Paths and codes only: the values may hold anything, including data we must not log.
      const issues = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.code}`);
      log.error('ipc: handler answered outside the contract', { channel, issues });
      return { ok: false, error: internalError() };
    }
    const secrets = (options.secrets?.() ?? []).filter((s) => s.length >= 6);
    if (secrets.length > 0 && containsAny(checked.data, secrets)) {
      log.error('ipc: answer held a stored secret; withheld', { channel });
      return { ok: false, error: internalError() };
    }
    return checked.data as PosResult<unknown>;
  };
}

/** Walks the strings of a (parsed, acyclic) answer; stops at the first hit. */
function containsAny(value: unknown, needles: readonly string[]): boolean {
  if (typeof value === 'string') return needles.some((needle) => value.includes(needle));
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsAny(item, needles));
  return Object.values(value).some((item) => containsAny(item, needles));
}

function describeFrame(frame: SenderFrame | null | undefined): string {
  if (!frame) return 'none';
  const main = frame.isMainFrame ? 'main' : 'sub';
  return `${main} ${String(frame.url).slice(0, 100)}`;
}
