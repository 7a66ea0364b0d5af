import { formatKiccDate } from '../format/time';
import { useKrw, useT } from '../i18n/useT';
import { useDesk, useDeskStore } from '../stores/context';
import { Dialog } from './Dialog';
import { StateBadge } from './StateBadge';

/**
 * The window is being closed while cancellations are unresolved (issue 12 finding 1): the list,
 * that they continue at the next start, and a choice. "Keep working" has the focus (Esc too);
 * quitting takes a deliberate second button.
 */
export function QuitDialog() {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const warning = useDeskStore('notices', (s) => s.quit);
  const quitting = useDeskStore('notices', (s) => s.quitting);
  const failed = useDeskStore('notices', (s) => s.quitFailed);
  if (warning === null) return null;
  const notices = desk.notices.getState;
  const more = warning.count - warning.items.length;
  return (
    <Dialog labelledBy="quit-title" onClose={() => notices().keepWorking()} className="quit-dialog">
      <h2 id="quit-title" className="dialog-title" tabIndex={-1}>
        <span aria-hidden="true">⚠ </span>
        {t('quit.title')}
      </h2>
      <p className="quit-summary">
        {t('quit.summary', { count: warning.count, total: krw(warning.totalAmount) })}
      </p>
      <p>{t('quit.help')}</p>
      {warning.needsReview > 0 && <p>{t('quit.needsReview', { count: warning.needsReview })}</p>}
      <ul className="quit-list">
        {warning.items.map((c) => (
          <li key={c.id}>
            <span className="mono">
              {formatKiccDate(c.orgAprvDt)} {c.orgAprvNo}
            </span>{' '}
            <span className="amount">{krw(c.trxAmt)}</span> <StateBadge state={c.state} />
          </li>
        ))}
        {more > 0 && <li>{t('quit.more', { count: more })}</li>}
      </ul>
      {failed && (
        <p className="notice notice-bad" role="alert">
          {t('quit.notClosed')}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-autofocus=""
          onClick={() => notices().keepWorking()}
        >
          {t('quit.stay')}
        </button>
        <button
          type="button"
          className="primary danger"
          disabled={quitting}
          onClick={() => void notices().confirmQuit()}
        >
          {quitting ? t('quit.quitting') : t('quit.quit')}
        </button>
      </div>
    </Dialog>
  );
}
