import type { SettledNotice } from '../../shared/contract/counter-models';
import { openCancellation } from '../app/actions';
import { formatKiccDate } from '../format/time';
import { pick } from '../i18n/translate';
import { useKrw, useLanguage, useT } from '../i18n/useT';
import { useDesk, useDeskStore } from '../stores/context';
import { printable } from '../stores/settlements';
import { toneOf } from './StateBadge';

/**
 * On every screen, under the status bar (issue 12 finding 1): a cancellation the cashier was
 * waiting for became final. Green done, red refused, amber with the manager ("현금으로 환불하지
 * 마세요"), with the receipt and the amount, and a one-key print of the final slip (F1 prints
 * the oldest), or what automatic printing did. Announced politely; the cashier's focus stays
 * where it is.
 */
export function SettledNotices() {
  const t = useT();
  const notices = useDeskStore('notices', (s) => s.notices);
  // always there (empty when there is nothing to say): a live region must exist before its
  // content arrives for a screen reader to announce it, and the frame's grid keeps its rows
  const firstPrintable = notices.find(printable)?.cancellation.id;
  return (
    <section className="settled-notices" aria-label={t('notice.region')} aria-live="polite">
      {notices.map((notice) => (
        <Notice
          key={notice.cancellation.id}
          notice={notice}
          withKey={notice.cancellation.id === firstPrintable}
        />
      ))}
      <BackupNotice />
    </section>
  );
}

function Notice({ notice, withKey }: { notice: SettledNotice; withKey: boolean }) {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const language = useLanguage();
  const printing = useDeskStore('notices', (s) => s.printing);
  const problem = useDeskStore('notices', (s) => s.printProblems[notice.cancellation.id] ?? null);
  const c = notice.cancellation;
  const tone = toneOf(c.state);
  const state = c.state === 'cancelled' || c.state === 'rejected' ? c.state : 'needs_review';
  const auto = notice.autoPrint;
  const failure = problem ?? (auto !== null && !auto.printed ? auto.problem : null);
  return (
    <div className={`settled-notice notice-${tone}`} data-state={c.state} role="status">
      <p className="settled-title">
        <span aria-hidden="true">{tone === 'ok' ? '✔ ' : tone === 'bad' ? '✖ ' : '⚠ '}</span>
        <strong>{t(`notice.${state}`)}</strong>
      </p>
      <p>
        {t('notice.receipt', {
          date: formatKiccDate(c.orgAprvDt),
          aprvNo: c.orgAprvNo,
          amount: krw(c.trxAmt),
        })}
      </p>
      {state === 'needs_review' && <p>{t('notice.needsReviewHelp')}</p>}
      {auto?.printed && <p>{t('notice.autoPrinted')}</p>}
      {failure !== null && (
        <p role="alert">{t('notice.printFailed', { reason: pick(failure, language) })}</p>
      )}
      <div className="actions">
        {printable(notice) && (
          <button
            type="button"
            className="primary"
            disabled={printing !== null}
            onClick={() => void desk.notices.getState().print(c.id, language)}
          >
            {printing === c.id
              ? t('notice.printing')
              : withKey
                ? t('notice.printFirst')
                : t('notice.print')}
          </button>
        )}
        <button type="button" onClick={() => void openCancellation(desk, c.id)}>
          {t('notice.open')}
        </button>
        <button
          type="button"
          onClick={() => void desk.notices.getState().dismiss(c.id)}
          aria-label={`${t('notice.dismiss')} — ${c.orgAprvNo}`}
        >
          {t('notice.dismiss')}
        </button>
      </div>
    </div>
  );
}

/** A backup ended (the day's close, or the manager's "back up now"): said once. */
function BackupNotice() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const backup = useDeskStore('notices', (s) => s.backup);
  if (backup === null) return null;
  return (
    <div
      className={`settled-notice notice-${backup.ok ? 'ok' : 'bad'}`}
      role={backup.ok ? 'status' : 'alert'}
      data-backup={backup.ok ? 'done' : 'failed'}
    >
      <p>
        {backup.ok
          ? t('backup.done', { file: backup.file })
          : t('backup.failed', { reason: backup.problem ? pick(backup.problem, language) : '' })}
      </p>
      <div className="actions">
        <button type="button" onClick={() => desk.notices.getState().dismissBackup()}>
          {t('backup.dismiss')}
        </button>
      </div>
    </div>
  );
}
