import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';

/**
 * The receipt printer, picked from the system's list (issue 12 finding 5): never typed, so it is
 * the system's own name that Electron's `deviceName` wants. The first choice is the computer's
 * default printer, printed without a dialog. A saved printer that is not in the list now (off,
 * unplugged) stays selectable and says so. "Test print" prints a test slip on what is picked,
 * before it is saved.
 */
export function PrinterField({
  value,
  onChange,
}: {
  value: string;
  onChange(printerName: string): void;
}) {
  const desk = useDesk();
  const t = useT();
  const language = useLanguage();
  const phase = useDeskStore('printers', (s) => s.phase);
  const printers = useDeskStore('printers', (s) => s.printers);
  const error = useDeskStore('printers', (s) => s.error);
  const testing = useDeskStore('printers', (s) => s.testing);
  const tested = useDeskStore('printers', (s) => s.tested);
  const testError = useDeskStore('printers', (s) => s.testError);
  const store = desk.printers.getState;

  useEffect(() => {
    void desk.printers.getState().load();
  }, [desk]);

  const known = value === '' || printers.some((p) => p.name === value);
  return (
    <div className="field printer-field">
      <label htmlFor="settings-printer">{t('settings.printer')}</label>
      <div className="field-with-action">
        <select
          id="settings-printer"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby="settings-printer-help"
        >
          <option value="">{t('settings.printerDefault')}</option>
          {printers.map((printer) => (
            <option key={printer.name} value={printer.name}>
              {printer.displayName}
            </option>
          ))}
          {!known && <option value={value}>{t('settings.printerMissing', { name: value })}</option>}
        </select>
        <button type="button" onClick={() => void store().load()} disabled={phase === 'loading'}>
          {t('settings.printerRefresh')}
        </button>
        <button type="button" onClick={() => void store().testPrint(value)} disabled={testing}>
          {testing ? t('settings.testPrinting') : t('settings.testPrint')}
        </button>
      </div>
      <p id="settings-printer-help" className="field-help">
        {t('settings.printerHelp')}
      </p>
      {phase === 'loading' && <p role="status">{t('settings.printersLoading')}</p>}
      <ErrorNotice error={error} />
      <ErrorNotice error={testError} />
      <div role="status">
        {tested?.printed && (
          <p className="notice notice-plain">
            {t('settings.testPrinted', {
              printer: tested.printer === '' ? t('settings.printerDefault') : tested.printer,
            })}
          </p>
        )}
      </div>
      {tested && !tested.printed && tested.problem && (
        <p className="notice notice-bad" role="alert">
          {pick(tested.problem, language)}
        </p>
      )}
    </div>
  );
}
