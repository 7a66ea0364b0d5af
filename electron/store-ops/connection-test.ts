import type { ConnectionTest } from '../../shared/contract';
import { wrongClockAdvice } from '../kicc/advice';
import type { KiccOutcome } from '../kicc/outcome';

/**
 * What a "test connection" answer means, in plain words (issue 6 "a test connection that makes a
 * harmless signed call and explains the result"). THE table: one switch over the client's class
 * (electron/kicc/outcome.ts), tested case by case (test/unit/store-ops/connection-test.test.ts).
 *
 * The call (./connection-call.ts) is a reqRtran for a merchant number nobody ever used, 1 won: a
 * healthy KICC that accepts our signature answers "nothing to reverse" (S006, class not-found,
 * KICC-API.md "Result codes" [A]), and nothing changes anywhere.
 */
export type ConnectionVerdict = Pick<ConnectionTest, 'result' | 'message'>;

const said = (outcome: KiccOutcome): string =>
  outcome.code === undefined ? outcome.message : `[${outcome.code}] ${outcome.message}`;

export function explainConnectionTest(outcome: KiccOutcome): ConnectionVerdict {
  switch (outcome.class) {
    case 'not-found':
      return {
        result: 'ok',
        message: {
          ko: 'KICC에 연결되었고 인증 정보가 받아들여졌습니다. 취소를 처리할 수 있습니다.',
          en: 'KICC answered and accepted the credentials. Cancellations can be processed.',
        },
      };
    case 'auth':
      if (outcome.clockSkewMs !== undefined) {
        const advice = wrongClockAdvice(outcome.clockSkewMs);
        return {
          result: 'credentials-refused',
          message: {
            ko: `${advice.meaning.ko} ${advice.hint.ko}`,
            en: `${advice.meaning.en} ${advice.hint.en}`,
          },
        };
      }
      return {
        result: 'credentials-refused',
        message: {
          ko: `KICC가 인증 정보를 거부했습니다 (HTTP ${outcome.exchange.httpStatus ?? '401'}). 채널 아이디와 시크릿 키를 다시 입력하고, 컴퓨터의 시계가 맞는지 확인하세요.`,
          en: `KICC refused the credentials (HTTP ${outcome.exchange.httpStatus ?? '401'}). Enter the channel ID and secret key again, and check the PC's clock.`,
        },
      };
    case 'not-sent':
      return {
        result: 'unreachable',
        message: {
          ko: 'KICC 서버에 연결하지 못했습니다. 인터넷 연결과 KICC 접속 주소를 확인하세요.',
          en: 'Could not reach the KICC server. Check the internet connection and the API address.',
        },
      };
    case 'in-doubt':
      // No answer in time, a reset, or an HTTP error page: the way to KICC is not healthy.
      return outcome.exchange.httpStatus === undefined
        ? {
            result: 'unreachable',
            message: {
              ko: 'KICC 서버가 제때 응답하지 않았습니다. 잠시 후 다시 시도하세요.',
              en: 'The KICC server did not answer in time. Try again in a moment.',
            },
          }
        : {
            result: 'unexpected',
            message: {
              ko: `KICC 서버가 오류로 응답했습니다 (HTTP ${outcome.exchange.httpStatus}). 잠시 후 다시 시도하고, 계속되면 KICC에 문의하세요.`,
              en: `The KICC server answered with an error (HTTP ${outcome.exchange.httpStatus}). Try again later; if it persists, contact KICC.`,
            },
          };
    case 'rejected':
      // e.g. S008: KICC read our fields and refused one: the ids in the settings are suspect.
      return {
        result: 'unexpected',
        message: {
          ko: `KICC가 시험 요청을 거부했습니다: ${said(outcome)}. 단말기 번호, 서비스 번호, 사업자등록번호를 확인하세요.`,
          en: `KICC refused the test request: ${said(outcome)}. Check the terminal ID, service ID and business number.`,
        },
      };
    case 'retryable':
      return {
        result: 'unexpected',
        message: {
          ko: `KICC에 일시적인 오류가 있습니다: ${said(outcome)}. 잠시 후 다시 시도하세요.`,
          en: `KICC reports a temporary error: ${said(outcome)}. Try again in a moment.`,
        },
      };
    case 'ok':
    case 'already-cancelled':
    case 'duplicate':
    case 'landed':
      // Nothing was ever sent under the test's fresh number: any of these is not what a
      // healthy KICC says, and someone should look before real cancellations are sent.
      return {
        result: 'unexpected',
        message: {
          ko: `KICC가 예상하지 못한 응답을 보냈습니다: ${said(outcome)}. KICC에 문의하세요.`,
          en: `KICC gave an unexpected answer: ${said(outcome)}. Contact KICC.`,
        },
      };
  }
}

export const notConfigured = (missing: { ko: string; en: string }): ConnectionVerdict => ({
  result: 'not-configured',
  message: {
    ko: `연결을 시험할 수 없습니다: ${missing.ko}.`,
    en: `The connection cannot be tested: ${missing.en}.`,
  },
});
