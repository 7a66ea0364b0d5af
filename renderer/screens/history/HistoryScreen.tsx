import { useEffect, useState } from 'react';
import type { CancellationState } from '../../../shared/contract/models';
import { isKiccDate } from '../../../shared/kicc/fields';
import { Field } from '../../components/Field';
import { CANCELLATION_STATES } from '../../format/states';
import { dateInputToKicc } from '../../format/time';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { HistoryTable } from './HistoryTable';
import { ErrorNotice } from '../../components/ErrorNotice';

/** yyyyMMdd, or yyyy-MM-dd as typed; '' while incomplete (the filter stays open meanwhile). */
const asKiccDate = (text: string): string => {
  const digits = text.replace(/[^0-9]/g, '');
  const date = digits.length === 8 ? digits : dateInputToKicc(text);
  return isKiccDate(date) ? date : '';
};

/**
 * Today's and past cancellations: filter by date, state and text, over up to 100,000 rows
 * (virtualized, filtered within a frame: ./filter.ts).
 */
export function HistoryScreen() {
  const desk = useDesk();
  const t = useT();
  const phase = useDeskStore('history', (s) => s.phase);
  const error = useDeskStore('history', (s) => s.error);
  const total = useDeskStore('history', (s) => s.total);
  const loaded = useDeskStore('history', (s) => s.rows.length);
  const shown = useDeskStore('history', (s) => s.result.matches.length);
  const filter = useDeskStore('history', (s) => s.filter);
  const history = desk.history.getState;

  useEffect(() => {
    void desk.history.getState().load();
  }, [desk]);

  return (
    <section className="screen history-screen" aria-labelledby="history-title">
      <h1 id="history-title" tabIndex={-1}>
        {t('history.title')}
      </h1>
      <div className="filters" role="search">
        <DateInput label={t('history.from')} onDate={(from) => history().setFilter({ from })} />
        <DateInput label={t('history.to')} onDate={(to) => history().setFilter({ to })} />
        <div className="field">
          <label htmlFor="history-state">{t('history.state')}</label>
          <select
            id="history-state"
            value={filter.state}
            onChange={(event) =>
              history().setFilter({ state: event.target.value as CancellationState | '' })
            }
          >
            <option value="">{t('history.allStates')}</option>
            {CANCELLATION_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`state.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('history.text')}
          value={filter.text}
          onChange={(text) => history().setFilter({ text })}
          data-autofocus=""
          type="search"
          maxLength={40}
        />
      </div>
      <p role="status" className="history-count">
        {phase === 'loading'
          ? t('history.loading')
          : t('history.count', {
              shown: shown.toLocaleString('en-US'),
              total: Math.max(total, loaded).toLocaleString('en-US'),
            })}
        {phase === 'more' && ` · ${t('history.more')}`}
      </p>
      <ErrorNotice error={error} />
      {phase === 'ready' && shown === 0 && <p>{t('history.empty')}</p>}
      <HistoryTable />
    </section>
  );
}

/** A date filter as typed; the filter gets yyyyMMdd once the text is a real date, else stays open. */
function DateInput({ label, onDate }: { label: string; onDate(value: string): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const date = asKiccDate(text);
  return (
    <Field
      label={label}
      value={text}
      placeholder={t('lookup.datePlaceholder')}
      inputMode="numeric"
      maxLength={10}
      aria-invalid={text.trim() !== '' && date === ''}
      onChange={(value) => {
        setText(value);
        onDate(asKiccDate(value));
      }}
    />
  );
}
