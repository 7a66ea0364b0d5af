import type { koManagerCounter } from './ko-manager-counter';

/** English of ./ko-manager-counter.ts: the type makes a missing key an error. */
export const enManagerCounter: Record<keyof typeof koManagerCounter, string> = {
  'settings.printer': 'Receipt printer',
  'settings.printerDefault': 'This computer’s default printer',
  'settings.printerHelp':
    'Pick from the list. The default printer prints on this computer’s default printer at once, without a dialog.',
  'settings.printerMissing': '{name} (not in the list now: off or not connected)',
  'settings.printerRefresh': 'Refresh the list',
  'settings.printersLoading': 'Reading the list of printers…',
  'settings.testPrint': 'Test print',
  'settings.testPrinting': 'Printing a test…',
  'settings.testPrinted': 'Test slip sent ({printer}). If it came out right, save.',
  'settings.autoPrintSettled': 'Print the final slip by itself when a waited-for cancellation ends',

  'backup.title': 'Backup',
  'backup.help':
    'Each time the end-of-day summary is printed, the cancellation records are backed up to this folder (an external drive, say) and checked by opening them. The last 30 are kept.',
  'backup.folder': 'Backup folder',
  'backup.none': 'Not chosen (no backup)',
  'backup.choose': 'Choose a folder…',
  'backup.clear': 'Stop backing up',
  'backup.run': 'Back up now',
  'backup.running': 'Backing up…',
  'backup.lastLabel': 'Last backup',
  'backup.last': '{time} · {file}',
  'backup.lastFailed': '{time} failed · {reason}',
};
