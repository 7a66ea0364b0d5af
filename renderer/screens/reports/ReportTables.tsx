import type { Report } from '../../../shared/contract/manager-models';
import { StateBadge } from '../../components/StateBadge';
import { whoWords } from '../../format/people';
import { useKrw, useT } from '../../i18n/useT';
import { CloseSections } from './CloseSections';

type Bucket = Report['total'];
type GroupRow = Report['byCashier'][number];

/**
 * A report's numbers (electron/reports CancellationReport): the totals (the manager's recorded
 * outcomes, "관리자 확인", apart), one day's close (./CloseSections.tsx), then by state (every
 * state, zeros included, in the order of a cancellation's life), by requester and by card issuer
 * (asked vs. actually cancelled). Numbers are main's; the page only lays them out.
 */
export function ReportTables({ report }: { report: Report }) {
  const t = useT();
  const krw = useKrw();
  const totals: [string, Bucket, string][] = [
    [t('reports.total'), report.total, 'plain'],
    [t('reports.cancelled'), report.cancelled, 'ok'],
    [t('reports.unresolved'), report.unresolved, 'wait'],
    [t('reports.approved'), report.approved, 'plain'],
    [t('reports.manual'), report.manual, 'plain'],
  ];
  const who = (key: string | null, kind: 'cashier' | 'issuer'): string =>
    key === null ? t('reports.issuerUnknown') : kind === 'cashier' ? whoWords(t, key) : key;
  const groupTable = (title: string, rows: readonly GroupRow[], kind: 'cashier' | 'issuer') => (
    <table className="table report-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t(kind === 'cashier' ? 'reports.cashier' : 'reports.issuer')}</th>
          <th scope="col">{t('reports.count')}</th>
          <th scope="col">{t('reports.amount')}</th>
          <th scope="col">{t('reports.cancelledCount')}</th>
          <th scope="col">{t('reports.cancelledAmount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={5}>{t('reports.none')}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.code ?? row.key ?? '(unknown)'}>
            <th scope="row">{who(row.key, kind)}</th>
            <td>{row.all.count}</td>
            <td className="amount">{krw(row.all.amount)}</td>
            <td>{row.cancelled.count}</td>
            <td className="amount">{krw(row.cancelled.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="report">
      <ul className="totals">
        {totals.map(([label, bucket, tone]) => (
          <li key={label} className={`total total-${tone}`}>
            <span className="total-label">{label}</span>
            <span className="total-count">{t('reports.countN', { count: bucket.count })}</span>
            <span className="total-amount amount">{krw(bucket.amount)}</span>
            <span className="total-vat">{t('reports.vatN', { vat: krw(bucket.vat) })}</span>
          </li>
        ))}
      </ul>
      {(report.unresolved.count > 0 || (report.close?.unresolved.count ?? 0) > 0) && (
        <p className="notice notice-wait">{t('reports.unresolvedWarning')}</p>
      )}
      {report.close && <CloseSections close={report.close} />}
      <div className="report-tables">
        <table className="table report-table">
          <caption>{t('reports.byState')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.state')}</th>
              <th scope="col">{t('reports.count')}</th>
              <th scope="col">{t('reports.amount')}</th>
              <th scope="col">{t('reports.vat')}</th>
            </tr>
          </thead>
          <tbody>
            {report.byState.map((row) => (
              <tr key={row.state} data-state={row.state}>
                <th scope="row">
                  <StateBadge state={row.state} />
                </th>
                <td>{row.count}</td>
                <td className="amount">{krw(row.amount)}</td>
                <td className="amount">{krw(row.vat)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {groupTable(t('reports.byCashier'), report.byCashier, 'cashier')}
        {groupTable(t('reports.byIssuer'), report.byIssuer, 'issuer')}
      </div>
    </div>
  );
}
