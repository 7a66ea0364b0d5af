import type { Clock } from '../../shared/clock';
import type { ConnectionTest } from '../../shared/contract';
import { validateNetCancelRequest } from '../../shared/kicc/requests';
import { kstDateTime } from '../../shared/kicc/time';
import type { NetCancelRequest } from '../../shared/kicc/types';
import { createKiccClient } from '../kicc/client';
import type { KiccClient } from '../kicc/client';
import type { KiccCredentials } from '../kicc/signing';
import type { StoredSettings } from '../settings/schema';
import { explainConnectionTest, notConfigured } from './connection-test';
import type { ConnectionVerdict } from './connection-test';

/**
 * "Test connection" (issue 6): one signed reqRtran, with the SAVED settings and credentials (what
 * the next start in live mode will use), for a merchant number nobody ever used and 1 won.
 * KICC has nothing to reverse under it and says so (S006): harmless by construction, and it
 * proves the address, the signature and the ids at once. ./connection-test.ts explains the
 * answer. Neither the credentials nor the signature appear in the result or the log.
 */
export interface ConnectionCallDeps {
  settings: StoredSettings;
  credentials: KiccCredentials | null;
  clock: Clock;
  random: () => number;
  /**
   * The app's own KICC simulator (training's, on loopback), the one plain-http address a test
   * may be sent to (issue 11 finding 7); null when none runs.
   */
  simulatorUrl?: string | null;
  /** default: the real client; tests may pass one with short timeouts */
  createClient?: (
    baseUrl: string,
    credentials: KiccCredentials,
  ) => Pick<KiccClient, 'netCancel' | 'close'>;
}

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `CONNTEST` + KST yyMMddHHmmss + 12 random base-36 digits: 32 ASCII, never a real one. */
export function connectionTestNumber(now: number, random: () => number): string {
  const { date, time } = kstDateTime(now);
  let tail = '';
  for (let i = 0; i < 12; i += 1) tail += BASE36[Math.floor(random() * 36) % 36];
  return `CONNTEST${date.slice(-6)}${time}${tail}`;
}

/** https, or exactly the origin of the app's own simulator. */
export function isSecureOrOwnSimulator(apiBaseUrl: string, simulatorUrl: string | null): boolean {
  let url: URL;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  if (simulatorUrl === null) return false;
  try {
    return url.origin === new URL(simulatorUrl).origin;
  } catch {
    return false;
  }
}

function missingConfiguration(
  settings: StoredSettings,
  credentials: KiccCredentials | null,
): { ko: string; en: string } | null {
  if (settings.apiBaseUrl === '') {
    return { ko: 'KICC 접속 주소가 설정되지 않았습니다', en: 'the KICC API address is not set' };
  }
  if (settings.terminalId === '' || settings.serviceId === '' || settings.businessNumber === '') {
    return {
      ko: '단말기 번호, 서비스 번호, 사업자등록번호를 모두 설정해야 합니다',
      en: 'the terminal ID, service ID and business number must all be set',
    };
  }
  if (credentials === null) {
    return { ko: 'KICC 인증 정보가 저장되지 않았습니다', en: 'the KICC credentials are not saved' };
  }
  return null;
}

export async function testConnection(deps: ConnectionCallDeps): Promise<ConnectionTest> {
  const { settings } = deps;
  const testedAt = deps.clock.now();
  const answer = (
    verdict: ConnectionVerdict,
    extra: { httpStatus?: number | undefined; respCd?: string | undefined } = {},
  ): ConnectionTest => ({
    ...verdict,
    apiBaseUrl: settings.apiBaseUrl,
    httpStatus: extra.httpStatus ?? null,
    respCd: extra.respCd ?? null,
    testedAt,
  });

  const missing = missingConfiguration(settings, deps.credentials);
  if (missing !== null || deps.credentials === null) {
    return answer(notConfigured(missing ?? { ko: '', en: '' }));
  }
  // The test sends the channel id and a signed request: never in clear text, except to the
  // app's own simulator on loopback (issue 11 finding 7).
  if (!isSecureOrOwnSimulator(settings.apiBaseUrl, deps.simulatorUrl ?? null)) {
    return answer(
      notConfigured({
        ko: 'API 주소가 https가 아닙니다. 인증 정보는 암호화되지 않은 연결(http)로 보내지 않습니다',
        en: 'the API address is not https; the credentials are never sent over plain http',
      }),
    );
  }
  const sent = kstDateTime(testedAt);
  const request = validateNetCancelRequest({
    tid: settings.terminalId,
    svcId: settings.serviceId,
    bizrNo: settings.businessNumber,
    mercTrxNo: connectionTestNumber(testedAt, deps.random),
    alotMonth: '00',
    trxAmt: 1,
    vatAmt: 0,
    svcAmt: 0,
    tranDt: sent.date,
    tranTm: sent.time,
  } satisfies NetCancelRequest);
  if (!request.ok) {
    return answer(
      notConfigured({
        ko: '설정된 단말기 번호, 서비스 번호 또는 사업자등록번호가 KICC 규칙에 맞지 않습니다',
        en: 'the saved terminal ID, service ID or business number breaks a KICC rule',
      }),
    );
  }
  const credentials = deps.credentials;
  const client = deps.createClient
    ? deps.createClient(settings.apiBaseUrl, credentials)
    : createKiccClient({
        baseUrl: settings.apiBaseUrl,
        credentials: () => credentials,
        clock: deps.clock,
        connectTimeoutMs: 5_000,
        readTimeoutMs: 15_000,
      });
  try {
    const outcome = await client.netCancel(request.value);
    return answer(explainConnectionTest(outcome), {
      httpStatus: outcome.exchange.httpStatus,
      respCd: outcome.code,
    });
  } finally {
    await client.close();
  }
}
