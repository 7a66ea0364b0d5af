import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../shared/clock';
import type { CancelRequest } from '../../../shared/kicc/types';
import { createKiccClient } from '../../../electron/kicc/client';
import {
  LiveModeRefusedError,
  tlsEnvironmentProblem,
} from '../../../electron/kicc/tls-environment';
import { startDeskEngine } from '../../../electron/desk-engine';
import { DEFAULT_SETTINGS } from '../../../electron/settings/schema';
import { SEED_REQUEST_EXAMPLE } from '../../fixtures/seed-examples';
import { recordingLog } from '../../shell/fixtures/shell-stack';
import { tempDir } from '../../unit/ledger/tmpLedger';

/**
 * Issue 11 finding 5, as the attack: 'with NODE_TLS_REJECT_UNAUTHORIZED=0 (a user can set it
 * without admin rights) the client sends the channel id and signed requests to a self-signed
 * host and takes its forged 0000'. The host here is a loopback server with a self-signed
 * certificate (test/fixtures/tls/, valid for 127.0.0.1 until 2126, test-only).
 */
const TLS = join(__dirname, '../../fixtures/tls');
const key = readFileSync(join(TLS, 'self-signed-127.0.0.1.key.pem'));
const cert = readFileSync(join(TLS, 'self-signed-127.0.0.1.cert.pem'));

let restore: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const undo of restore.reverse()) await undo();
  restore = [];
});

/** A forger: answers 0000 to anything and remembers what it was sent. */
async function forgingHost(): Promise<{ url: string; heard: string[] }> {
  const heard: string[] = [];
  const server = createServer({ key, cert }, (req, res) => {
    heard.push(String(req.headers['x-kicc-channelid']));
    res.setHeader('content-type', 'application/json');
    res.end('{"respCd":"0000","respMsg":"forged"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  restore.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, heard };
}

function setEnvironment(name: string, value: string): void {
  const before = process.env[name];
  process.env[name] = value;
  restore.push(async () => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

describe('finding 5: TLS switched off from outside the app', () => {
  it('with NODE_TLS_REJECT_UNAUTHORIZED=0, a self-signed host gets nothing and forges nothing', async () => {
    const host = await forgingHost();
    setEnvironment('NODE_TLS_REJECT_UNAUTHORIZED', '0');
    const client = createKiccClient({
      baseUrl: host.url,
      credentials: () => ({ channelId: 'CH-TLS-0001', secretKey: 'tls-test-secret-key-01' }),
      clock: systemClock,
      connectTimeoutMs: 2_000,
    });
    restore.push(() => client.close());
    const outcome = await client.cancel(JSON.parse(SEED_REQUEST_EXAMPLE) as CancelRequest);
    // the handshake fails before any request byte: provably not sent, and no forged 0000
    expect(outcome.class).toBe('not-sent');
    expect(outcome.code).toBeUndefined();
    expect(host.heard).toEqual([]);
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['nothing set', {}, false],
    ['NODE_TLS_REJECT_UNAUTHORIZED=0', { NODE_TLS_REJECT_UNAUTHORIZED: '0' }, true],
    ['NODE_TLS_REJECT_UNAUTHORIZED=1 (still refused)', { NODE_TLS_REJECT_UNAUTHORIZED: '1' }, true],
    ['NODE_EXTRA_CA_CERTS', { NODE_EXTRA_CA_CERTS: 'C:\\Users\\pos\\evil.pem' }, true],
    ['an empty NODE_EXTRA_CA_CERTS', { NODE_EXTRA_CA_CERTS: '' }, true],
    ['NODE_USE_SYSTEM_CA=1 (the user’s own root store)', { NODE_USE_SYSTEM_CA: '1' }, true],
    ['unrelated variables', { PATH: '/usr/bin', NODE_ENV: 'production' }, false],
  ])('live start with %s: refused = %s', (_name, environment, refused) => {
    const problem = tlsEnvironmentProblem(environment);
    expect(problem !== null).toBe(refused);
    if (problem !== null) {
      for (const name of Object.keys(environment)) {
        expect(problem.ko).toContain(name);
        expect(problem.en).toContain(name);
      }
      expect(new LiveModeRefusedError(problem).message).toContain(
        '실제 모드로 시작하지 않았습니다',
      );
    }
  });
});

describe('finding 5: live mode refuses to start', () => {
  it('while NODE_EXTRA_CA_CERTS is set: a clear message, nothing opened', async () => {
    const t = tempDir('tls-start-');
    restore.push(async () => t.remove());
    const credentials = { channelId: 'CH-LIVE-0001', secretKey: 'live-secret-key-0001' };
    const starting = startDeskEngine({
      mode: { mode: 'live', apiBaseUrl: 'https://kicc.example', credentials },
      settings: {
        ...DEFAULT_SETTINGS,
        apiBaseUrl: 'https://kicc.example',
        terminalId: 'T123456789',
        serviceId: 'SVC_SIMPLE',
        businessNumber: '1234567890',
      },
      credentials: {
        status: () => ({ set: true, encryptionAvailable: true, updatedAt: 1 }),
        save: () => ({ ok: true, value: { updatedAt: 1 } }),
        clear: () => ({ ok: true, value: null }),
        read: () => ({ ok: true, value: credentials }),
      },
      dataDir: t.dir,
      clock: systemClock,
      random: Math.random,
      log: recordingLog(),
      environment: { NODE_EXTRA_CA_CERTS: 'C:\\Users\\pos\\evil.pem' },
    });
    await expect(starting).rejects.toBeInstanceOf(LiveModeRefusedError);
    await expect(starting).rejects.toThrow(/NODE_EXTRA_CA_CERTS/);
    expect(existsSync(join(t.dir, 'live'))).toBe(false);
  });
});
