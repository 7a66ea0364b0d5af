import type { Bilingual } from '../../shared/kicc/messages';

/**
 * Environment variables that change how Node trusts TLS certificates, for every connection of
 * the process (issue 11 finding 5). A Windows user can set them for their own account without
 * administrator rights, so a cashier could point the till's trust at a certificate of their
 * own:
 *  - NODE_TLS_REJECT_UNAUTHORIZED=0 turns certificate checks off. The KICC client also sets
 *    `rejectUnauthorized: true` explicitly (./transport.ts), which wins over it; refused anyway,
 *    because whoever set it meant to intercept something.
 *  - NODE_EXTRA_CA_CERTS adds certificate authorities, read once when the process starts: no
 *    option of ours can take them back.
 *  - NODE_USE_SYSTEM_CA=1 (Node 24) makes Node trust the Windows certificate store too, whose
 *    "current user" root store any user can add a certificate to without administrator rights.
 * Live mode refuses to start while any is set (with any value); training talks only to the
 * embedded simulator on loopback and is unaffected.
 */
export const TLS_ENVIRONMENT_VARIABLES = [
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'NODE_EXTRA_CA_CERTS',
  'NODE_USE_SYSTEM_CA',
];

export function tlsEnvironmentProblem(
  environment: Readonly<Record<string, string | undefined>>,
): Bilingual | null {
  const set = TLS_ENVIRONMENT_VARIABLES.filter((name) => environment[name] !== undefined);
  if (set.length === 0) return null;
  const names = set.join(', ');
  return {
    ko: `실제 모드로 시작하지 않았습니다: 이 PC에 TLS 인증서 검사를 바꾸는 환경 변수(${names})가 설정되어 있습니다. KICC와의 연결을 가로챌 수 있는 설정입니다. Windows의 "시스템 환경 변수 편집"(사용자 변수와 시스템 변수 모두)에서 이 변수를 지우고 프로그램을 다시 시작하세요.`,
    en: `Live mode did not start: this PC sets environment variables that change TLS certificate checks (${names}), which would let someone intercept the connection to KICC. Remove them in Windows' "Edit environment variables" (user and system variables) and start the app again.`,
  };
}

/** Thrown at start (electron/main.ts shows its message in the fatal dialog and exits). */
export class LiveModeRefusedError extends Error {
  constructor(readonly reason: Bilingual) {
    super(`${reason.ko}\n\n${reason.en}`);
    this.name = 'LiveModeRefusedError';
  }
}
