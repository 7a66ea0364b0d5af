/**
 * Nonces already used, each kept only while its timestamp is still acceptable: once
 * `timestamp + skew` has passed, the timestamp check refuses a replay on its own, so the nonce
 * can be forgotten (KICC-API.md "Authentication headers" [A]: 5-minute skew, no reused nonce).
 * The cache therefore holds at most the nonces of one skew window.
 */
export interface NonceCache {
  /** false when the nonce is already in use; otherwise records it and answers true */
  claim(nonce: string, timestampMs: number, now: number): boolean;
  readonly size: number;
}

export function createNonceCache(skewMs: number): NonceCache {
  const expiries = new Map<string, number>();
  // Sweeping the whole map on every claim made each request O(nonces in the window). Nonces
  // arrive roughly in timestamp order, so expire from the oldest and stop at the first one still
  // valid: amortised O(1). One kept a little longer is harmless: the skew check refuses its
  // timestamp anyway.
  const forgetExpired = (now: number): void => {
    for (const [nonce, expiresAt] of expiries) {
      if (expiresAt >= now) return;
      expiries.delete(nonce);
    }
  };
  return {
    claim(nonce, timestampMs, now) {
      forgetExpired(now);
      if (expiries.has(nonce)) return false;
      expiries.set(nonce, timestampMs + skewMs);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}
