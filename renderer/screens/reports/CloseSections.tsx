import type { CloseItem, DayCloseView } from '../../../shared/contract/manager-models';
import { StateBadge } from '../../components/StateBadge';
import { formatKstDateTime } from '../../format/time';
import { useKrw, useT } from '../../i18n/useT';

type Bucket = { count: number; amount: number; vat: number };

/**
 * A business day's close on screen (issue 13 finding 1), the same parts and words as the printed
 * paper (electron/reports/end-of-day.ts; shared/reports/words.ts): the refunds this close counts,
 * earlier requests settled since, every unresolved item of any day, and, once the day has been
 * printed, what changed since. Numbers and lists are main's; the page only lays them out.
 */
export function CloseSections({ close }: { close: DayCloseView }) {
  const t = useT();
  const krw = useKrw();
  const count = (b: Bucket) => `${t('reports.countN', { count: b.count })} ${krw(b.amount)}`;

  const itemTable = (caption: string, items: readonly CloseItem[], settled: boolean) => (
    <table className="table report-table close-items">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.close.item')}</th>
          <th scope="col">{t('reports.close.requestedAt')}</th>
          <th scope="col">{t('queue.state')}</th>
          <th scope="col">{t('reports.amount')}</th>
          {settled && <th scope="col">{t('reports.close.settledAt')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && (
          <tr>
            <td colSpan={settled ? 5 : 4}>{t('reports.none')}</td>
          </tr>
        )}
        {items.map((item) => (
          <tr key={item.id} data-id={item.id}>
            <th scope="row">#{item.id}</th>
            <td>{formatKstDateTime(item.createdAt)}</td>
            <td>
              <StateBadge state={item.state} />
              {item.manual && <span className="manual-mark"> ({t('reports.manual')})</span>}
            </td>
            <td className="amount">{krw(item.amount)}</td>
            {settled && <td>{item.settledAt === null ? '' : formatKstDateTime(item.settledAt)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );

  const changes = close.changes;
  return (
    <div className="close" aria-label={t('reports.close.refunds')}>
      {close.printed && (
        <p className="notice notice-plain" role="note">
          {t('reports.close.printed', {
            count: close.printed.count,
            first: formatKstDateTime(close.printed.firstAt),
          })}
        </p>
      )}
      <section className="close-refunds" aria-labelledby="close-refunds-title">
        <h3 id="close-refunds-title">{t('reports.close.refunds')}</h3>
        <p className="field-help">{t('reports.close.refundsHelp')}</p>
        <ul className="totals">
          <li className="total total-ok">
            <span className="total-label">{t('reports.cancelled')}</span>
            <span className="total-count">{count(close.refunded)}</span>
            <span className="total-vat">{t('reports.vatN', { vat: krw(close.refunded.vat) })}</span>
            {close.refunded.manual > 0 && (
              <span className="total-manual">
                {t('reports.close.manualN', { count: close.refunded.manual })}
              </span>
            )}
          </li>
          <li className="total total-plain">
            <span className="total-label">{t('reports.close.notRefunded')}</span>
            <span className="total-count">{count(close.notRefunded)}</span>
          </li>
        </ul>
        {close.reportedElsewhere.count > 0 && (
          <p className="field-help">
            {t('reports.close.elsewhere', {
              count: close.reportedElsewhere.count,
              amount: krw(close.reportedElsewhere.amount),
            })}
          </p>
        )}
      </section>
      {itemTable(t('reports.close.settledLate'), close.settledLate, true)}
      <section className="close-unresolved" aria-labelledby="close-unresolved-title">
        <h3 id="close-unresolved-title">{t('reports.close.unresolved')}</h3>
        <p className={close.unresolved.count > 0 ? 'notice notice-wait' : 'notice notice-plain'}>
          {t('reports.unresolved')}: {count(close.unresolved)}
          {close.unresolved.oldestCreatedAt !== null &&
            ` · ${t('reports.close.oldest', { time: formatKstDateTime(close.unresolved.oldestCreatedAt) })}`}
        </p>
        {itemTable(t('reports.close.unresolvedItems'), close.unresolved.items, false)}
      </section>
      {changes && close.printed && (
        <section className="close-changes" aria-labelledby="close-changes-title">
          <h3 id="close-changes-title">
            {t('reports.close.changed', { time: formatKstDateTime(close.printed.lastAt) })}
          </h3>
          <ul>
            <li>
              {t('reports.close.changeLine', {
                what: t('reports.close.refunds'),
                before: count(changes.refundedBefore),
                now: count(close.refunded),
              })}
            </li>
            <li>
              {t('reports.close.changeLine', {
                what: t('reports.unresolved'),
                before: count(changes.unresolvedBefore),
                now: count(close.unresolved),
              })}
            </li>
          </ul>
          {changes.settled.length + changes.newUnresolved.length + changes.withdrawn.length ===
          0 ? (
            <p>{t('reports.close.noChange')}</p>
          ) : (
            <>
              {changes.settled.length > 0 &&
                itemTable(t('reports.close.settledNow'), changes.settled, true)}
              {changes.newUnresolved.length > 0 &&
                itemTable(t('reports.close.newUnresolved'), changes.newUnresolved, false)}
              {changes.withdrawn.length > 0 &&
                itemTable(t('reports.close.withdrawn'), changes.withdrawn, false)}
            </>
          )}
        </section>
      )}
    </div>
  );
}
