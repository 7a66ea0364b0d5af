import { useCallback, useEffect, useRef } from 'react';
import { validateCancelField } from '../../../shared/kicc/requests';
import { beginPaper, openReceipt } from '../../app/actions';
import { Field } from '../../components/Field';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useScannerKeyDown } from '../../scanner/useScanner';
import { useDesk, useDeskStore } from '../../stores/context';
import { ReceiptResult } from './ReceiptResult';

/** Marked when the search field first has focus: the bench's "interactive" moment. */
export const SEARCH_READY_MARK = 'search-field-ready';

/**
 * Look up: one field for whatever the receipt shows, typed or scanned (issue 5). A scan searches
 * at once; when it finds exactly one receipt, focus goes to that receipt's action so the next
 * Enter (or F4) opens it.
 */
export function LookupScreen() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const query = useDeskStore('lookup', (s) => s.query);
  const aprvDt = useDeskStore('lookup', (s) => s.aprvDt);
  const phase = useDeskStore('lookup', (s) => s.phase);
  const results = useDeskStore('lookup', (s) => s.results);
  const searched = useDeskStore('lookup', (s) => s.searched);
  const scanned = useDeskStore('lookup', (s) => s.scanned);
  const error = useDeskStore('lookup', (s) => s.error);
  const focusRequest = useDeskStore('nav', (s) => s.focusRequest);
  const searchRef = useRef<HTMLInputElement>(null);
  const firstActionRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const input = searchRef.current;
    if (!input) return;
    input.focus();
    input.select();
    if (performance.getEntriesByName(SEARCH_READY_MARK).length === 0) {
      performance.mark(SEARCH_READY_MARK);
    }
  }, [focusRequest]);

  useEffect(() => {
    if (phase === 'done' && scanned && results.length === 1) firstActionRef.current?.focus();
  }, [phase, scanned, results]);

  const onScan = useCallback(
    (code: string) => void desk.lookup.getState().search({ query: code, scanned: true }),
    [desk],
  );
  const onKeyDown = useScannerKeyDown(onScan);

  const dateDigits = aprvDt.replace(/[^0-9]/g, '');
  const dateErrors =
    dateDigits.length >= 8 || (aprvDt !== '' && dateDigits.length === 0)
      ? validateCancelField('orgAprvDt', dateDigits)
      : [];

  return (
    <section className="screen" aria-labelledby="lookup-title">
      <h1 id="lookup-title" tabIndex={-1}>
        {t('lookup.title')}
      </h1>
      <form
        role="search"
        className="lookup-form"
        onSubmit={(event) => {
          event.preventDefault();
          void desk.lookup.getState().search();
        }}
      >
        <Field
          ref={searchRef}
          className="input-large"
          label={t('lookup.query')}
          help={t('lookup.queryHelp')}
          value={query}
          onChange={(value) => desk.lookup.getState().setQuery(value)}
          onKeyDown={onKeyDown}
          data-autofocus=""
          autoFocus
          maxLength={40}
        />
        <Field
          label={t('lookup.date')}
          value={aprvDt}
          onChange={(value) => desk.lookup.getState().setAprvDt(value)}
          errors={dateErrors}
          inputMode="numeric"
          placeholder="yyyyMMdd"
          maxLength={10}
        />
        <button type="submit" className="primary" disabled={query.trim() === ''}>
          {t('lookup.search')}
        </button>
      </form>

      <div className="lookup-results" aria-live="polite">
        {phase === 'searching' && <p role="status">{t('lookup.searching')}</p>}
        {phase === 'error' && error && (
          <p className="notice notice-bad" role="alert">
            {t('lookup.error', { reason: pick(error.message, language) })}
          </p>
        )}
        {phase === 'done' && results.length === 0 && (
          <div className="notice notice-plain">
            <p>{t('lookup.none', { query: searched })}</p>
            <p>{t('lookup.noneHelp')}</p>
            <button type="button" onClick={() => beginPaper(desk)}>
              {t('lookup.enterPaper')}
            </button>
          </div>
        )}
        {phase === 'done' && results.length > 0 && (
          <>
            <h2>
              {t('lookup.results', { count: results.length })}
              {scanned && (
                <span className="scanned"> · {t('lookup.scanned', { code: searched })}</span>
              )}
            </h2>
            <ul className="results">
              {results.map((receipt, index) => (
                <ReceiptResult
                  key={receipt.id}
                  receipt={receipt}
                  actionRef={index === 0 ? firstActionRef : undefined}
                  onOpen={() => void openReceipt(desk, receipt)}
                />
              ))}
            </ul>
          </>
        )}
      </div>
      {phase !== 'done' || results.length > 0 ? (
        <p className="hint">
          <button type="button" className="link" onClick={() => beginPaper(desk)}>
            {t('lookup.enterPaper')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
