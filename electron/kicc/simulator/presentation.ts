import type { KiccEndpoint } from '../../../shared/kicc/types';
import type { KiccProfile } from './profiles';
import type { SimCode } from './result-codes';
import { codeUnder, SIM_CODES } from './result-codes';
import type { SimAnswer } from './types';

/** An answer as it goes on the wire: its JSON text and the respCd it carries. */
export interface PresentedAnswer {
  body: string;
  respCd: string;
}

const SIM_CODE_SET: ReadonlySet<string> = new Set(Object.values(SIM_CODES));
const isSimCode = (code: string): code is SimCode => SIM_CODE_SET.has(code);

/**
 * The profile's reading of an answer (./profiles.ts): its code table, and for a landed reqCancel
 * under 'unparseable' a documented String field sent as a JSON number (aprvNo: 12345678), which
 * the app's strict parser refuses (shared/kicc/response.ts: "a documented field of the wrong type
 * fails") although the cancellation stands.
 */
export function presentAnswer(
  endpoint: KiccEndpoint,
  answer: SimAnswer,
  profile: Pick<KiccProfile, 'codes' | 'answers'>,
): PresentedAnswer {
  const respCd = isSimCode(answer.respCd) ? codeUnder(profile.codes, answer.respCd) : answer.respCd;
  const shown: Record<string, unknown> = { ...answer, respCd };
  if (
    profile.answers === 'unparseable' &&
    endpoint === 'cancel' &&
    answer.respCd === SIM_CODES.ok &&
    answer.aprvNo !== undefined
  ) {
    shown.aprvNo = Number(answer.aprvNo);
  }
  return { body: JSON.stringify(shown), respCd };
}
