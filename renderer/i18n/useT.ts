import { useCallback } from 'react';
import { formatKrw } from '../../shared/money';
import { useDeskStore } from '../stores/context';
import {
  translate,
  type Language,
  type MessageKey,
  type Params,
  type Translate,
} from './translate';

export function useLanguage(): Language {
  return useDeskStore('nav', (state) => state.language);
}

/** `t('status.queue', { count: 2 })` in the cashier's current language. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback(
    (key: MessageKey, params?: Params) => translate(language, key, params),
    [language],
  );
}

/** KRW with separators in the current language: 10,000원 / KRW 10,000 (shared/money.ts). */
export function useKrw(): (amount: number) => string {
  const language = useLanguage();
  return useCallback((amount: number) => formatKrw(amount, language), [language]);
}
