import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';

/**
 * Refused before KICC was asked: over the offline exposure limit, a second cancellation of the
 * same receipt, or anything else main refused. Main's own words are shown: one source of truth.
 * (Over the cashier's limit is not a refusal: the confirmation asks for the manager's PIN.)
 */
export function CancelRefused() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const refusal = useDeskStore('cancel', (s) => s.refusal);
  if (refusal === null) return null;
  // a cancellation of this payment exists already, maybe refunded: amber, never red
  const exists = refusal.error.code === 'duplicate';
  return (
    <section
      className={`panel outcome ${exists ? 'outcome-wait' : 'outcome-bad'}`}
      aria-labelledby="refused-title"
      role="alert"
    >
      <h2 id="refused-title" tabIndex={-1} data-autofocus="">
        {t(exists ? 'cancel.alreadyRequested' : 'cancel.refused')}
      </h2>
      <p className="outcome-reason" data-code={refusal.error.code}>
        {pick(refusal.error.message, language)}
      </p>
      <div className="actions">
        <button type="button" onClick={() => desk.cancel.getState().edit()}>
          {t('cancel.edit')}
        </button>
        <button type="button" onClick={() => desk.nav.getState().home()}>
          {t('outcome.newLookup')}
        </button>
      </div>
    </section>
  );
}
