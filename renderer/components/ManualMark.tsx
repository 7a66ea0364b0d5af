import { useT } from '../i18n/useT';

/**
 * "관리자 확인": the outcome is a manager's record after checking KICC's portal, not KICC's own
 * answer (issue 13 finding 3). Shown next to the state wherever a cancellation is listed or
 * opened; main says which ones (Cancellation.resolvedByManager).
 */
export function ManualMark({ shown }: { shown: boolean }) {
  const t = useT();
  if (!shown) return null;
  return <span className="badge badge-plain manual-mark">{t('manual.mark')}</span>;
}
