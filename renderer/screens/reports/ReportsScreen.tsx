import { useEffect, useState } from 'react';
import { Field } from '../../components/Field';
import { SlipDialog } from '../../components/SlipDialog';
import { formatKiccDate } from '../../format/time';
import { translate, type MessageKey } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ManagerOnly } from '../manager/ManagerOnly';
import { periodOf } from './period';
import { ReportTables } from './ReportTables';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * Reports (issue 6): the day's or a range's cancellations by state, by cashier and by card
 * issuer; CSV (main asks where, writes UTF-8 with BOM so Excel reads Korean); the end-of-day
 * summary on screen and on the receipt printer.
 */
export function ReportsScreen() {
  const t = useT();
  return (
    <ManagerOnly title={t('reports.title')}>
      <Reports />
    </ManagerOnly>
  );
}

const both = (key: MessageKey) => ({ ko: translate('ko', key), en: translate('en', key) });

function Reports() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const period = useDeskStore('reports', (s) => s.period);
  const report = useDeskStore('reports', (s) => s.report);
  const shown = useDeskStore('reports', (s) => s.shown);
  const phase = useDeskStore('reports', (s) => s.phase);
  const error = useDeskStore('reports', (s) => s.error);
  const exporting = useDeskStore('reports', (s) => s.exporting);
  const exported = useDeskStore('reports', (s) => s.exported);
  const exportError = useDeskStore('reports', (s) => s.exportError);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const reports = desk.reports.getState;
  const { errors } = periodOf(period);
  const fieldErrors = (field: 'date' | 'from' | 'to') => {
    const key = errors[field];
    return key === undefined ? [] : [{ field, rule: 'date' as const, message: both(key) }];
  };

  useEffect(() => {
    void desk.reports.getState().open();
  }, [desk]);

  const openSummary = () => {
    if (shown === null) return;
    void desk.slip.getState().load({ kind: 'end-of-day', ...shown }, language);
    setSummaryOpen(true);
  };

  return (
    <section className="screen reports-screen" aria-labelledby="reports-title">
      <h1 id="reports-title" tabIndex={-1}>
        {t('reports.title')}
      </h1>
      <form
        className="period-form"
        role="search"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void reports().load();
        }}
      >
        <fieldset className="field">
          <legend>{t('reports.period')}</legend>
          <div className="radio-row">
            {(['day', 'range'] as const).map((kind) => (
              <label key={kind} className="radio">
                <input
                  type="radio"
                  name="period-kind"
                  checked={period.kind === kind}
                  onChange={() => reports().setPeriod({ kind })}
                />
                {t(kind === 'day' ? 'reports.day' : 'reports.range')}
              </label>
            ))}
          </div>
        </fieldset>
        {period.kind === 'day' ? (
          <Field
            label={t('reports.date')}
            value={period.date}
            onChange={(date) => reports().setPeriod({ date })}
            errors={fieldErrors('date')}
            placeholder={t('reports.datePlaceholder')}
            inputMode="numeric"
            maxLength={10}
            data-autofocus=""
          />
        ) : (
          <>
            <Field
              label={t('reports.from')}
              value={period.from}
              onChange={(from) => reports().setPeriod({ from })}
              errors={fieldErrors('from')}
              placeholder={t('reports.datePlaceholder')}
              inputMode="numeric"
              maxLength={10}
              data-autofocus=""
            />
            <Field
              label={t('reports.to')}
              value={period.to}
              onChange={(to) => reports().setPeriod({ to })}
              errors={fieldErrors('to')}
              placeholder={t('reports.datePlaceholder')}
              inputMode="numeric"
              maxLength={10}
            />
          </>
        )}
        <button type="submit" className="primary" disabled={Object.keys(errors).length > 0}>
          {t('reports.show')}
        </button>
      </form>

      <ErrorNotice error={error} />
      {phase === 'loading' && <p role="status">{t('reports.loading')}</p>}
      {report && shown && (
        <>
          <h2 className="report-period">
            {shown.from === shown.to
              ? t('reports.ofDay', { date: formatKiccDate(shown.from) })
              : t('reports.ofRange', {
                  from: formatKiccDate(shown.from),
                  to: formatKiccDate(shown.to),
                })}
          </h2>
          <div className="actions report-actions">
            <button type="button" onClick={openSummary}>
              {t('reports.endOfDay')}
            </button>
            <button
              type="button"
              disabled={exporting}
              onClick={() => void reports().exportCsv('summary', language)}
            >
              {t('reports.csvSummary')}
            </button>
            <button
              type="button"
              disabled={exporting}
              onClick={() => void reports().exportCsv('detail', language)}
            >
              {t('reports.csvDetail')}
            </button>
          </div>
          <p role="status" className="export-status">
            {exporting && t('reports.exporting')}
            {exported &&
              (exported.saved
                ? t('reports.exported', { file: exported.fileName ?? '', rows: exported.rows })
                : t('reports.exportCancelled'))}
          </p>
          <ErrorNotice error={exportError} />
          <ReportTables report={report} />
        </>
      )}
      {summaryOpen && (
        <SlipDialog
          title={t('reports.endOfDayTitle')}
          onClose={() => {
            setSummaryOpen(false);
            desk.slip.getState().clear();
          }}
        />
      )}
    </section>
  );
}
