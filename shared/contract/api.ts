import type { z } from 'zod';
import { channelNames, channels, events, isEventName } from './channels';
import type {
  ChannelInput,
  ChannelName,
  ChannelResponse,
  EventName,
  EventPayload,
} from './channels';
import { SHELL_ERROR, invalidRequest, posError, resultSchema } from './errors';
import type { PosResult } from './errors';

/**
 * How the API reaches the main process. The preload gives ipcRenderer-backed functions; tests and
 * the browser e2e give in-memory or Playwright-bridged ones. The page never sees this object
 * (Electron security checklist 20: do not expose ipcRenderer or channel names).
 */
export interface PosTransport {
  invoke(channel: ChannelName, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type GroupOf<C> = C extends `${infer G}.${string}` ? G : never;
type MethodOf<C, G extends string> = C extends `${G}.${infer M}` ? M : never;

/** A channel as a function. Channels whose request is all-optional may be called with nothing. */
export type PosCall<C extends ChannelName> =
  Record<string, never> extends ChannelInput<C>
    ? (request?: ChannelInput<C>) => Promise<PosResult<ChannelResponse<C>>>
    : (request: ChannelInput<C>) => Promise<PosResult<ChannelResponse<C>>>;

/** `window.pos`: `pos.receipts.lookup({...})`, `pos.on('queue.summary', fn)`. */
export type PosApi = {
  readonly [G in GroupOf<ChannelName>]: {
    readonly [C in ChannelName as MethodOf<C, G>]: PosCall<C>;
  };
} & {
  /** Listen to a main-process event; returns the function that stops listening. */
  readonly on: <E extends EventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ) => () => void;
};

const unavailable = () =>
  posError(
    SHELL_ERROR.unavailable,
    '프로그램 내부 연결에 실패했습니다. 프로그램을 다시 시작해 주세요.',
    'The app could not reach its main process. Please restart the app.',
  );

const invalidResponse = () =>
  posError(
    SHELL_ERROR.invalidResponse,
    '프로그램 내부 응답이 올바르지 않습니다. 관리자에게 알려 주세요.',
    'The app answered in an unexpected form. Please tell the manager.',
  );

/**
 * The one way to build `window.pos` (DESIGN.md "preload: contextBridge, one function per
 * contract channel"). Requests are checked against the contract before they leave (the form
 * gets the same field errors main would give), and answers are checked when they come back.
 */
export function createPosApi(transport: PosTransport): PosApi {
  const groups: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) {
    const [group, method] = name.split('.') as [string, string];
    const requestSchema: z.ZodType = channels[name].request;
    const answerSchema: z.ZodType = resultSchema(channels[name].response);
    const call = async (request: unknown = {}): Promise<PosResult<unknown>> => {
      const parsed = requestSchema.safeParse(request);
      if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error) };
      let raw: unknown;
      try {
        raw = await transport.invoke(name, parsed.data);
      } catch {
        return { ok: false, error: unavailable() };
      }
      const answer = answerSchema.safeParse(raw);
      return answer.success
        ? (answer.data as PosResult<unknown>)
        : { ok: false, error: invalidResponse() };
    };
    (groups[group] ??= {})[method] = call;
  }

  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new TypeError(`unknown event: ${String(event)}`);
    const schema: z.ZodType = events[event];
    // A malformed push is dropped rather than handed to the screens: they trust their types.
    return transport.subscribe(event, (payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  };

  const api: Record<string, unknown> = {};
  for (const [group, methods] of Object.entries(groups)) api[group] = Object.freeze(methods);
  api.on = on;
  return Object.freeze(api) as unknown as PosApi;
}
