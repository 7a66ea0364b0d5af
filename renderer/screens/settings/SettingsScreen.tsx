import { useEffect } from 'react';
import type { FieldError } from '../../../shared/kicc/fields';
import { Field } from '../../components/Field';
import { formatKstTime } from '../../format/time';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ManagerOnly } from '../manager/ManagerOnly';
import { ConnectionPanel } from './ConnectionPanel';
import { CredentialsPanel } from './CredentialsPanel';
import { STORE_NAME_MAX } from '../../../shared/contract/settings-rules';
import { blockingErrors, type SettingsField } from './form';
import { CashiersField } from './CashiersField';
import { ModePanel } from './ModePanel';
import { BackupPanel } from './BackupPanel';
import { PrinterField } from './PrinterField';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * Settings (manager only; issue 6): the store's name for the slips, its KICC ids checked as typed with KICC's rules,
 * limits, language, printer; then the write-only credentials, "test connection", and the mode.
 * Only what changed is saved; ids and limits apply from the next start (main reads them then).
 */
export function SettingsScreen() {
  const t = useT();
  return (
    <ManagerOnly title={t('settings.title')}>
      <SettingsForms />
    </ManagerOnly>
  );
}

function SettingsForms() {
  const desk = useDesk();
  const t = useT();
  const phase = useDeskStore('settings', (s) => s.phase);
  const error = useDeskStore('settings', (s) => s.error);
  useEffect(() => {
    void desk.settings.getState().load();
    return () => desk.settings.getState().leave();
  }, [desk]);
  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>
        {t('settings.title')}
      </h1>
      {phase === 'loading' && <p role="status">{t('settings.loading')}</p>}
      <ErrorNotice error={error} />
      {phase === 'ready' && (
        <div className="settings-layout">
          <StoreSettings />
          <div className="settings-side">
            <CredentialsPanel />
            <ConnectionPanel />
            <ModePanel />
            <BackupPanel />
          </div>
        </div>
      )}
    </section>
  );
}

function StoreSettings() {
  const desk = useDesk();
  const t = useT();
  const saved = useDeskStore('settings', (s) => s.saved);
  const draft = useDeskStore('settings', (s) => s.draft);
  const mainErrors = useDeskStore('settings', (s) => s.mainErrors);
  const saving = useDeskStore('settings', (s) => s.saving);
  const saveError = useDeskStore('settings', (s) => s.saveError);
  const savedAt = useDeskStore('settings', (s) => s.savedAt);
  if (saved === null || draft === null) return null;
  const errors = blockingErrors(saved, draft);
  const shown = (field: SettingsField): FieldError[] => [
    ...(errors[field] ?? []),
    ...mainErrors.filter((e) => e.field === field),
  ];
  const change = desk.settings.getState().change;
  const count = Object.values(errors).reduce((n, list) => n + list.length, 0);

  const text = (field: SettingsField & keyof typeof draft, label: string, more = {}) => (
    <Field
      label={label}
      value={String(draft[field])}
      onChange={(value) => change(field, value)}
      errors={shown(field)}
      {...more}
    />
  );

  return (
    <form
      className="panel settings-form"
      noValidate
      aria-labelledby="store-settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        void desk.settings.getState().save();
      }}
    >
      <h2 id="store-settings-title">{t('settings.store')}</h2>
      <p className="field-help">{t('settings.storeHelp')}</p>
      {text('apiBaseUrl', t('settings.apiBaseUrl'), {
        help: t('settings.apiBaseUrlHelp'),
        placeholder: 'https://',
        inputMode: 'url',
        maxLength: 200,
        'data-autofocus': '',
      })}
      {text('storeName', t('settings.storeName'), {
        help: t('settings.storeNameHelp'),
        maxLength: STORE_NAME_MAX,
      })}
      {text('terminalId', t('settings.terminalId'), { maxLength: 10, className: 'mono' })}
      {text('serviceId', t('settings.serviceId'), { maxLength: 10, className: 'mono' })}
      {text('businessNumber', t('settings.businessNumber'), {
        help: t('settings.businessNumberHelp'),
        inputMode: 'numeric',
        maxLength: 12,
        className: 'mono',
      })}
      <h3>{t('settings.limits')}</h3>
      {text('cashierMaxAmount', t('settings.cashierMaxAmount'), {
        help: t('settings.cashierMaxAmountHelp'),
        inputMode: 'numeric',
        className: 'amount-input',
      })}
      {text('offlineMaxCount', t('settings.offlineMaxCount'), {
        inputMode: 'numeric',
        className: 'amount-input',
      })}
      {text('offlineMaxAmount', t('settings.offlineMaxAmount'), {
        inputMode: 'numeric',
        className: 'amount-input',
      })}
      <CashiersField
        value={draft.cashiers}
        onChange={(value) => change('cashiers', value)}
        errors={shown('cashiers')}
      />
      <h3>{t('settings.kiccCodes')}</h3>
      {text('confirmedRefusalCodes', t('settings.confirmedRefusalCodes'), {
        help: t('settings.confirmedRefusalCodesHelp'),
        className: 'mono',
        maxLength: 300,
      })}
      <h3>{t('settings.device')}</h3>
      <div className="field">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          value={draft.language}
          onChange={(event) => change('language', event.target.value === 'en' ? 'en' : 'ko')}
        >
          <option value="ko">한국어</option>
          <option value="en">English</option>
        </select>
      </div>
      <PrinterField value={draft.printerName} onChange={(name) => change('printerName', name)} />
      {(['autoPrintSettled', 'startAtLogin', 'kiosk'] as const).map((field) => (
        <label key={field} className="check">
          <input
            type="checkbox"
            checked={draft[field]}
            onChange={(event) => change(field, event.target.checked)}
          />
          {t(`settings.${field}`)}
        </label>
      ))}
      {count > 0 && (
        <p className="notice notice-bad" role="alert">
          {t('cancel.fixErrors', { count })}
        </p>
      )}
      <ErrorNotice error={saveError} />
      {savedAt !== null && (
        <p className="notice notice-plain" role="status">
          {t('settings.saved', { time: formatKstTime(savedAt) })}
        </p>
      )}
      <button type="submit" className="primary" disabled={saving || count > 0}>
        {saving ? t('settings.saving') : t('settings.save')}
      </button>
    </form>
  );
}
