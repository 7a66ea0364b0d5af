import type { Page } from 'playwright-core';
import type { ChannelName, EventName } from '../../../shared/contract/channels';
import { buildPageBridge } from './build';

/**
 * The test process's side of `window.pos`: what the main process does in the app (answer each
 * channel, push events), done by a backend running real services (./backend.ts).
 */
export interface DeskBackend {
  /** one channel call, answered with the contract's Result */
  invoke(channel: ChannelName, payload: unknown): Promise<unknown>;
  /** main's pushed events */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

export interface Bridged {
  /** every call the page made, in order (for "one cancellation" assertions) */
  calls: { channel: ChannelName; payload: unknown }[];
  stop(): void;
}

export async function bridgePos(page: Page, backend: DeskBackend): Promise<Bridged> {
  const calls: Bridged['calls'] = [];
  await page.exposeBinding(
    '__posInvoke',
    async (_source, channel: ChannelName, payload: unknown) => {
      calls.push({ channel, payload });
      return backend.invoke(channel, payload);
    },
  );
  await page.addInitScript({ content: await buildPageBridge() });
  const stop = backend.subscribe((event, payload) => {
    page
      .evaluate(
        ([name, body]) => {
          const bridge = globalThis as unknown as { __posEmit?: (e: string, p: unknown) => void };
          bridge.__posEmit?.(name as string, body);
        },
        [event, payload] as const,
      )
      // The page may be navigating or closed; the next event or a refresh catches it up.
      .catch(() => undefined);
  });
  return { calls, stop };
}
