import type { koCounter } from './ko-counter';

/** English of ./ko-counter.ts: the type makes a missing key an error. */
export const enCounter: Record<keyof typeof koCounter, string> = {
  'role.engine': 'The app (automatic)',

  'cancel.amountsTitle': 'Refund (as on the receipt)',
  'cancel.amountsFromReceipt':
    'KICC cancels a payment in full only: the refund is the receipt’s amount and cannot be changed here.',
  'cancel.paperAmountsHint':
    'If the paper receipt’s amount was typed wrong, a manager (F10) can correct it before cancelling.',

  'correction.open': 'Correct the amounts (manager)',
  'correction.title': 'Correct a paper receipt’s amounts',
  'correction.help':
    'Type the amounts exactly as printed on the paper receipt. The amounts before and after, and why, go into the audit log.',
  'correction.note': 'Why',
  'correction.notePlaceholder': 'e.g. amount typed wrong',
  'correction.save': 'Save the correction (Enter)',
  'correction.saving': 'Saving…',
  'correction.cancel': 'Do not correct (Esc)',

  'notice.region': 'Settled cancellations',
  'notice.cancelled': 'The cancellation you waited for is done',
  'notice.rejected':
    'The cancellation you waited for was refused — the card payment was not cancelled',
  'notice.needs_review': 'Manager review needed — do not refund in cash',
  'notice.needsReviewHelp': 'It could not be verified automatically. A manager will check it.',
  'notice.receipt': 'Original {date} approval {aprvNo} · {amount}',
  'notice.printFirst': 'Print the final slip (F1)',
  'notice.print': 'Print the final slip',
  'notice.printing': 'Printing…',
  'notice.autoPrinted': 'The final slip was printed automatically.',
  'notice.printFailed': 'Not printed: {reason}',
  'notice.open': 'Open',
  'notice.dismiss': 'Close',
  'shortcut.F1': 'Final slip',

  'backup.done': 'Backed up: {file}',
  'backup.failed': 'Backup failed: {reason}',
  'backup.dismiss': 'OK',

  'quit.title': 'Some cancellations are not finished',
  'quit.summary': '{count} · {total}',
  'quit.help':
    'Closing loses nothing: they are recorded and are sent and verified at the next start. Do not refund in cash meanwhile.',
  'quit.needsReview': '{count} of them need a manager.',
  'quit.more': 'and {count} more',
  'quit.stay': 'Keep working (Esc)',
  'quit.quit': 'Quit anyway',
  'quit.quitting': 'Closing…',
  'quit.notClosed': 'The app could not close. Try again in a moment.',
};
