import { ReceiptDetails } from '../../components/ReceiptDetails';
import { useT } from '../../i18n/useT';
import { useDeskStore } from '../../stores/context';
import { AmountCorrection } from './AmountCorrection';
import { CancelConfirm } from './CancelConfirm';
import { CancelForm } from './CancelForm';
import { CancelRefused } from './CancelRefused';

/**
 * Cancel: the form pre-filled from the receipt, a confirmation that states the refund, then the
 * outcome screen; or a refusal that says why (issue 5).
 */
export function CancelScreen() {
  const t = useT();
  const receipt = useDeskStore('cancel', (s) => s.receipt);
  const step = useDeskStore('cancel', (s) => s.step);
  const correcting = useDeskStore('correction', (s) => s.receipt !== null);
  if (receipt === null) {
    return (
      <section className="screen" aria-labelledby="cancel-title">
        <h1 id="cancel-title" tabIndex={-1}>
          {t('cancel.title')}
        </h1>
      </section>
    );
  }
  return (
    <section className="screen cancel-screen" aria-labelledby="cancel-title">
      <h1 id="cancel-title" tabIndex={-1}>
        {t('cancel.title')}
      </h1>
      <div className="cancel-layout">
        <section className="panel" aria-labelledby="cancel-original">
          <h2 id="cancel-original">{t('cancel.fromReceipt')}</h2>
          <ReceiptDetails receipt={receipt} />
        </section>
        <div className="cancel-step">
          {step === 'form' && (correcting ? <AmountCorrection /> : <CancelForm />)}
          {(step === 'confirm' || step === 'sending') && <CancelConfirm />}
          {step === 'refused' && <CancelRefused />}
        </div>
      </div>
    </section>
  );
}
