import { useCallback, useLayoutEffect, useRef, type CompositionEvent } from 'react';
import { validateCancelField } from '../../../shared/kicc/requests';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { hasHangul, latinFromHangulKeys } from '../../scanner/hangul-keys';
import { useScannerKeyDown } from '../../scanner/useScanner';
import { useDesk, useDeskStore } from '../../stores/context';

import { SEARCH_READY_MARK } from './marks';

/** How long after a scan the IME's late commit of the same keys is ignored (see below). */
const SCAN_COMMIT_MS = 500;

/**
 * The number search: one field for whatever the receipt shows, typed or scanned (issue 5). A
 * scan searches at once. Typed in Hangul mode (한/영), the jamo become the Latin keys they were
 * (issue 12 finding 3: "ㅐㄱㅇ_…" is "ORD_…"): while the IME is composing, the field shows what
 * it composes (changing it then would break the IME); when composition ends, and on search, the
 * text is taken back to the keys. After a scan, the IME commits the scanner's keys as jamo once
 * more; that late commit is replaced by what was scanned.
 */
export function NumberSearchForm() {
  const desk = useDesk();
  const t = useT();
  const query = useDeskStore('lookup', (s) => s.query);
  const aprvDt = useDeskStore('lookup', (s) => s.aprvDt);
  const focusRequest = useDeskStore('nav', (s) => s.focusRequest);
  const searchRef = useRef<HTMLInputElement>(null);
  const composing = useRef(false);
  const lastScan = useRef<{ code: string; at: number } | null>(null);

  // before the first paint: a scan that starts the moment the desk appears lands in the field
  useLayoutEffect(() => {
    const input = searchRef.current;
    if (!input) return;
    input.focus();
    input.select();
    if (performance.getEntriesByName(SEARCH_READY_MARK).length === 0) {
      performance.mark(SEARCH_READY_MARK);
    }
  }, [focusRequest]);

  const onScan = useCallback(
    (code: string) => {
      lastScan.current = { code, at: performance.now() };
      // the field's text is replaced now, which ends the IME's composition without a
      // compositionend event (Chromium): nothing is being composed any more
      composing.current = false;
      void desk.lookup.getState().search({ query: code, scanned: true });
    },
    [desk],
  );
  const onKeyDown = useScannerKeyDown(onScan);
  const lookup = desk.lookup.getState;

  /**
   * The IME committing the scanner's last jamo after the scanned text was put in the field
   * (the scanned code, then jamo): once, just after the scan.
   */
  const lateCommitOfScan = (value: string): string | null => {
    const scan = lastScan.current;
    if (
      scan === null ||
      performance.now() - scan.at >= SCAN_COMMIT_MS ||
      !value.startsWith(scan.code) ||
      !hasHangul(value.slice(scan.code.length))
    ) {
      return null;
    }
    lastScan.current = null;
    return scan.code;
  };

  const onChange = (value: string) => {
    const scanned = lateCommitOfScan(value);
    if (scanned !== null) lookup().setQuery(scanned);
    else lookup().setQuery(composing.current ? value : latinFromHangulKeys(value));
  };

  const onCompositionEnd = (event: CompositionEvent<HTMLInputElement>) => {
    composing.current = false;
    const value = event.currentTarget.value;
    lookup().setQuery(lateCommitOfScan(value) ?? latinFromHangulKeys(value));
  };

  const dateDigits = aprvDt.replace(/[^0-9]/g, '');
  const dateErrors =
    dateDigits.length >= 8 || (aprvDt !== '' && dateDigits.length === 0)
      ? validateCancelField('orgAprvDt', dateDigits)
      : [];

  return (
    <form
      role="search"
      className="lookup-form"
      onSubmit={(event) => {
        event.preventDefault();
        void lookup().search();
      }}
    >
      <Field
        ref={searchRef}
        className="input-large"
        label={t('lookup.query')}
        help={t('lookup.queryHelp')}
        value={query}
        onChange={onChange}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={onCompositionEnd}
        onKeyDown={onKeyDown}
        data-autofocus=""
        autoFocus
        maxLength={40}
      />
      <Field
        label={t('lookup.date')}
        value={aprvDt}
        onChange={(value) => lookup().setAprvDt(value)}
        errors={dateErrors}
        inputMode="numeric"
        placeholder={t('lookup.datePlaceholder')}
        maxLength={10}
      />
      <button type="submit" className="primary" disabled={query.trim() === ''}>
        {t('lookup.search')}
      </button>
    </form>
  );
}
