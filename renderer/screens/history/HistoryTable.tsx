import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { openCancellation } from '../../app/actions';
import { ManualMark } from '../../components/ManualMark';
import { StateBadge } from '../../components/StateBadge';
import { formatKiccDate, formatKstDateTime } from '../../format/time';
import { useKrw, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';

/** Fixed row height: the virtualizer need not measure, and 100,000 rows scroll evenly. */
export const HISTORY_ROW_PX = 44;

/**
 * The rows on screen and a few either side, no more (100,000 rows in the DOM would take seconds
 * to lay out). An ARIA table with aria-rowcount/aria-rowindex, so a screen reader still knows
 * where in the whole list a row is. Positions go through React's style prop, which sets CSSOM
 * properties: allowed under the CSP's `style-src 'self'` (no inline style attribute is parsed).
 */
export function HistoryTable() {
  const desk = useDesk();
  const t = useT();
  const krw = useKrw();
  const rows = useDeskStore('history', (s) => s.rows);
  const matches = useDeskStore('history', (s) => s.result.matches);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: matches.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => HISTORY_ROW_PX,
    overscan: 8,
    initialRect: { width: 900, height: 440 },
  });

  return (
    <div
      className="history-table"
      role="table"
      aria-label={t('history.table')}
      aria-rowcount={matches.length + 1}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="history-row history-head">
          <span role="columnheader">{t('history.time')}</span>
          <span role="columnheader">{t('history.state')}</span>
          <span role="columnheader">{t('history.receipt')}</span>
          <span role="columnheader">{t('history.amount')}</span>
          <span role="columnheader">{t('history.card')}</span>
          <span role="columnheader">{t('history.reason')}</span>
          <span role="columnheader">
            <span className="visually-hidden">{t('queue.open')}</span>
          </span>
        </div>
      </div>
      <div ref={scrollRef} className="history-scroll" tabIndex={0} aria-label={t('history.table')}>
        <div
          role="rowgroup"
          className="history-body"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[matches[item.index] ?? -1];
            if (!row) return null;
            const c = row.cancellation;
            return (
              <div
                key={c.id}
                role="row"
                aria-rowindex={item.index + 2}
                className="history-row"
                data-state={c.state}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span role="cell">{formatKstDateTime(c.requestedAt)}</span>
                <span role="cell">
                  <StateBadge state={c.state} /> <ManualMark shown={c.resolvedByManager} />
                </span>
                <span role="cell" className="mono">
                  {formatKiccDate(c.orgAprvDt)} {c.orgAprvNo}
                </span>
                <span role="cell" className="amount">
                  {krw(c.trxAmt)}
                </span>
                <span role="cell" className="mono">
                  {c.cancelled?.cardConfirmNo ?? c.cardConfirmNo ?? ''}
                </span>
                <span role="cell" className="ellipsis" title={c.reason}>
                  {c.reason}
                </span>
                <span role="cell">
                  <button
                    type="button"
                    onClick={() => void openCancellation(desk, c.id)}
                    aria-label={`${t('queue.open')} — ${c.orgAprvNo}`}
                  >
                    {t('queue.open')}
                  </button>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
