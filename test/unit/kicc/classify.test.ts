import { describe, expect, it } from 'vitest';
import type { ExchangeResult } from '../../../electron/kicc/classify';
import { classifyExchange, CLOCK_SKEW_NOTICE_MS } from '../../../electron/kicc/classify';
import type { TransportError } from '../../../electron/kicc/transport';
import { EXCHANGE_DEADLINE } from '../../../electron/kicc/transport';

/**
 * KICC-API.md "Error classes the client must tell apart", as a table. The real-socket version of
 * the same cases is test/integration/kicc-client/failures.test.ts.
 */

const fail = (code: string, message = 'boom'): TransportError => ({ code, name: 'Error', message });
const answer = (respCd: string, respMsg = 'msg'): string => JSON.stringify({ respCd, respMsg });

const CASES: { name: string; result: ExchangeResult; class: string; error?: RegExp }[] = [
  // nothing can have reached KICC: the request never got an open socket
  ...[
    'ENOTFOUND',
    'EAI_AGAIN',
    'ECONNREFUSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'EHOSTUNREACH',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ECONNRESET', // reset during the TLS handshake
    'UND_ERR_CLOSED',
  ].map((code) => ({
    name: `${code} before the request was on a socket`,
    result: { reachedSocket: false, error: fail(code) },
    class: 'not-sent',
    error: new RegExp(`^${code}: boom$`),
  })),
  // after the request was on a socket, ANY failure may hide a processed request
  ...[
    'ECONNRESET',
    'UND_ERR_SOCKET',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
    'HPE_INVALID_CONSTANT',
    'ECONNREFUSED', // cannot happen after connect; still not provably unsent
    'SOMETHING_NEW',
  ].map((code) => ({
    name: `${code} after the request was on a socket`,
    result: { reachedSocket: true, error: fail(code) },
    class: 'in-doubt',
    error: new RegExp(`^${code}: boom$`),
  })),
  {
    name: 'a read timeout after a 200 status line and half a body',
    result: {
      reachedSocket: true,
      status: 200,
      bodyText: '{"respCd":"00',
      error: fail('UND_ERR_BODY_TIMEOUT'),
    },
    class: 'in-doubt',
  },
  // HTTP statuses
  ...[401, 403].map((status) => ({
    name: `HTTP ${status}`,
    result: { reachedSocket: true, status, bodyText: '' },
    class: 'auth',
    error: new RegExp(`^HTTP ${status}$`),
  })),
  {
    name: 'HTTP 401 whose body then broke',
    result: { reachedSocket: true, status: 401, error: fail('UND_ERR_SOCKET') },
    class: 'auth',
  },
  ...[500, 502, 503, 504].map((status) => ({
    name: `HTTP ${status}`,
    result: { reachedSocket: true, status, bodyText: answer('0000') },
    class: 'in-doubt',
    error: new RegExp(`^HTTP ${status}$`),
  })),
  ...[201, 204, 301, 302, 400, 404, 405, 408, 429].map((status) => ({
    name: `HTTP ${status} (spec silent: not provably unprocessed)`,
    result: { reachedSocket: true, status, bodyText: answer('0000') },
    class: 'in-doubt',
  })),
  // HTTP 200 bodies
  {
    name: '200 with corrupt JSON',
    result: { reachedSocket: true, status: 200, bodyText: '{"respCd":"0000",' },
    class: 'in-doubt',
    error: /^invalid JSON$/,
  },
  {
    name: '200 with an empty body',
    result: { reachedSocket: true, status: 200 },
    class: 'in-doubt',
  },
  {
    name: '200 with JSON but no respCd',
    result: { reachedSocket: true, status: 200, bodyText: '{"respMsg":"ok"}' },
    class: 'in-doubt',
    error: /^invalid answer: respCd: missing$/,
  },
  {
    name: '200 with an HTML page',
    result: { reachedSocket: true, status: 200, bodyText: '<html>maintenance</html>' },
    class: 'in-doubt',
  },
  {
    name: '200 0000',
    result: { reachedSocket: true, status: 200, bodyText: answer('0000') },
    class: 'ok',
  },
  {
    name: '200 S002',
    result: { reachedSocket: true, status: 200, bodyText: answer('S002') },
    class: 'already-cancelled',
  },
  {
    name: '200 with an unknown code',
    result: { reachedSocket: true, status: 200, bodyText: answer('Z999') },
    class: 'rejected',
  },
];

describe('classifyExchange (reqCancel)', () => {
  it.each(CASES)('$name -> $class', ({ result, class: cls, error }) => {
    const classified = classifyExchange('cancel', result);
    expect(classified.class).toBe(cls);
    expect(classified.message.length).toBeGreaterThan(0);
    if (error) expect(classified.error).toMatch(error);
  });
});

