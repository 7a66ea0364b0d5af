import { Field } from '../../components/Field';
import { formatKstDateTime } from '../../format/time';
import { useT } from '../../i18n/useT';
import { useDesk, useDeskStore } from '../../stores/context';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * KICC's channel id and secret key, WRITE-ONLY (DESIGN.md "Secrets never leave the main
 * process"): the fields are never pre-filled, the page learns only "set / not set" and when, and
 * what was typed is forgotten once sent. Saving them both at once replaces the stored pair.
 */
export function CredentialsPanel() {
  const desk = useDesk();
  const t = useT();
  const status = useDeskStore('settings', (s) => s.credentials);
  const secret = useDeskStore('settings', (s) => s.secret);
  const busy = useDeskStore('settings', (s) => s.credentialsBusy);
  const error = useDeskStore('settings', (s) => s.credentialsError);
  const saved = useDeskStore('settings', (s) => s.credentialsSaved);
  const settings = desk.settings.getState;
  const ready = secret.channelId.trim() !== '' && secret.secretKey.trim() !== '';

  return (
    <form
      className="panel"
      noValidate
      aria-labelledby="credentials-title"
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void settings().saveCredentials();
      }}
    >
      <h2 id="credentials-title">{t('credentials.title')}</h2>
      <p className={status?.set ? 'state-line state-set' : 'state-line state-unset'} role="status">
        {status === null
          ? '—'
          : status.set
            ? t('credentials.set', {
                when: status.updatedAt === null ? '—' : formatKstDateTime(status.updatedAt),
              })
            : t('credentials.notSet')}
      </p>
      {status !== null && !status.encryptionAvailable && (
        <p className="notice notice-bad">{t('credentials.noEncryption')}</p>
      )}
      <p className="field-help">{t('credentials.help')}</p>
      <Field
        label={t('credentials.channelId')}
        value={secret.channelId}
        onChange={(value) => settings().changeSecret('channelId', value)}
        autoComplete="off"
        maxLength={256}
        className="mono"
      />
      <Field
        label={t('credentials.secretKey')}
        value={secret.secretKey}
        onChange={(value) => settings().changeSecret('secretKey', value)}
        type="password"
        autoComplete="new-password"
        maxLength={256}
      />
      <ErrorNotice error={error} />
      {saved && (
        <p className="notice notice-plain" role="status">
          {t('credentials.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !ready}>
          {t('credentials.save')}
        </button>
        {status?.set && (
          <button type="button" disabled={busy} onClick={() => void settings().clearCredentials()}>
            {t('credentials.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
