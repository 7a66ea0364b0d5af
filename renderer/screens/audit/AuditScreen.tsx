import { useEffect } from 'react';
import { Field } from '../../components/Field';
import { formatKstDateTime } from '../../format/time';
import { translate, type MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { checkpointOf } from '../../stores/audit';
import { useDesk, useDeskStore } from '../../stores/context';
import { ManagerOnly } from '../manager/ManagerOnly';
import { whoWords } from '../../format/people';
import { auditKindWords, auditSubjectWords } from './audit-words';
import type { AuditEvent } from '../../../shared/contract/manager-models';
import { VerificationResult } from './VerificationResult';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * The audit log (issue 6): recent events, newest first, and "verify", which checks the whole
 * hash chain (and, given the head printed on an end-of-day summary, that nothing after it was
 * rewritten) and says in plain words whether it holds or where it breaks.
 */
export function AuditScreen() {
  const t = useT();
  return (
    <ManagerOnly title={t('audit.title')}>
      <AuditLog />
    </ManagerOnly>
  );
}

const both = (key: MessageKey) => ({ ko: translate('ko', key), en: translate('en', key) });

function AuditLog() {
  const desk = useDesk();
  const t = useT();
  const events = useDeskStore('audit', (s) => s.events);
  const head = useDeskStore('audit', (s) => s.head);
  const phase = useDeskStore('audit', (s) => s.phase);
  const error = useDeskStore('audit', (s) => s.error);
  const checkpoint = useDeskStore('audit', (s) => s.checkpoint);
  const verifying = useDeskStore('audit', (s) => s.verifying);
  const verifyError = useDeskStore('audit', (s) => s.verifyError);
  const audit = desk.audit.getState;
  const { errors } = checkpointOf(checkpoint);
  const fieldErrors = (field: 'seq' | 'hash') => {
    const key = errors[field];
    return key === undefined ? [] : [{ field, rule: 'type' as const, message: both(key) }];
  };

  useEffect(() => {
    void desk.audit.getState().load();
  }, [desk]);

  return (
    <section className="screen audit-screen" aria-labelledby="audit-title">
      <h1 id="audit-title" tabIndex={-1}>
        {t('audit.title')}
      </h1>
      <p>{t('audit.help')}</p>
      <form
        className="panel verify-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void audit().verify();
        }}
      >
        <h2>{t('audit.verifyTitle')}</h2>
        <p className="field-help">{t('audit.checkpointHelp')}</p>
        <div className="checkpoint-fields">
          <Field
            label={t('audit.checkpointSeq')}
            value={checkpoint.seq}
            onChange={(seq) => audit().setCheckpoint({ seq })}
            errors={fieldErrors('seq')}
            inputMode="numeric"
            maxLength={16}
          />
          <Field
            label={t('audit.checkpointHash')}
            value={checkpoint.hash}
            onChange={(hash) => audit().setCheckpoint({ hash })}
            errors={fieldErrors('hash')}
            className="mono"
            maxLength={80}
          />
        </div>
        <button type="submit" className="primary" disabled={verifying} data-autofocus="">
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
        <VerificationResult />
        <ErrorNotice error={verifyError} />
      </form>

      <h2 id="audit-events-title">{t('audit.recent')}</h2>
      {head && (
        <p className="hint">
          {t('audit.head', { seq: head.seq })} <span className="mono hash">{head.hash}</span>
        </p>
      )}
      <ErrorNotice error={error} />
      {phase === 'loading' && <p role="status">{t('audit.loading')}</p>}
      {phase === 'ready' && events.length === 0 && <p>{t('audit.empty')}</p>}
      {events.length > 0 && (
        <div className="table-scroll">
          <table className="table audit-table" aria-labelledby="audit-events-title">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.kind')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <AuditRow key={event.seq} event={event} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.length > 0 && (events.at(-1)?.seq ?? 1) > 1 && (
        <button type="button" onClick={() => void audit().loadOlder()}>
          {t('audit.older')}
        </button>
      )}
    </section>
  );
}

/**
 * One event in words (issue 12 finding 7): who in the manager's words, what happened, to what;
 * the recorded facts (JSON) only behind "자세히". A code this screen does not know yet is shown
 * as the code.
 */
function AuditRow({ event }: { event: AuditEvent }) {
  const t = useT();
  const kind = auditKindWords(t, event.kind);
  const subject = auditSubjectWords(t, event.subject);
  return (
    <tr data-kind={event.kind}>
      <td className="mono">{event.seq}</td>
      <td>{formatKstDateTime(event.at)}</td>
      <td>{whoWords(t, event.actor)}</td>
      <td className={kind === null ? 'mono' : undefined}>{kind ?? event.kind}</td>
      <td className={subject === null ? 'mono' : undefined}>{subject ?? event.subject}</td>
      <td className="details-cell">
        {event.details !== '{}' && (
          <details>
            <summary>{t('audit.detailsShow')}</summary>
            <pre className="mono" data-verbatim="">
              {event.details}
            </pre>
          </details>
        )}
      </td>
    </tr>
  );
}
