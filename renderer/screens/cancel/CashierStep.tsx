import { Field } from '../../components/Field';
import { pick, translate } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';

/**
 * "계산원 번호" on the confirmation, in a store that names its cashiers (settings; issue 13
 * finding 5): main records the cashier whose number this is as the requester, whoever holds
 * manager mode. Enter in the field confirms, as in the PIN field below it.
 */
export function CashierStep() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const cashier = useDeskStore('cancel', (s) => s.cashier);
  const sending = useDeskStore('cancel', (s) => s.step === 'sending');
  if (cashier === null) return null;
  const missing = cashier.tried && cashier.no === '';
  return (
    <div
      className="cashier-step"
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
        event.preventDefault();
        if (!event.repeat) void desk.cancel.getState().confirm();
      }}
    >
      <Field
        label={t('cashier.no')}
        value={cashier.no}
        onChange={(no) => desk.cancel.getState().setCashierNo(no)}
        errors={
          missing
            ? [
                {
                  field: 'cashierNo',
                  rule: 'required',
                  message: {
                    ko: translate('ko', 'cashier.noRequired'),
                    en: translate('en', 'cashier.noRequired'),
                  },
                },
              ]
            : []
        }
        help={t('cashier.noHelp')}
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={4}
        disabled={sending}
        data-autofocus=""
      />
      {cashier.problem && (
        <p className="notice notice-bad" role="alert" data-code={cashier.problem.code}>
          {pick(cashier.problem.message, language)}
        </p>
      )}
    </div>
  );
}
