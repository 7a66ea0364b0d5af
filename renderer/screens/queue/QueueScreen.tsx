import { useEffect } from 'react';
import { openCancellation } from '../../app/actions';
import { StateBadge } from '../../components/StateBadge';
import { formatKiccDate, formatKstDateTime, formatKstTime } from '../../format/time';
import { useKrw, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { isRetrying } from '../../stores/queue';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * Unresolved cancellations (queued: not sent yet; in doubt: being verified) with their state,
 * attempts and next try, and "retry now" (DESIGN.md "The queue"). Loaded when opened, then kept
 * current by main's events.
 */
export function QueueScreen() {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const items = useDeskStore('queue', (s) => s.items);
  const summary = useDeskStore('queue', (s) => s.summary);
  const phase = useDeskStore('queue', (s) => s.phase);
  const error = useDeskStore('queue', (s) => s.error);
  const retrying = useDeskStore('queue', (s) => s.retrying);

  useEffect(() => {
    void desk.queue.getState().load();
  }, [desk]);

  return (
    <section className="screen" aria-labelledby="queue-title">
      <h1 id="queue-title" tabIndex={-1} data-autofocus="">
        {t('queue.title')}
      </h1>
      <div className="toolbar">
        <p role="status">
          {summary && summary.count > 0
            ? t('queue.summary', {
                count: summary.count,
                total: krw(summary.totalAmount),
                oldest: summary.oldestAt === null ? '—' : formatKstDateTime(summary.oldestAt),
              })
            : phase === 'ready'
              ? t('queue.empty')
              : ''}
        </p>
        <button
          type="button"
          className="primary"
          onClick={() => void desk.queue.getState().retryNow()}
          disabled={items.length === 0}
        >
          {t('queue.retryAll')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {items.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('queue.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.receipt')}</th>
              <th scope="col">{t('queue.amount')}</th>
              <th scope="col">{t('queue.state')}</th>
              <th scope="col">{t('queue.attempts')}</th>
              <th scope="col">{t('queue.nextTry')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('queue.retryNow')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const busy = isRetrying({ retrying }, item.id);
              return (
                <tr key={item.id} data-state={item.state}>
                  <td className="mono">
                    {formatKiccDate(item.orgAprvDt)} {item.orgAprvNo}
                  </td>
                  <td className="amount">{krw(item.trxAmt)}</td>
                  <td>
                    <StateBadge state={item.state} />
                  </td>
                  <td>{item.attempts}</td>
                  <td>
                    {item.nextTryAt === null ? t('queue.now') : formatKstTime(item.nextTryAt)}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      onClick={() => void desk.queue.getState().retryNow(item.id)}
                      disabled={busy}
                      aria-label={`${t('queue.retryNow')} — ${item.orgAprvNo}`}
                    >
                      {busy ? t('queue.retrying') : t('queue.retryNow')}
                    </button>
                    <button
                      type="button"
                      onClick={() => void openCancellation(desk, item.id)}
                      aria-label={`${t('queue.open')} — ${item.orgAprvNo}`}
                    >
                      {t('queue.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
