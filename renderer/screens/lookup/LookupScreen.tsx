import { useEffect, useRef, type KeyboardEvent } from 'react';
import { beginPaper, openReceipt } from '../../app/actions';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import type { LookupTab } from '../../stores/lookup';
import { AmountSearchForm } from './AmountSearchForm';
import { NumberSearchForm } from './NumberSearchForm';
import { ReceiptResult } from './ReceiptResult';

const TABS: readonly LookupTab[] = ['number', 'amount'];

/**
 * Look up, two ways (issue 5; issue 12 finding 2): by whatever number the receipt shows, typed
 * or scanned; or, with no number at hand, by the approval date (or a range) and the amount,
 * narrowed by the card's last four digits. Two tabs (WAI-ARIA tabs: arrows move between them),
 * and F2 on the look-up switches tab, so neither needs a mouse. A scan always searches by
 * number, whichever tab is open.
 */
export function LookupScreen() {
  const desk = useDesk();
  const t = useT();
  const tab = useDeskStore('lookup', (s) => s.tab);
  const tabRefs = useRef<Partial<Record<LookupTab, HTMLButtonElement | null>>>({});

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length] ?? 'number';
    desk.lookup.getState().setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="screen" aria-labelledby="lookup-title">
      <h1 id="lookup-title" tabIndex={-1}>
        {t('lookup.title')}
      </h1>
      <div className="tabs" role="tablist" aria-label={t('lookup.tabsLabel')}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(button) => {
              tabRefs.current[name] = button;
            }}
            type="button"
            role="tab"
            id={`lookup-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="lookup-panel"
            tabIndex={tab === name ? 0 : -1}
            onClick={() => desk.lookup.getState().setTab(name)}
            onKeyDown={onTabKey}
          >
            {t(name === 'number' ? 'lookup.tabNumber' : 'lookup.tabAmount')}
          </button>
        ))}
        <span className="tabs-hint">{t('lookup.tabsHint')}</span>
      </div>
      <div id="lookup-panel" role="tabpanel" aria-labelledby={`lookup-tab-${tab}`}>
        {tab === 'number' ? <NumberSearchForm /> : <AmountSearchForm />}
      </div>
      <LookupResults />
    </section>
  );
}

/** What the last search found (whichever tab asked), and the way to a paper receipt. */
function LookupResults() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const phase = useDeskStore('lookup', (s) => s.phase);
  const results = useDeskStore('lookup', (s) => s.results);
  const searched = useDeskStore('lookup', (s) => s.searched);
  const searchedBy = useDeskStore('lookup', (s) => s.searchedBy);
  const scanned = useDeskStore('lookup', (s) => s.scanned);
  const error = useDeskStore('lookup', (s) => s.error);
  const firstActionRef = useRef<HTMLButtonElement>(null);
  // the answer already on screen when the look-up opens again (F2, Esc) is not a new one: focus
  // then goes to the search field, not to an old result
  const answered = useRef(results);

  useEffect(() => {
    if (answered.current === results) return;
    answered.current = results;
    // a scan, or a search by amount that found one receipt: its action has focus, so the next
    // Enter (or F4) opens it
    const one = phase === 'done' && results.length === 1;
    if (one && (scanned || searchedBy === 'amount')) firstActionRef.current?.focus();
  }, [phase, scanned, searchedBy, results]);

  return (
    <>
      <div className="lookup-results" aria-live="polite">
        {phase === 'searching' && <p role="status">{t('lookup.searching')}</p>}
        {phase === 'error' && error && (
          <p className="notice notice-bad" role="alert">
            {t('lookup.error', { reason: pick(error.message, language) })}
          </p>
        )}
        {phase === 'done' && results.length === 0 && (
          <div className="notice notice-plain">
            <p>
              {searchedBy === 'number'
                ? t('lookup.none', { query: searched })
                : t('lookup.noneByAmount')}
            </p>
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
            {searchedBy === 'amount' && results.length > 1 && (
              <p className="hint">{t('lookup.narrowHelp')}</p>
            )}
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
    </>
  );
}
