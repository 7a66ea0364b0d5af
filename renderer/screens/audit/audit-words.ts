import type { MessageKey, Translate } from '../../i18n/translate';
import { isCancellationState } from '../../format/states';

/**
 * The audit log in the manager's words (issue 12 finding 7: no raw event kinds on a Korean
 * screen). Main records kinds and subjects as stable codes (`cancellation.in_doubt`,
 * `receipt:12`); this says them in words. A kind this table does not know yet (a new event from
 * a newer part of the app) is shown as its code, marked as such, rather than hidden.
 */
const KIND_WORDS: Readonly<Record<string, MessageKey>> = {
  'cancellation.requested': 'auditKind.cancellation.requested',
  'cancellation.resolved': 'auditKind.cancellation.resolved',
  'attempt.sent': 'auditKind.attempt.sent',
  'attempt.interrupted': 'auditKind.attempt.interrupted',
  'verification.auth-refused': 'auditKind.verification.auth-refused',
  'receipt.added': 'auditKind.receipt.added',
  'receipt.amounts_corrected': 'auditKind.receipt.amounts_corrected',
  'manager.login': 'auditKind.manager.login',
  'manager.logout': 'auditKind.manager.logout',
  'manager.login_failed': 'auditKind.manager.login_failed',
  'manager.locked_out': 'auditKind.manager.locked_out',
  'manager.session_expired': 'auditKind.manager.session_expired',
  'manager.pin_set': 'auditKind.manager.pin_set',
  'manager.pin_changed': 'auditKind.manager.pin_changed',
  'manager.pin_reset_after_loss': 'auditKind.manager.pin_reset_after_loss',
  'manager.approved': 'auditKind.manager.approved',
  'manager.approval_failed': 'auditKind.manager.approval_failed',
  'settings.changed': 'auditKind.settings.changed',
  'credentials.set': 'auditKind.credentials.set',
  'credentials.cleared': 'auditKind.credentials.cleared',
  'connection.tested': 'auditKind.connection.tested',
  'mode.switched': 'auditKind.mode.switched',
  'app.restart_requested': 'auditKind.app.restart_requested',
  'app.quit_confirmed': 'auditKind.app.quit_confirmed',
  'audit.verified': 'auditKind.audit.verified',
  'import.done': 'auditKind.import.done',
  'report.exported': 'auditKind.report.exported',
  'report.end_of_day_printed': 'auditKind.report.end_of_day_printed',
  'slip.printed': 'auditKind.slip.printed',
  'printer.test_printed': 'auditKind.printer.test_printed',
  'backup.made': 'auditKind.backup.made',
  'backup.failed': 'auditKind.backup.failed',
  'backup.folder_changed': 'auditKind.backup.folder_changed',
};

const SUBJECT_WORDS: Readonly<Record<string, MessageKey>> = {
  cancellation: 'auditSubject.cancellation',
  receipt: 'auditSubject.receipt',
  manager: 'auditSubject.manager',
  settings: 'auditSubject.settings',
  credentials: 'auditSubject.credentials',
  audit: 'auditSubject.audit',
  app: 'auditSubject.app',
  mode: 'auditSubject.mode',
  import: 'auditSubject.import',
  backup: 'auditSubject.backup',
  ledger: 'auditSubject.ledger',
  report: 'auditSubject.report',
};

/** Words, or null when the kind is not known here (show the code). */
export function auditKindWords(t: Translate, kind: string): string | null {
  const known = KIND_WORDS[kind];
  if (known !== undefined) return t(known);
  const state = /^cancellation\.(.+)$/.exec(kind)?.[1];
  if (state !== undefined && isCancellationState(state)) {
    return t('auditKind.cancellation.state', { state: t(`state.${state}`) });
  }
  return null;
}

/** "취소 #12", "설정"; null when not known here (show the code). */
export function auditSubjectWords(t: Translate, subject: string): string | null {
  const [name = '', id] = subject.split(':');
  const known = SUBJECT_WORDS[name];
  if (known === undefined) return null;
  return id === undefined ? t(known) : t(known, { id });
}