describe('classifyExchange: messages', () => {
  it("carry KICC's respMsg, and the code, for an answer", () => {
    const classified = classifyExchange('cancel', {
      reachedSocket: true,
      status: 200,
      bodyText: answer('S003', '금액 불일치'),
    });
    expect(classified).toMatchObject({ class: 'rejected', code: 'S003', message: '금액 불일치' });
    expect(classified.response?.respMsg).toBe('금액 불일치');
    expect(classified.error).toBeUndefined();
  });

  it("fall back to the code table's meaning when respMsg is empty", () => {
    const classified = classifyExchange('cancel', {
      reachedSocket: true,
      status: 200,
      bodyText: '{"respCd":"S004"}',
    });
    expect(classified.message).toBe('The cancellation period has expired.');
  });

  it('say plainly whether it is safe to send again', () => {
    const notSent = classifyExchange('cancel', {
      reachedSocket: false,
      error: fail('ECONNREFUSED'),
    });
    const inDoubt = classifyExchange('cancel', {
      reachedSocket: true,
      error: fail('UND_ERR_HEADERS_TIMEOUT'),
    });
    expect(notSent.message).toMatch(/refused.*safe to send again/);
    expect(inDoubt.message).toMatch(/read timeout.*verify before anything else/);
  });

  it('use the endpoint: S007 is "landed" on reqRtran, refused on reqCancel', () => {
    const result = { reachedSocket: true, status: 200, bodyText: answer('S007') };
    expect(classifyExchange('netCancel', result).class).toBe('landed');
    expect(classifyExchange('cancel', result).class).toBe('rejected');
  });
});

describe('classifyExchange: a 401/403 and the clocks (issue 9, sequence 10)', () => {
  const AT = Date.UTC(2024, 2, 10, 3, 0, 0);
  const refused = (status: number, dateMs?: number) =>
    classifyExchange('cancel', {
      reachedSocket: true,
      status,
      ...(dateMs === undefined ? {} : { date: new Date(dateMs).toUTCString(), receivedAt: AT }),
    });

  it.each([
    [7 * 60_000, 'behind'],
    [-7 * 60_000, 'ahead of'],
  ])(
    "KICC's Date %i ms from the PC's: the PC's clock is wrong, and how to fix it",
    (skew, side) => {
      const classified = refused(401, AT + skew);
      expect(classified).toMatchObject({ class: 'auth', clockSkewMs: skew });
      expect(classified.message).toContain(`7 minutes ${side} KICC's`);
      expect(classified.message).toMatch(
        /^HTTP 401: the PC's clock is wrong\..*Sync now.*credentials/,
      );
    },
  );

  it('403 the same way', () => {
    expect(refused(403, AT + 10 * 60_000)).toMatchObject({ class: 'auth', clockSkewMs: 600_000 });
  });

  it.each([
    ['the same time', AT],
    ['exactly the notice apart', AT + CLOCK_SKEW_NOTICE_MS],
    ['the notice apart, the other way', AT - CLOCK_SKEW_NOTICE_MS],
  ])('%s: the credentials, as before', (_name, dateMs) => {
    const classified = refused(401, dateMs);
    expect(classified.class).toBe('auth');
    expect(classified.clockSkewMs).toBeUndefined();
    expect(classified.message).toMatch(/refused our credentials/);
  });

  it('a minute and a second apart is past the notice', () => {
    expect(refused(401, AT + CLOCK_SKEW_NOTICE_MS + 1000).clockSkewMs).toBe(61_000);
    expect(CLOCK_SKEW_NOTICE_MS).toBe(60_000);
  });

  it('no Date header, or one that is not a date: the credentials', () => {
    expect(refused(401).clockSkewMs).toBeUndefined();
    const garbled = classifyExchange('cancel', {
      reachedSocket: true,
      status: 401,
      date: 'yesterday-ish',
      receivedAt: AT,
    });
    expect(garbled).toMatchObject({ class: 'auth' });
    expect(garbled.clockSkewMs).toBeUndefined();
  });

  it('a clock far off on a 200 answer changes nothing: KICC accepted us', () => {
    const answered = classifyExchange('cancel', {
      reachedSocket: true,
      status: 200,
      bodyText: answer('0000'),
      date: new Date(AT + 3_600_000).toUTCString(),
      receivedAt: AT,
    });
    expect(answered.class).toBe('ok');
    expect(answered.clockSkewMs).toBeUndefined();
  });
});

describe('classifyExchange: the exchange deadline (issue 9, sequence 7)', () => {
  it('an exchange ended at its deadline is in doubt, and says why', () => {
    const classified = classifyExchange('cancel', {
      reachedSocket: true,
      status: 200,
      error: fail(EXCHANGE_DEADLINE),
    });
    expect(classified.class).toBe('in-doubt');
    expect(classified.message).toMatch(/exchange deadline/);
    expect(classified.error).toMatch(/^KICC_EXCHANGE_DEADLINE/);
  });
});

