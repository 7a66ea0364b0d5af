import { useCallback, useEffect, useRef } from 'react';
import type { FieldError } from '../../../shared/kicc/fields';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { useScannerKeyDown } from '../../scanner/useScanner';
import { useDesk, useDeskStore } from '../../stores/context';
import { amountSearchErrors, type AmountSearchField } from './amount-search';

/**
 * The look-up without a receipt number (issue 12 finding 2): the amount first (the dates are
 * today's already), the card's last four digits to narrow, the approval date or a range. Enter
 * searches from any field. A field's error shows once it was changed, all of them after a
 * search the page refused. A scan here still searches by number (the customer found the
 * receipt after all).
 */
export function AmountSearchForm() {
  const desk = useDesk();
  const t = useT();
  const draft = useDeskStore('lookup', (s) => s.amount);
  const showAll = useDeskStore('lookup', (s) => s.amountShowAll);
  const focusRequest = useDeskStore('nav', (s) => s.focusRequest);
  const amountRef = useRef<HTMLInputElement>(null);
  const touched = useRef<Set<AmountSearchField>>(new Set());
  const lookup = desk.lookup.getState;

  useEffect(() => {
    amountRef.current?.focus();
    amountRef.current?.select();
  }, [focusRequest]);

  const onScan = useCallback(
    (code: string) => void desk.lookup.getState().search({ query: code, scanned: true }),
    [desk],
  );
  const onKeyDown = useScannerKeyDown(onScan);

  const errors = amountSearchErrors(draft);
  const shown = (field: AmountSearchField): FieldError[] =>
    showAll || touched.current.has(field) ? (errors[field] ?? []) : [];
  const change = (field: AmountSearchField) => (value: string) => {
    touched.current.add(field);
    lookup().setAmountField(field, value);
  };

  return (
    <form
      role="search"
      className="amount-search-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void lookup().searchByAmount();
      }}
    >
      <Field
        ref={amountRef}
        className="input-large amount-input"
        label={t('lookup.amount')}
        value={draft.amount}
        onChange={change('amount')}
        onKeyDown={onKeyDown}
        errors={shown('amount')}
        inputMode="numeric"
        data-autofocus=""
        maxLength={16}
      />
      <Field
        label={t('lookup.cardDigits')}
        help={t('lookup.cardDigitsHelp')}
        value={draft.cardDigits}
        onChange={change('cardDigits')}
        onKeyDown={onKeyDown}
        errors={shown('cardDigits')}
        inputMode="numeric"
        maxLength={4}
      />
      <Field
        label={t('lookup.from')}
        value={draft.from}
        onChange={change('from')}
        onKeyDown={onKeyDown}
        errors={shown('from')}
        inputMode="numeric"
        placeholder={t('lookup.datePlaceholder')}
        maxLength={10}
      />
      <Field
        label={t('lookup.to')}
        value={draft.to}
        onChange={change('to')}
        onKeyDown={onKeyDown}
        errors={shown('to')}
        inputMode="numeric"
        placeholder={t('lookup.datePlaceholder')}
        maxLength={10}
      />
      <button type="submit" className="primary">
        {t('lookup.search')}
      </button>
    </form>
  );
}
