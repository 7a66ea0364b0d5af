import type { ChannelName } from './channels';

/**
 * Who may call each channel (DESIGN.md "Who does what"; issue 6 "Roles"). The page uses this to
 * show a lock on manager functions; MAIN enforces it (electron/ipc/roles.ts), from the role it
 * holds itself: the page is never trusted to say who is at the screen.
 *
 *  - `anyone`: the cashier's work (look up, cancel up to the limit, queue, reprint a slip);
 *  - `manager`: manager mode only (PIN login). Refused otherwise with `not-manager`.
 *
 * A Record over every channel: a new channel without a decision here is a compile error.
 * One exception, decided in main: `settings.update` with ONLY `language` is anyone's (the
 * cashier's own display language, docs/shell.md "Manager channels").
 */
export type ChannelAccess = 'anyone' | 'manager';

export const channelAccess: { readonly [C in ChannelName]: ChannelAccess } = {
  'app.info': 'anyone',
  'receipts.lookup': 'anyone',
  'receipts.add': 'anyone',
  // over the limit: a manager's PIN on the same screen, or manager mode (checked in main)
  'cancellations.request': 'anyone',
  'cancellations.get': 'anyone',
  'cancellations.list': 'anyone',
  'queue.status': 'anyone',
  'queue.retryNow': 'anyone',
  'settings.get': 'anyone',
  'settings.update': 'manager',
  'credentials.status': 'anyone',
  'credentials.set': 'manager',
  'credentials.clear': 'manager',
  'manager.status': 'anyone',
  'manager.setupPin': 'anyone',
  'manager.login': 'anyone',
  'manager.logout': 'anyone',
  'manager.changePin': 'manager',
  'review.get': 'manager',
  'review.resolve': 'manager',
  'review.reopen': 'manager',
  'audit.verify': 'manager',
  'audit.list': 'manager',
  'connection.test': 'manager',
  'mode.status': 'anyone',
  'mode.switch': 'manager',
  'app.restart': 'manager',
  // anyone sees that files changed outside the app wait for a manager; a manager confirms
  'integrity.status': 'anyone',
  'integrity.confirm': 'manager',
  'reports.day': 'manager',
  'reports.range': 'manager',
  'reports.exportCsv': 'manager',
  'reports.endOfDay': 'manager',
  'reports.printEndOfDay': 'manager',
  'slips.get': 'anyone',
  'slips.print': 'anyone',
  'import.preview': 'manager',
  'import.commit': 'manager',
  'import.cancel': 'manager',
  'receipts.correctAmounts': 'manager',
  'printers.list': 'manager',
  'printers.testPrint': 'manager',
  // the cashier's own notices, and closing the app the cashier is using
  'settlements.list': 'anyone',
  'settlements.dismiss': 'anyone',
  'app.quit': 'anyone',
  'backup.status': 'manager',
  'backup.folder': 'manager',
  'backup.run': 'manager',
};

export const managerOnlyChannels = (Object.keys(channelAccess) as ChannelName[]).filter(
  (channel) => channelAccess[channel] === 'manager',
);

/** Error code of a manager-only call made outside manager mode. */
export const NOT_MANAGER = 'not-manager';
