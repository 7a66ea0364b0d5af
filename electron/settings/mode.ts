import type { AppMode, LocalizedText, PosError } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { KiccCredentials } from '../kicc/signing';
import type { StoredSettings } from './schema';

/**
 * Training or live (DESIGN.md "Modes"): training is the default until the merchant's own API
 * domain, terminal, service, business number AND credentials are all there. Decided once at
 * start; a change takes effect at the next start (the page is told via credentials.status).
 * Live never talks plain http: an http:// API address (a simulator) keeps the app in training.
 */
export type ModeDecision =
  | { mode: 'live'; apiBaseUrl: string; credentials: KiccCredentials }
  | { mode: 'training'; reason: LocalizedText };

export function decideMode(
  settings: StoredSettings,
  credentials: Result<KiccCredentials | null, PosError>,
): ModeDecision {
  const training = (ko: string, en: string): ModeDecision => ({
    mode: 'training',
    reason: { ko, en },
  });
  if (!credentials.ok)
    return training('저장된 인증 정보를 읽을 수 없습니다', credentials.error.message.en);
  if (credentials.value === null) {
    return training(
      'KICC 인증 정보가 아직 입력되지 않았습니다',
      'KICC credentials are not entered yet',
    );
  }
  if (!settings.apiBaseUrl.startsWith('https://')) {
    return training(
      'KICC 접속 주소(https://로 시작)가 설정되지 않았습니다',
      'The KICC API address (https) is not set',
    );
  }
  if (settings.terminalId === '' || settings.serviceId === '' || settings.businessNumber === '') {
    return training(
      '단말기 번호, 서비스 번호, 사업자등록번호를 모두 설정해야 합니다',
      'Terminal ID, service ID and business number must all be set',
    );
  }
  return { mode: 'live', apiBaseUrl: settings.apiBaseUrl, credentials: credentials.value };
}

export const modeOf = (decision: ModeDecision): AppMode => decision.mode;
