import { en } from './en';
import { ko, type MessageKey } from './ko';

export type Language = 'ko' | 'en';
export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const tables: Record<Language, Record<MessageKey, string>> = { ko, en };

/** `{name}` placeholders filled from params; an unknown placeholder stays visible (a bug to see). */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = tables[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The other language, for the one-key switch (F7). */
export const otherLanguage = (language: Language): Language => (language === 'ko' ? 'en' : 'ko');

/** Picks the cashier's language out of a shared { ko, en } text (FieldError.message, etc.). */
export const pick = (text: { ko: string; en: string }, language: Language): string =>
  text[language];
