import { useEffect, useRef } from 'react';
import { pick } from '../i18n/translate';
import { useLanguage, useT } from '../i18n/useT';
import { useDesk, useDeskStore } from '../stores/context';
import { Dialog } from './Dialog';
import { SlipPaper } from './SlipPaper';
import { ErrorNotice } from './ErrorNotice';

/**
 * A slip on screen with "print" (issue 6): main's lines (../stores/slip.ts), printed by main on
 * the receipt printer. Ctrl+P inside the dialog prints the same way rather than the browser's
 * page print. A slip that is not final is framed amber with "확인 중 — 최종 결과가 아닙니다"
 * above the paper: it must never pass for a completed refund.
 */
export function SlipDialog({ title, onClose }: { title: string; onClose(): void }) {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const phase = useDeskStore('slip', (s) => s.phase);
  const view = useDeskStore('slip', (s) => s.view);
  const error = useDeskStore('slip', (s) => s.error);
  const printing = useDeskStore('slip', (s) => s.printing);
  const printed = useDeskStore('slip', (s) => s.printed);
  const printError = useDeskStore('slip', (s) => s.printError);
  const printRef = useRef<HTMLButtonElement>(null);
  const print = () => void desk.slip.getState().print(language);

  useEffect(() => {
    if (phase === 'ready') printRef.current?.focus();
  }, [phase]);

  const titleId = 'slip-dialog-title';
  return (
    <div
      className="slip-layer"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
          event.preventDefault();
          print();
        }
      }}
    >
      <Dialog labelledBy={titleId} onClose={onClose} className="slip-dialog" kind={view?.kind}>
        <h2 id={titleId} className="dialog-title" tabIndex={-1}>
          {title}
        </h2>
        {view !== null && (
          <>
            {view.kind === 'verifying' && (
              <p className="slip-not-final" role="note">
                {t('slip.notFinal')}
              </p>
            )}
            <SlipPaper view={view} titleId="slip-paper-title" />
          </>
        )}
        {phase === 'loading' && <p role="status">{t('slip.loading')}</p>}
        <ErrorNotice error={error} />
        <div className="print-status" role="status">
          {printing && t('slip.printing')}
          {printed?.printed &&
            t(printed.reprint ? 'slip.reprinted' : 'slip.printed', {
              printer: printed.printer === '' ? t('slip.defaultPrinter') : printed.printer,
            })}
        </div>
        {printed && !printed.printed && printed.problem && (
          <p className="notice notice-bad" role="alert">
            {t('slip.printFailed', { reason: pick(printed.problem, language) })}
          </p>
        )}
        {printError && (
          <p className="notice notice-bad" role="alert">
            {t('slip.printFailed', { reason: pick(printError.message, language) })}
          </p>
        )}
        <div className="actions no-print">
          <button
            ref={printRef}
            type="button"
            className="primary"
            onClick={print}
            disabled={view === null || printing}
            data-autofocus=""
          >
            {t('slip.print')}
          </button>
          <button type="button" onClick={onClose}>
            {t('slip.close')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
