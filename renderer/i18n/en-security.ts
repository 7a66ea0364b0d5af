import type { koSecurity } from './ko-security';

/** English texts of issue 11's store controls (the same keys as ./ko-security.ts). */
export const enSecurity: Record<keyof typeof koSecurity, string> = {
  'pin.corruptLost':
    'The manager PIN file is damaged and cannot be read. Set a new PIN with the recovery code the manager kept. Without the code, setting a new PIN removes the stored KICC credentials. This is recorded in the audit log.',
  'pin.changedLost':
    'The manager PIN file was changed outside the app and is not used. Set a new PIN with the recovery code the manager kept. Without the code, setting a new PIN removes the stored KICC credentials. This is recorded in the audit log.',
  'pin.forgot': 'Forgot the PIN (set a new one with the recovery code)',
  'pin.forgotTitle': 'New PIN with the recovery code',
  'pin.forgotHelp':
    'If the PIN is forgotten, set a new one with the recovery code kept when the PIN was set. This is recorded in the audit log.',
  'pin.recoveryCode': 'Recovery code (20 characters)',
  'pin.recoveryCodeHelp': 'For example K7QF2-MZX9H-4DRT8-WBC3N. Case and dashes do not matter.',
  'pin.recoveryCodeRequired': 'Type the recovery code to set a new PIN.',

  'recovery.title': 'Recovery code — shown this once',
  'recovery.label': 'Recovery code',
  'recovery.once': 'This code is never shown again. Write it on paper now.',
  'recovery.keep': 'Keep the paper away from the till (the manager’s notebook, the safe).',
  'recovery.protects':
    'If the PIN is forgotten, or the PIN file is lost or changed, a new PIN set with this code keeps the KICC credentials. Once used, a new code is shown.',
  'recovery.without':
    'A new PIN set without the code removes the stored KICC credentials: the channel ID and secret key from KICC must be entered again before real cancellations.',
  'recovery.done': 'I have written it down',

  'integrity.banner':
    '{count} file(s) changed outside the app — a manager must confirm (F10 → manager menu)',
  'integrity.title': 'Files changed outside the app',
  'integrity.help':
    'These files were changed without going through this app. Until you confirm, the app works with the values a manager last saved (or safe defaults). Find out who changed them.',
  'integrity.foundAt': 'Found {time}',
  'integrity.key': 'Item',
  'integrity.sealed': 'In force',
  'integrity.found': 'In the file',
  'integrity.confirm': 'Confirmed',
  'integrity.apply': 'Apply the file’s values',
};
