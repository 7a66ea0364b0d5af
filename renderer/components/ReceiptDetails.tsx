import type { Receipt } from '../../shared/contract/models';
import { formatKiccDate, formatKiccTime } from '../format/time';
import { useKrw, useT } from '../i18n/useT';

/** What the paper receipt shows, in the same order, so the cashier can compare at a glance. */
export function ReceiptDetails({ receipt }: { receipt: Receipt }) {
  const t = useT();
  const krw = useKrw();
  const months =
    receipt.alotMonth === '00'
      ? t('receipt.lumpSum')
      : t('receipt.months', { n: Number(receipt.alotMonth) });
  return (
    <dl className="details">
      <div>
        <dt>{t('receipt.aprvDt')}</dt>
        <dd>
          {formatKiccDate(receipt.aprvDt)}
          {receipt.aprvTm ? ` ${formatKiccTime(receipt.aprvTm)}` : ''}
        </dd>
      </div>
      <div>
        <dt>{t('receipt.aprvNo')}</dt>
        <dd className="mono">{receipt.aprvNo}</dd>
      </div>
      {receipt.vanTrxNo && (
        <div>
          <dt>{t('receipt.vanTrxNo')}</dt>
          <dd className="mono">{receipt.vanTrxNo}</dd>
        </div>
      )}
      {receipt.mercTrxNo && (
        <div>
          <dt>{t('receipt.mercTrxNo')}</dt>
          <dd className="mono">{receipt.mercTrxNo}</dd>
        </div>
      )}
      <div>
        <dt>{t('receipt.amount')}</dt>
        <dd className="amount">{krw(receipt.trxAmt)}</dd>
      </div>
      <div>
        <dt>{t('receipt.vat')}</dt>
        <dd>{krw(receipt.vatAmt)}</dd>
      </div>
      {receipt.svcAmt > 0 && (
        <div>
          <dt>{t('receipt.svc')}</dt>
          <dd>{krw(receipt.svcAmt)}</dd>
        </div>
      )}
      <div>
        <dt>{t('receipt.installment')}</dt>
        <dd>{months}</dd>
      </div>
      {(receipt.cardConfirmNo || receipt.issuerName) && (
        <div>
          <dt>{t('receipt.card')}</dt>
          <dd className="mono">
            {[receipt.issuerName, receipt.cardConfirmNo].filter(Boolean).join(' ')}
          </dd>
        </div>
      )}
    </dl>
  );
}
