import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { CANCELLED, canCommit } from '../../stores/imports';
import { ManagerOnly } from '../manager/ManagerOnly';
import { ExpectedHeaders } from './ExpectedHeaders';
import { ImportPreview, n } from './ImportPreview';
import { ImportProgressBar } from './ImportProgressBar';

/**
 * "Import receipts" (issue 6): main opens its file dialog, reads the file in its import worker
 * while this screen shows how far it has got (with a cancel button), and answers a preview; the
 * import button is there only when the file has nothing to fix, and importing is all or nothing.
 * Importing the same file again adds nothing (main skips what it already has) and says so.
 */
/**
 * From this many new receipts the one-transaction write holds main for a noticeable time
 * (docs/bench.md import_commit_100k_ms), and the manager is told before pressing the button.
 */
const LARGE_IMPORT = 10_000;

export function ImportScreen() {
  const t = useT();
  return (
    <ManagerOnly title={t('import.title')}>
      <Import />
    </ManagerOnly>
  );
}

function Import() {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const phase = useDeskStore('imports', (s) => s.phase);
  const summary = useDeskStore('imports', (s) => s.summary);
  const done = useDeskStore('imports', (s) => s.done);
  const error = useDeskStore('imports', (s) => s.error);
  const progress = useDeskStore('imports', (s) => s.progress);
  const cancelling = useDeskStore('imports', (s) => s.cancelling);
  const imports = desk.imports.getState;
  const committable = summary !== null && canCommit(summary) && phase === 'preview';

  return (
    <section className="screen import-screen" aria-labelledby="import-title">
      <h1 id="import-title" tabIndex={-1}>
        {t('import.title')}
      </h1>
      <p>{t('import.help')}</p>
      <div className="actions">
        <button
          type="button"
          className={committable ? undefined : 'primary'}
          disabled={phase === 'choosing' || phase === 'committing'}
          onClick={() => void imports().choose()}
          data-autofocus={committable ? undefined : ''}
        >
          {phase === 'choosing' ? t('import.reading') : t('import.choose')}
        </button>
        {committable && (
          <button
            type="button"
            className="primary"
            onClick={() => void imports().commit()}
            data-autofocus=""
          >
            {t('import.commit', { count: n(summary.validRows - summary.alreadyPresent) })}
          </button>
        )}
      </div>
      {committable && summary.validRows - summary.alreadyPresent >= LARGE_IMPORT && (
        <p className="field-help import-commit-note">{t('import.commitHoldsDesk')}</p>
      )}
      {phase === 'choosing' && progress && (
        <ImportProgressBar
          progress={progress}
          cancelling={cancelling}
          onCancel={() => void imports().cancel()}
        />
      )}
      {phase === 'committing' && <p role="status">{t('import.committing')}</p>}
      {error &&
        (error.code === CANCELLED ? (
          <p className="notice notice-plain" role="status" data-code={error.code}>
            {pick(error.message, language)}
          </p>
        ) : (
          <p className="notice notice-bad" role="alert" data-code={error.code}>
            {pick(error.message, language)}
          </p>
        ))}
      {done && (
        <div className="outcome outcome-ok import-done" role="status">
          <p className="outcome-reason">
            {done.inserted === 0
              ? t('import.nothingNew', { present: n(done.alreadyPresent) })
              : t('import.done', { inserted: n(done.inserted) })}
          </p>
          {done.inserted > 0 && done.alreadyPresent > 0 && (
            <p>{t('import.skipped', { present: n(done.alreadyPresent) })}</p>
          )}
          {done.repeatedInFile > 0 && (
            <p>{t('import.repeated', { repeated: n(done.repeatedInFile) })}</p>
          )}
        </div>
      )}
      {summary && phase !== 'done' && <ImportPreview summary={summary} />}
      <ExpectedHeaders />
    </section>
  );
}