describe('classifyExchange: what each failure is called (the exchange record, the log)', () => {
  const notSent = (code: string | undefined, name = 'Error') =>
    classifyExchange('cancel', {
      reachedSocket: false,
      error: { ...(code === undefined ? {} : { code }), name, message: 'boom' },
    }).message;
  const inDoubtAfter = (code: string | undefined, name = 'Error') =>
    classifyExchange('cancel', {
      reachedSocket: true,
      error: { ...(code === undefined ? {} : { code }), name, message: 'boom' },
    }).message;
  const sentence = (why: string) =>
    `Not sent: ${why}. Nothing reached KICC; it is safe to send again.`;
  const doubt = (why: string) =>
    `In doubt: ${why}. KICC may have processed it: verify before anything else.`;

  it.each([
    ['ENOTFOUND', 'the KICC host name could not be resolved (DNS)'],
    ['EAI_AGAIN', 'the KICC host name could not be resolved right now (DNS)'],
    ['ECONNREFUSED', 'the connection to KICC was refused'],
    ['UND_ERR_CONNECT_TIMEOUT', 'no connection to KICC within the connect timeout'],
    ['ETIMEDOUT', 'no connection to KICC within the connect timeout'],
    ['EHOSTUNREACH', 'no network route to KICC'],
    ['ENETUNREACH', 'no network route to KICC'],
    ['ECONNRESET', 'the connection was reset before the request was written'],
    ['UND_ERR_SOCKET', 'the connection closed before the request was written'],
    ['UND_ERR_CLOSED', 'the KICC client is closed'],
    ['UND_ERR_DESTROYED', 'the KICC client is closed'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'the secure (TLS) connection to KICC failed'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'the secure (TLS) connection to KICC failed'],
    ['EPROTO', 'the secure (TLS) connection to KICC failed'],
    ['CERT_HAS_EXPIRED', 'the secure (TLS) connection to KICC failed'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'the secure (TLS) connection to KICC failed'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'the secure (TLS) connection to KICC failed'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'the secure (TLS) connection to KICC failed'],
    // TLS codes are matched from the start, EPROTO exactly: look-alikes are not TLS failures
    ['EPROTONOSUPPORT', 'the request could not be sent'],
    ['X_ERR_TLS_Y', 'the request could not be sent'],
    ['SOMETHING_NEW', 'the request could not be sent'],
    [undefined, 'the request could not be sent'],
  ])('not sent, %s: "%s"', (code, why) => {
    expect(notSent(code)).toBe(sentence(why));
  });

  it.each([
    ['UND_ERR_HEADERS_TIMEOUT', 'no answer from KICC within the read timeout'],
    ['UND_ERR_BODY_TIMEOUT', "KICC's answer stalled past the read timeout"],
    ['UND_ERR_SOCKET', 'the connection closed after the request was sent'],
    ['ECONNRESET', 'the connection was reset after the request was sent'],
    ['EPIPE', 'the connection broke while the request was being sent'],
    ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', "KICC's answer was cut short"],
    ['UND_ERR_RES_EXCEEDED_MAX_SIZE', "KICC's answer was too large to be a KICC answer"],
    [
      EXCHANGE_DEADLINE,
      'no complete answer within the exchange deadline (the connection was closed)',
    ],
    ['HPE_INVALID_CONSTANT', "KICC's answer is not valid HTTP"],
    ['SOMETHING_NEW', 'the exchange with KICC failed after the request was sent'],
    [undefined, 'the exchange with KICC failed after the request was sent'],
  ])('in doubt, %s: "%s"', (code, why) => {
    expect(inDoubtAfter(code)).toBe(doubt(why));
  });

  it("undici's HTTPParserError without an HPE_ code: not valid HTTP", () => {
    expect(inDoubtAfter('SOMETHING', 'HTTPParserError')).toBe(
      doubt("KICC's answer is not valid HTTP"),
    );
    expect(inDoubtAfter('XHPE_', 'Error')).toBe(
      doubt('the exchange with KICC failed after the request was sent'),
    );
  });

  it.each([
    [500, 'KICC answered HTTP 500'],
    [503, 'KICC answered HTTP 503'],
    [499, 'unexpected HTTP 499'],
    [404, 'unexpected HTTP 404'],
    [204, 'unexpected HTTP 204'],
  ])('HTTP %i: "%s", error "HTTP %i"', (status, why) => {
    const classified = classifyExchange('cancel', { reachedSocket: true, status });
    expect(classified).toEqual({ class: 'in-doubt', message: doubt(why), error: `HTTP ${status}` });
  });

  it('an exchange that ended with neither answer nor error: in doubt, "no status"', () => {
    expect(classifyExchange('cancel', { reachedSocket: true })).toEqual({
      class: 'in-doubt',
      message: doubt('the exchange ended without an answer'),
      error: 'no status',
    });
  });

  it('200 bodies that are not KICC answers say which', () => {
    expect(classifyExchange('cancel', { reachedSocket: true, status: 200, bodyText: '{' })).toEqual(
      {
        class: 'in-doubt',
        message: doubt("KICC's answer is not valid JSON (it may be cut short)"),
        error: 'invalid JSON',
      },
    );
    expect(
      classifyExchange('cancel', { reachedSocket: true, status: 200, bodyText: '{"respMsg":"x"}' }),
    ).toEqual({
      class: 'in-doubt',
      message: doubt("KICC's answer is not a valid KICC answer"),
      error: 'invalid answer: respCd: missing',
    });
  });
});
