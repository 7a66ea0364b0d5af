import type { AuditVerification } from '../../../shared/contract/manager-models';
import { pick } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { useDeskStore } from '../../stores/context';

type ProblemKind = NonNullable<AuditVerification['problem']>['kind'];

const KIND_WORDS: Record<ProblemKind, MessageKey> = {
  edited: 'audit.kind.edited',
  removed: 'audit.kind.removed',
  reordered: 'audit.kind.reordered',
  inserted: 'audit.kind.inserted',
};

/**
 * The chain check in plain words: intact (how many events, the head to write down), or the
 * event number where it breaks and what kind of change that looks like, with main's message.
 */
export function VerificationResult() {
  const t = useT();
  const language = useLanguage();
  const verification = useDeskStore('audit', (s) => s.verification);
  if (verification === null) return null;
  if (verification.intact) {
    return (
      <div className="outcome outcome-ok verify-result" role="status" data-intact="true">
        <h3>
          <span aria-hidden="true">✔ </span>
          {t('audit.intact')}
        </h3>
        <p>
          {verification.head === null
            ? t('audit.intactEmpty')
            : t('audit.intactCount', { count: verification.count, seq: verification.head.seq })}
        </p>
        {verification.head && <p className="mono hash">{verification.head.hash}</p>}
      </div>
    );
  }
  const problem = verification.problem;
  return (
    <div className="outcome outcome-bad verify-result" role="alert" data-intact="false">
      <h3>
        <span aria-hidden="true">✖ </span>
        {t('audit.broken')}
      </h3>
      {problem && (
        <>
          <p className="outcome-reason">
            {t('audit.brokenAt', { at: problem.at, what: t(KIND_WORDS[problem.kind]) })}
          </p>
          <p>{pick(problem.message, language)}</p>
        </>
      )}
      <p>{t('audit.brokenTodo')}</p>
    </div>
  );
}
