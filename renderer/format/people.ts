import type { Translate } from '../i18n/translate';

/**
 * Who asked for or approved a cancellation, in the cashier's words. Main records the role
 * (`cashier` | `manager`, electron/store-ops/approval.ts); anything else it might record (a
 * tool, an older ledger row) is shown as written rather than hidden.
 */
export function whoWords(t: Translate, who: string | null): string {
  if (who === 'cashier' || who === 'manager') return t(`role.${who}`);
  // the app itself (the engine's steps, the queue, its checks at start): never the raw word
  if (who === 'engine' || who === 'app') return t('role.engine');
  return who ?? '—';
}
