import type { FieldError } from '../../../shared/kicc/fields';
import type { MessageKey, Translate } from '../../i18n/translate';
import { translate } from '../../i18n/translate';

/** A local PIN problem (./pin.ts) as the Field component's error, in both languages. */
export function pinFieldErrors(field: string, key: MessageKey | null): FieldError[] {
  if (key === null) return [];
  return [
    {
      field,
      rule: key === 'pin.required' ? 'required' : 'type',
      message: { ko: translate('ko', key), en: translate('en', key) },
    },
  ];
}

/** "4분 05초" / "4 min 05 s" until `until`, never below zero. */
export function timeLeft(t: Translate, until: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((until - now) / 1_000));
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return t('pin.timeLeft', { m, s });
}
