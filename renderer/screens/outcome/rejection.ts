import type { MessageKey } from '../../i18n/translate';

/**
 * KICC's refusal in plain words and what to do (issue 5). The contract carries KICC's respCd and
 * respMsg verbatim; the codes are the simulator's placeholders (KICC-API.md "Result codes" [A]),
 * so an unknown code falls back to KICC's own message and a general "what to do".
 */
const KNOWN = ['S001', 'S003', 'S004', 'S008'] as const;
type KnownCode = (typeof KNOWN)[number];

const isKnown = (code: string): code is KnownCode => (KNOWN as readonly string[]).includes(code);

export interface RejectionWords {
  /** a message key for the plain reason, or null: show KICC's respMsg */
  reason: MessageKey | null;
  todo: MessageKey;
}

export function rejectionWords(respCd: string): RejectionWords {
  if (isKnown(respCd)) {
    return { reason: `reason.${respCd}`, todo: `reason.${respCd}.todo` };
  }
  return { reason: null, todo: 'reason.other.todo' };
}
