import { useId } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { NOTE_MAX } from './resolution';

/**
 * A manager's words (a note, an override's reason, a reopening's reason): a labelled textarea
 * with its help (which counts characters) and its error, tied by aria-describedby.
 */
export function ManagerText({
  label,
  value,
  onChange,
  help,
  error,
  placeholder,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  /** a key with {n} and {max} placeholders */
  help: MessageKey;
  error: MessageKey | undefined;
  placeholder?: string;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field" data-invalid={error !== undefined}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        maxLength={NOTE_MAX}
        rows={3}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-errors` : ''}`}
        {...(placeholder === undefined ? {} : { placeholder })}
      />
      <p id={`${id}-help`} className="field-help">
        {t(help, { n: value.trim().length, max: NOTE_MAX })}
      </p>
      {error && (
        <ul id={`${id}-errors`} className="field-errors">
          <li>{t(error)}</li>
        </ul>
      )}
    </div>
  );
}
