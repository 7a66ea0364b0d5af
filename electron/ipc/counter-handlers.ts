import type { ChannelName } from '../../shared/contract';
import type { StoreOps } from '../store-ops/store-ops';
import type { HandlerTable } from './handlers';

/**
 * The counter's day channels (issue 12; docs/shell.md "Counter channels"), each handed to the
 * store operations' counter (../counter/). Manager-only ones are refused before they get here
 * outside manager mode (./roles.ts, from shared/contract/access.ts).
 */
type CounterChannel = Extract<
  ChannelName,
  'receipts.correctAmounts' | `${'printers' | 'settlements' | 'backup'}.${string}` | 'app.quit'
>;

const ok = <T>(value: T) => ({ ok: true as const, value });

export function createCounterHandlers(storeOps: StoreOps): Pick<HandlerTable, CounterChannel> {
  const { counter } = storeOps;
  return {
    'receipts.correctAmounts': async (input) => counter.correctReceipt(input),
    'printers.list': () => counter.printers.list(),
    'printers.testPrint': ({ printerName }) => counter.printers.testPrint(printerName),
    'settlements.list': async () => ok({ notices: counter.settlements.list() }),
    'settlements.dismiss': async ({ id }) => ok({ notices: counter.settlements.dismiss(id) }),
    'app.quit': async () => ok(counter.confirmQuit()),
    'backup.status': async () => ok(counter.backup.status()),
    'backup.folder': ({ action }) => counter.backup.folder(action),
    'backup.run': async () => ok(await counter.backup.run('manual')),
  };
}
