import type { Ref } from 'react';
import { pinInput, PIN_MAX } from '../screens/manager/pin';
import { Field } from './Field';
import type { FieldError } from '../../shared/kicc/fields';

/**
 * The manager PIN, masked (issue 6 "masked numeric input"): a password field that takes digits
 * only and offers the number pad on touch screens. Never pre-filled, never remembered by the
 * browser (autocomplete off), never echoed in an error.
 */
export interface PinFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  errors?: readonly FieldError[];
  help?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function PinField({
  label,
  value,
  onChange,
  errors,
  help,
  autoFocus,
  disabled,
  ref,
}: PinFieldProps) {
  return (
    <Field
      ref={ref}
      label={label}
      value={value}
      onChange={(text) => onChange(pinInput(text))}
      {...(errors ? { errors } : {})}
      {...(help ? { help } : {})}
      type="password"
      inputMode="numeric"
      pattern="[0-9]*"
      maxLength={PIN_MAX}
      autoComplete="off"
      className="pin-input"
      disabled={disabled}
      data-autofocus={autoFocus ? '' : undefined}
    />
  );
}
