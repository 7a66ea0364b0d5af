import type { ImportSummary } from '../../../shared/contract/manager-models';
import { FIELD_LABELS } from '../../../shared/kicc/messages';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { canCommit } from '../../stores/imports';

/** The import's own field names (electron/import/fields.ts), KICC's labels where they are KICC's. */
const IMPORT_FIELDS: Record<string, { ko: string; en: string }> = {
  aprvDt: { ko: '승인일자', en: 'Approval date' },
  aprvTm: { ko: '승인시간', en: 'Approval time' },
  aprvNo: { ko: '승인번호', en: 'Approval no.' },
  vanTrxNo: { ko: 'VAN 거래번호', en: 'VAN transaction no.' },
  card: { ko: '카드번호', en: 'Card number' },
  issuer: { ko: '카드사', en: 'Card issuer' },
};

/** 10000 -> "10,000" */
export const n = (value: number): string => value.toLocaleString('en-US');

export function fieldLabel(field: string, language: 'ko' | 'en'): string {
  const label = IMPORT_FIELDS[field] ?? FIELD_LABELS[field];
  return label ? label[language] : field;
}

/**
 * What main found in the file before anything is imported: the counts, the columns it
 * recognised and ignored, header problems, conflicting duplicates, and every row with errors
 * (row numbers as Excel shows them, the field, the message the cancel form would show).
 */
export function ImportPreview({ summary }: { summary: ImportSummary }) {
  const t = useT();
  const language = useLanguage();
  const ok = canCommit(summary);
  const counts: [string, number][] = [
    [t('import.dataRows'), summary.dataRows],
    [t('import.validRows'), summary.validRows],
    [t('import.errorRows'), summary.errorRows],
    [t('import.alreadyPresent'), summary.alreadyPresent],
    [t('import.repeatedInFile'), summary.repeatedInFile],
    [t('import.conflicts'), summary.conflicts.length],
  ];
  return (
    <section className="import-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">
        {t('import.previewTitle', { file: summary.fileName, format: summary.format.toUpperCase() })}
      </h2>
      <div
        className={`outcome ${ok ? 'outcome-ok' : 'outcome-bad'}`}
        role={ok ? 'status' : 'alert'}
      >
        <p className="outcome-reason">
          {ok
            ? summary.alreadyPresent === summary.validRows
              ? t('import.allPresent')
              : t('import.ready', { count: n(summary.validRows - summary.alreadyPresent) })
            : t('import.refused')}
        </p>
        {summary.refusal && <p>{pick(summary.refusal, language)}</p>}
      </div>
      <dl className="details import-counts">
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n.toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      {summary.headerProblems.length > 0 && (
        <ul className="notice notice-bad header-problems">
          {summary.headerProblems.map((problem) => (
            <li key={problem.en}>{pick(problem, language)}</li>
          ))}
        </ul>
      )}
      <p className="field-help">
        {t('import.columns', {
          row: summary.headerRow,
          columns: summary.columns
            .map((c) => `${c.header} → ${fieldLabel(c.field, language)}`)
            .join(', '),
        })}
        {summary.ignoredColumns.length > 0 &&
          ` ${t('import.ignored', { columns: summary.ignoredColumns.join(', ') })}`}
      </p>
      {summary.conflicts.length > 0 && (
        <table className="table">
          <caption>{t('import.conflictsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.firstRow')}</th>
              <th scope="col">{t('import.key')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.conflicts.map((c) => (
              <tr key={`${c.row}-${c.key}`}>
                <td>{c.row}</td>
                <td>{c.firstRow}</td>
                <td className="mono">{c.key}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.errors.length > 0 && (
        <div className="table-scroll">
          <table className="table import-errors">
            <caption>
              {summary.errors.length < summary.errorRows
                ? t('import.errorsFirst', {
                    shown: n(summary.errors.length),
                    all: n(summary.errorRows),
                  })
                : t('import.errorsTitle', { count: n(summary.errorRows) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.errors.flatMap((row) =>
                row.errors.map((error, index) => (
                  <tr key={`${row.row}-${error.field}-${index}`} data-row={row.row}>
                    <td>{row.row}</td>
                    <td>{fieldLabel(error.field, language)}</td>
                    <td>{pick(error.message, language)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
