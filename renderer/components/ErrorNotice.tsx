import type { PosError } from '../../shared/contract/errors';
import { pick } from '../i18n/translate';
import { useLanguage } from '../i18n/useT';

/**
 * Main's refusal, in the cashier's language, announced at once (role="alert"): the one way every
 * screen shows a PosError that has no field to sit on. Nothing when there is no error.
 */
export function ErrorNotice({ error }: { error: PosError | null }) {
  const language = useLanguage();
  if (error === null) return null;
  return (
    <p className="notice notice-bad" role="alert">
      {pick(error.message, language)}
    </p>
  );
}
