import { useEffect, useRef } from 'react';
import type { ImportProgress } from '../../../shared/contract/manager-models';
import { useT } from '../../i18n/useT';
import { n } from './ImportPreview';

/**
 * How far main has got with the file (issue 12 finding 8: "a progress bar (rows read / total)
 * and a cancel button"): main's import worker reads and checks the rows, then main compares them
 * with the receipts it knows. The desk stays usable meanwhile, and the screen says so.
 */
export function ImportProgressBar({
  progress,
  cancelling,
  onCancel,
}: {
  progress: ImportProgress;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const t = useT();
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Keyboard first: the choose button went disabled when the dialog opened, so focus is on the
  // heading (or nowhere); the one thing to do now is wait or cancel.
  useEffect(() => {
    const active = document.activeElement;
    const idle =
      active === null ||
      active === document.body ||
      active.tagName === 'H1' ||
      (active instanceof HTMLButtonElement && active.disabled);
    if (idle) cancelButton.current?.focus();
  }, []);
  const { stage, rows, total } = progress;
  const text =
    stage === 'comparing'
      ? t('import.progress.comparing', { rows: n(rows), total: n(total ?? rows) })
      : total === null
        ? t('import.progress.readingRows', { rows: n(rows) })
        : t('import.progress.reading', { rows: n(rows), total: n(total) });
  return (
    <div className="import-progress" data-stage={stage}>
      <p className="import-progress-text">{text}</p>
      {/* no max: an indeterminate bar when the file does not say how long it is */}
      <progress
        aria-label={t('import.progressLabel')}
        aria-valuetext={text}
        {...(total === null || total === 0 ? {} : { max: total, value: Math.min(rows, total) })}
      />
      <p className="field-help">{t('import.progressHelp')}</p>
      <div className="actions">
        <button
          type="button"
          ref={cancelButton}
          onClick={onCancel}
          disabled={cancelling}
          data-autofocus=""
        >
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
    </div>
  );
}
