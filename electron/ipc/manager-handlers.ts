import type { ChannelName } from '../../shared/contract';
import type { StoreOps } from '../store-ops/store-ops';
import type { HandlerTable } from './handlers';

/**
 * The store's manager channels (issue 6; docs/shell.md "Manager channels"), each handed to the
 * store operations (../store-ops/). Manager-only ones are refused before they get here when
 * main is not in manager mode (./roles.ts).
 */
type ManagerChannel = Extract<
  ChannelName,
  | `${'manager' | 'review' | 'audit' | 'connection' | 'mode' | 'reports' | 'slips' | 'import' | 'integrity'}.${string}`
  | 'app.restart'
>;

const ok = <T>(value: T) => ({ ok: true as const, value });

export function createManagerHandlers(storeOps: StoreOps): Pick<HandlerTable, ManagerChannel> {
  const { manager } = storeOps;
  return {
    'manager.status': async () => ok(manager.status()),
    'manager.setupPin': (input) => manager.setupPin(input),
    'manager.login': (input) => manager.login(input),
    'manager.logout': async () => ok(manager.logout('on-demand')),
    'manager.changePin': (input) => manager.changePin(input),

    'review.get': async ({ id }) => storeOps.review.get(id),
    'review.resolve': async (input) => storeOps.review.resolve(input),
    'review.reopen': async (input) => storeOps.review.reopen(input),

    'audit.verify': async (input) => ok(storeOps.audit.verify(input)),
    'audit.list': async (input) => ok(storeOps.audit.list(input)),

    'connection.test': async () => ok(await storeOps.testConnection()),
    'mode.status': async () => ok(storeOps.mode.status()),
    'mode.switch': async ({ to }) => ok(storeOps.mode.switchTo(to)),
    'app.restart': async () => storeOps.restart(),
    'integrity.status': async () => ok(storeOps.integrity.status()),
    'integrity.confirm': async (input) => storeOps.integrity.confirm(input),

    'reports.day': async ({ date }) => storeOps.reports.range(date, date),
    'reports.range': async ({ from, to }) => storeOps.reports.range(from, to),
    'reports.exportCsv': (input) => storeOps.reports.exportCsv(input),
    'reports.endOfDay': async ({ from, to, language }) =>
      storeOps.reports.endOfDay(from, to ?? from, language),
    'reports.printEndOfDay': ({ from, to, language }) =>
      storeOps.reports.printEndOfDay(from, to ?? from, language),

    'slips.get': async ({ id, language }) => storeOps.slips.get(id, language),
    'slips.print': ({ id, language }) => storeOps.slips.print(id, language),

    'import.preview': () => storeOps.import.preview(),
    'import.commit': async ({ token }) => storeOps.import.commit(token),
    'import.cancel': async () => ok(storeOps.import.cancel()),
  };
}
