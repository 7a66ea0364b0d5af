import type { Ref } from 'react';
import type { Receipt } from '../../../shared/contract/models';
import { ReceiptDetails } from '../../components/ReceiptDetails';
import { StateBadge } from '../../components/StateBadge';
import { useT } from '../../i18n/useT';
import { canCancel } from '../../stores/cancel';

/** One found receipt: what it shows, its cancellation status, and the one thing to do with it. */
export function ReceiptResult({
  receipt,
  onOpen,
  actionRef,
}: {
  receipt: Receipt;
  onOpen(): void;
  actionRef?: Ref<HTMLButtonElement>;
}) {
  const t = useT();
  const state = receipt.cancellation?.state ?? 'none';
  const cancellable = canCancel(receipt);
  return (
    <li className="result" data-state={state}>
      <div className="result-head">
        <span>
          {t('receipt.status')}: <StateBadge state={state} />
        </span>
        <button
          type="button"
          ref={actionRef}
          className={cancellable ? 'primary' : undefined}
          onClick={onOpen}
          // Visible text first, then which receipt (WCAG 2.5.3 label in name).
          aria-label={`${cancellable ? t('receipt.select') : t('queue.open')} — ${t('receipt.aprvNo')} ${receipt.aprvNo}`}
        >
          {cancellable ? t('receipt.select') : t('queue.open')}
        </button>
      </div>
      <ReceiptDetails receipt={receipt} />
    </li>
  );
}
