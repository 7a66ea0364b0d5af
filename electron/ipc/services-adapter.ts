import type { Services } from '../services';
import type { ConnectivitySignal, DeskEvent, DeskServices } from './port';

/**
 * The engine (../services.ts) seen through the IPC port (./port.ts). The engine already speaks
 * the contract's shapes (its views; its ServiceError is a PosError), so this is mostly naming.
 * Extra fields of the engine's views (who asked, notes, the attempt log) are stripped by the
 * contract's response schemas in ./dispatch.ts before anything reaches the page.
 */
export function deskServicesOf(services: Services): DeskServices {
  const later = <T>(run: () => T): Promise<T> => Promise.resolve().then(run);
  return {
    receipts: {
      lookup: (query) =>
        later(() => {
          const found = services.lookupReceipts(query);
          return found.ok ? { ok: true, value: found.value.receipts } : found;
        }),
      add: (input) => later(() => services.addReceipt(input)),
    },
    cancellations: {
      request: (input, context) => services.requestCancellation(input, context),
      get: (id) => later(() => services.getCancellation({ id })),
      list: (query) => later(() => services.listCancellations(query)),
    },
    queue: {
      status: () => later(() => services.queueStatus()),
      retryNow: (cancellationId) =>
        later(() => services.retryNow(cancellationId === undefined ? {} : { cancellationId })),
      signal: (signal) => tellQueue(services, signal),
    },
    subscribe: (listener) =>
      services.subscribe((event) => {
        const desk = deskEventOf(event);
        if (desk) listener(desk);
      }),
    close: () => services.close(),
  };
}

/** The shell's signals in the queue's words (../connectivity.ts). */
function tellQueue(services: Services, signal: ConnectivitySignal): void {
  switch (signal.reason) {
    case 'resume':
    case 'focus':
      services.notifyResume();
      return;
    default:
      if (signal.online) services.notifyOnline();
      else services.notifyOffline();
  }
}

type ServiceEvent = Parameters<Parameters<Services['subscribe']>[0]>[0];

function deskEventOf(event: ServiceEvent): DeskEvent | null {
  switch (event.type) {
    case 'cancellation.updated':
      return { event: 'cancellation.updated', payload: event.cancellation };
    case 'queue.summary':
      return { event: 'queue.summary', payload: event.summary };
    case 'connectivity.changed':
      return { event: 'connectivity.changed', payload: { online: event.online, at: event.at } };
  }
}
