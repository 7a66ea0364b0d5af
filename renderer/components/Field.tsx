import { useId, type InputHTMLAttributes, type Ref } from 'react';
import type { FieldError } from '../../shared/kicc/fields';
import { pick } from '../i18n/translate';
import { useLanguage } from '../i18n/useT';

/**
 * A labelled text field with its errors. The label is a real <label>, the errors are tied to
 * the input by aria-describedby and marked aria-invalid, so a screen reader reads what to fix
 * (issue 5: labels on every control). Errors come from the shared rules, in both languages.
 */
export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  errors?: readonly FieldError[];
  help?: string;
  /** text after the input (a unit, a note) */
  suffix?: string;
  ref?: Ref<HTMLInputElement>;
}

export function Field({
  label,
  value,
  onChange,
  errors = [],
  help,
  suffix,
  ref,
  ...rest
}: FieldProps) {
  const id = useId();
  const language = useLanguage();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors.length > 0 ? `${id}-errors` : undefined;
  return (
    <div className="field" data-invalid={errors.length > 0}>
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        <input
          id={id}
          ref={ref}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={errors.length > 0}
          aria-describedby={[helpId, errorId].filter(Boolean).join(' ') || undefined}
          autoComplete="off"
          spellCheck={false}
          {...rest}
        />
        {suffix && <span className="field-suffix">{suffix}</span>}
      </div>
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {errors.length > 0 && (
        <ul id={errorId} className="field-errors">
          {errors.map((error) => (
            <li key={`${error.field}-${error.rule}`}>{pick(error.message, language)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
