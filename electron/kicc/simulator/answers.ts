import { utf8ByteLength } from '../../../shared/kicc/fields';
import { kstDateTime } from '../../../shared/kicc/time';
import type { SimCode } from './result-codes';
import { SIM_MESSAGES } from './result-codes';
import type { Decision, SimAnswer } from './types';

/** The fields every request carries, echoed back in every answer as a VAN does. */
export interface EchoFields {
  tid: string;
  svcId: string;
  bizrNo: string;
  mercTrxNo: string;
}

/** respMsg is 128 bytes (seed page): cut at a character boundary, never mid-character. */
export const RESP_MSG_MAX_BYTES = 128;

export function fitRespMsg(text: string): string {
  if (utf8ByteLength(text) <= RESP_MSG_MAX_BYTES) return text;
  let out = '';
  for (const char of text) {
    if (utf8ByteLength(out + char) > RESP_MSG_MAX_BYTES) break;
    out += char;
  }
  return out;
}

/** A business refusal: respCd/respMsg first, then the echo and when KICC processed it. */
export function refusalAnswer(
  code: SimCode,
  echo: EchoFields | undefined,
  now: number,
  detail?: string,
): SimAnswer {
  const base = SIM_MESSAGES[code];
  const respMsg = fitRespMsg(detail === undefined ? base : `${base}: ${detail}`);
  if (echo === undefined) return { respCd: code, respMsg };
  const at = kstDateTime(now);
  return {
    respCd: code,
    respMsg,
    tid: echo.tid,
    svcId: echo.svcId,
    bizrNo: echo.bizrNo,
    mercTrxNo: echo.mercTrxNo,
    trxDt: at.date,
    trxTm: at.time,
  };
}

/** A refusal changes nothing at KICC; committing it only records its mercTrxNo (./duplicates.ts). */
export function refusal(
  code: SimCode,
  echo: EchoFields | undefined,
  now: number,
  detail?: string,
): Decision {
  return { answer: refusalAnswer(code, echo, now, detail), commit: () => {} };
}
