import type { ReviewDetail } from '../../../shared/contract/review-models';
import { noteWords } from '../../i18n/engine-notes';
import { pick } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/useT';
import { readingWords } from './readings';

/**
 * Why the item is here and what the engine could not tell (from the cancellation's note:
 * ../../i18n/engine-notes.ts), and what KICC's answers, taken together, imply (main's reading,
 * electron/store-ops/review-record.ts), with the exchange that decides it. Two records that say
 * opposite things about the money never read the same here.
 */
export function RecordFindings({ detail }: { detail: ReviewDetail }) {
  const t = useT();
  const language = useLanguage();
  const words = noteWords(detail.note);
  const { implies, basisAttemptId } = detail.record;
  const basisIndex = detail.attempts.findIndex((a) => a.id === basisAttemptId);
  const basis = detail.record.exchanges.find((e) => e.attemptId === basisAttemptId);
  const waiting = detail.cancellation.state === 'needs_review';
  return (
    <section className="panel findings" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('review.whyTitle')}</h2>
      <p className={waiting ? 'notice notice-wait' : undefined} data-note={detail.note ?? ''}>
        {pick(words.why, language)}
      </p>
      {words.unknown && (
        <>
          <h3>{t('review.unknownTitle')}</h3>
          <p className="engine-unknown">{pick(words.unknown, language)}</p>
        </>
      )}
      <h3>{t('review.conclusionTitle')}</h3>
      <p className={`implies implies-${implies}`} data-implies={implies}>
        <strong>{t(`review.implies.${implies}`)}</strong>
      </p>
      {basis && basisIndex >= 0 && (
        <p className="basis">
          {t('review.basis', { n: basisIndex + 1, words: readingWords(t, basis) })}
        </p>
      )}
    </section>
  );
}
