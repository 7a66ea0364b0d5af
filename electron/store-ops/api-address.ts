/**
 * Where the KICC API address points: its origin (scheme, host, port), '' when none is set.
 * Issue 11 ("changing the API host requires the credentials to be entered again"): the stored
 * ChannelId and SecretKey were entered for one KICC; a manager session that points the till at
 * another host (even by way of '' and back) has them cleared, so whoever holds the PIN but not
 * KICC's secret cannot send the store's signed requests anywhere else.
 */
export function apiOrigin(apiBaseUrl: string): string {
  if (apiBaseUrl === '') return '';
  try {
    return new URL(apiBaseUrl).origin;
  } catch {
    return apiBaseUrl;
  }
}

/** True when `next` (a settings patch's apiBaseUrl, if any) points somewhere else. */
export function movesApiAddress(current: string, next: string | undefined): boolean {
  return next !== undefined && apiOrigin(current) !== apiOrigin(next);
}
