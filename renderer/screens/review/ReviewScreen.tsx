import { useEffect, type ReactNode } from 'react';
import type { Cancellation } from '../../../shared/contract/models';
import { ManualMark } from '../../components/ManualMark';
import { StateBadge } from '../../components/StateBadge';
import { formatKiccDate, formatKstDateTime } from '../../format/time';
import { pick } from '../../i18n/translate';
import { useKrw, useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ManagerOnly } from '../manager/ManagerOnly';
import { ReviewDetailView } from './ReviewDetail';

/**
 * needs_review (issue 6): the cancellations nobody can settle automatically. Each is opened to
 * see everything known and to record what KICC's merchant portal says; a resolved one leaves
 * the list at once and joins the manager's latest outcomes below, from where a wrong one is
 * reopened (issue 13 finding 3).
 */
export function ReviewScreen() {
  const t = useT();
  return (
    <ManagerOnly title={t('review.title')}>
      <ReviewList />
    </ManagerOnly>
  );
}

function ReviewList() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const items = useDeskStore('review', (s) => s.items);
  const phase = useDeskStore('review', (s) => s.phase);
  const error = useDeskStore('review', (s) => s.error);
  const detail = useDeskStore('review', (s) => s.detail);
  const detailError = useDeskStore('review', (s) => s.detailError);
  const resolved = useDeskStore('review', (s) => s.resolved);

  useEffect(() => {
    void desk.review.getState().load();
    return () => desk.review.getState().closeDetail();
  }, [desk]);

  if (detail !== null) return <ReviewDetailView detail={detail} />;

  return (
    <section className="screen" aria-labelledby="review-title">
      <h1 id="review-title" tabIndex={-1} data-autofocus="">
        {t('review.title')}
      </h1>
      <p>{t('review.help')}</p>
      {resolved && (
        <p className="notice notice-plain" role="status">
          {t(resolved.state === 'cancelled' ? 'review.resolvedCancelled' : 'review.resolvedNot', {
            no: resolved.orgAprvNo,
          })}
        </p>
      )}
      {(error ?? detailError) && (
        <p className="notice notice-bad" role="alert">
          {pick((error ?? detailError)?.message ?? { ko: '', en: '' }, language)}
        </p>
      )}
      {phase === 'loading' && <p role="status">{t('review.loading')}</p>}
      {phase === 'ready' && items.length === 0 && <p role="status">{t('review.empty')}</p>}
      {items.length > 0 && <WaitingTable items={items} />}
      <ManualList />
    </section>
  );
}

/** A column of a review list beyond time, receipt and amount. */
interface Column {
  header: string;
  cell(item: Cancellation): ReactNode;
}

/** needs_review: the cancellations waiting for a manager's finding. */
function WaitingTable({ items }: { items: readonly Cancellation[] }) {
  const t = useT();
  return (
    <ReviewTable
      caption={t('review.title')}
      items={items}
      time={(item) => item.requestedAt}
      columns={[
        { header: t('queue.attempts'), cell: (item) => item.attempts },
        { header: t('history.reason'), cell: (item) => item.reason },
      ]}
    />
  );
}

/**
 * The latest outcomes a manager recorded (issue 13 finding 3): a wrong one is opened from here
 * and reopened ("다시 열기").
 */
function ManualList() {
  const t = useT();
  const items = useDeskStore('review', (s) => s.manualItems);
  const phase = useDeskStore('review', (s) => s.phase);
  if (phase !== 'ready' && items.length === 0) return null;
  return (
    <section className="manual-list" aria-labelledby="manual-title">
      <h2 id="manual-title">{t('review.manualTitle')}</h2>
      <p>{items.length === 0 ? t('review.manualEmpty') : t('review.manualHelp')}</p>
      {items.length > 0 && (
        <ReviewTable
          caption={t('review.manualTitle')}
          items={items}
          time={(item) => item.updatedAt}
          columns={[
            {
              header: t('review.outcomeColumn'),
              cell: (item) => (
                <>
                  <StateBadge state={item.state} /> <ManualMark shown={item.resolvedByManager} />
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function ReviewTable({
  caption,
  items,
  time,
  columns,
}: {
  caption: string;
  items: readonly Cancellation[];
  time(item: Cancellation): number;
  columns: readonly Column[];
}) {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.time')}</th>
          <th scope="col">{t('queue.receipt')}</th>
          <th scope="col">{t('queue.amount')}</th>
          {columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{t('review.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>{formatKstDateTime(time(item))}</td>
            <td className="mono">
              {formatKiccDate(item.orgAprvDt)} {item.orgAprvNo}
            </td>
            <td className="amount">{krw(item.trxAmt)}</td>
            {columns.map((column) => (
              <td key={column.header}>{column.cell(item)}</td>
            ))}
            <td>
              <button
                type="button"
                onClick={() => void desk.review.getState().open(item.id)}
                aria-label={`${t('review.open')} — ${item.orgAprvNo}`}
              >
                {t('review.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
